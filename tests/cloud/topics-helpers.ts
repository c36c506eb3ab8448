/**
 * Helpers of the topics tests (one place; the general ones — `code`, `data`, uploads, verdict
 * pushes, `auditOf` — come from the shared test helpers): the demo people, raising a topic, moving
 * one along its lifecycle as the liaison, verified riders made on the fly for crowds, Shanghai dates
 * relative to the real day (far enough from "now" that the hour of the run never matters), and a
 * snapshot of the topic collections to assert "nothing changed".
 */
import type { ParamsOf } from '../../cloudfunctions/_lib/api'
import type { UploadPurpose } from '../../cloudfunctions/_lib/files'
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import type { TestCloud } from '../helpers/local-cloud'
import { data, upload } from './helpers'

export { auditOf, code, data, fileExists, pushVerdict as deliverVerdict, uploadTo } from './helpers'
export { withOpenapiDown } from './stations-helpers'
export { DEMO }

/** A fresh photo in `openid`'s own folder for `purpose`, as the app's upload service puts it. */
export const uploadOwn = (cloud: TestCloud, openid: string, purpose: UploadPurpose) => upload(cloud, openid, purpose)

export const RIDER = DEMO.rider.zhang
export const RIDER2 = DEMO.rider.chen
export const RIDER3 = DEMO.rider.wu // current group: 康桥
export const ADMIN = DEMO.admin.wang
export const VISITOR = DEMO.visitor.zhao
export const LIAISON = DEMO.liaison.li // 周浦万达
export const LIAISON2 = DEMO.liaison.sun // 康桥
export const TOWN = DEMO.town
export const GROUP = DEMO.group.zhoupu.id
export const T = DEMO.topic

/** YYYY-MM-DD in Shanghai, `days` from today. */
export function shanghaiDate(days: number, from = Date.now()): string {
  return new Date(from + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)
}

/** An instant `hours` from now, as the client sends it. */
export const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()

let n = 0
export const requestId = () => `req-${Date.now().toString(36)}-${++n}-${Math.random().toString(36).slice(2, 8)}`

export type CreateParams = ParamsOf<'topics', 'createTopic'>

export async function raise(cloud: TestCloud, openid: string, extra: Partial<CreateParams> = {}): Promise<string> {
  const params: CreateParams = {
    title: '测试议题：路口没有红绿灯',
    description: '这个路口车多，骑手过马路很危险，希望装一个红绿灯。',
    category: 'traffic',
    requestId: requestId(),
    ...extra,
  }
  return data(await cloud.call('topics', 'createTopic', params, { openid })).id
}

let authors = 0
/** A fresh verified rider of the demo group to raise a topic (a rider may raise five a day). */
export const freshAuthor = (cloud: TestCloud, prefix = 'author') => makeRiders(cloud, `${prefix}-${++authors}`, 1)[0]

/** Verified riders of the demo group, made directly in the database (for crowds and concurrency). */
export function makeRiders(cloud: TestCloud, prefix: string, count: number, groupId: string = GROUP): string[] {
  const ids = Array.from({ length: count }, (_v, i) => `o-${prefix}-${String(i + 1).padStart(2, '0')}`)
  cloud.db.insert(
    'users',
    ids.map((_id) => ({
      _id,
      nickname: `骑手${_id.slice(-2)}`,
      roles: ['rider'],
      groupIds: [groupId],
      currentGroupId: groupId,
      liaisonOf: [],
      adminOf: [],
      dutyPeriods: [],
      staffOf: {},
      verification: 'approved',
      createdAt: new Date(),
    })),
  )
  return ids
}

type Move = ParamsOf<'topics', 'setStatus'>

export const moves = {
  accept: (topicId: string, days = 10): Move => ({ topicId, to: 'accepted', dueDate: shanghaiDate(days) }),
  deliberate: (topicId: string, hours = 48, seats = 20): Move => ({
    topicId,
    to: 'deliberating',
    session: { at: inHours(hours), place: '周浦镇社区党群服务中心', seats },
  }),
  answer: (topicId: string, outcome: 'adopted' | 'partial' | 'rejected' = 'partial'): Move => ({
    topicId,
    to: 'answered',
    outcome,
    reasoning: '议事会商量后，先在两个小区试点临时停车点。',
    responsible: '周浦镇社区管理办',
  }),
  implement: (topicId: string): Move => ({ topicId, to: 'implementing', plan: '本周在两个小区门口划线' }),
  done: (topicId: string): Move => ({ topicId, to: 'done', note: '两个小区的临时停车点已启用' }),
}

/** Move a topic through `steps` as `as` (default the demo liaison); each must succeed. */
export async function advance(cloud: TestCloud, steps: Move[], as: string = LIAISON): Promise<void> {
  for (const m of steps) data(await cloud.call('topics', 'setStatus', m, { openid: as }))
}

/** The stored topic documents and their records, to assert that a refused call changed nothing. */
export function snapshot(
  cloud: TestCloud,
  collections = ['topics', 'topic_comments', 'topic_supports', 'topic_follows', 'topic_config'],
): string {
  return JSON.stringify(Object.fromEntries(collections.map((c) => [c, cloud.db.find(c, {}, { limit: 10000 })])))
}

export const topicDoc = (cloud: TestCloud, id: string) => cloud.db.find('topics', { _id: id })[0]
