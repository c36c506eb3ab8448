/**
 * Helpers of the micro-front's cloud tests: demo ids, extra riders put straight into the database as
 * members of a group, a request id per call.
 */
import { randomBytes } from 'node:crypto'
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import type { TestCloud } from '../helpers/local-cloud'

export const ZHOUPU = DEMO.group.zhoupu.id
export const KANGQIAO = DEMO.group.kangqiao.id
export const LI = DEMO.liaison.li
export const SUN = DEMO.liaison.sun
export const WANG = DEMO.admin.wang
export const LIU = DEMO.front.admin.liu
export const ZHANG = DEMO.rider.zhang
export const CHEN = DEMO.rider.chen
export const WU = DEMO.rider.wu
export const ZHAO = DEMO.visitor.zhao
export const TOWN = DEMO.town

export const rid = () => `req-${randomBytes(8).toString('hex')}`

/** Verified riders added to `groupId` (documents as users keeps them); returns their openids. */
export function addRiders(cloud: TestCloud, prefix: string, n: number, groupId = ZHOUPU): string[] {
  const now = new Date()
  const ids = Array.from({ length: n }, (_v, i) => `o-${prefix}-${String(i).padStart(3, '0')}`)
  cloud.db.insert(
    'users',
    ids.map((openid, i) => ({
      _id: openid,
      nickname: `骑手${prefix}${i}`,
      roles: ['rider'],
      groupIds: [groupId],
      currentGroupId: groupId,
      liaisonOf: [],
      adminOf: [],
      dutyPeriods: [],
      staffOf: {},
      verification: 'approved',
      createdAt: now,
      updatedAt: now,
    })),
  )
  return ids
}

export const notice = (cloud: TestCloud, id: string) => cloud.db.find('notices', { _id: id })[0]
export const question = (cloud: TestCloud, id: string) => cloud.db.find('questions', { _id: id })[0]
export const group = (cloud: TestCloud, id: string) => cloud.db.find('groups', { _id: id })[0]
