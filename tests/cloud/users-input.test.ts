/**
 * users: bad input to every action, by a caller whose role allows it, is INVALID_ARGUMENT naming
 * the field, echoes nothing long back, and changes nothing in any collection.
 */
import { COLLECTION_NAMES } from '../../cloudfunctions/_lib/collections'
import { actions } from '../../cloudfunctions/users'
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { snapshot } from './helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

const LONG = '长'.repeat(5000)
const ZHOUPU = DEMO.group.zhoupu.id

/** [action, caller, bad params, the field the refusal names] — every action at least once. */
const CASES: [string, string, Record<string, unknown>, string][] = [
  ['getMe', DEMO.rider.zhang, { extra: 1 }, '(参数)'],
  ['updateProfile', DEMO.rider.zhang, { nickname: LONG }, 'nickname'],
  ['updateProfile', DEMO.rider.zhang, { phone: '1381234567x' }, 'phone'],
  ['deleteMe', DEMO.rider.zhang, { confirm: 'yes' }, 'confirm'],
  ['enterGroup', DEMO.rider.zhang, { groupInfo: { cloudID: '' } }, 'groupInfo.cloudID'],
  ['claimGroup', DEMO.liaison.li, { groupInfo: { cloudID: 'x' }, name: '群' }, 'name'],
  ['switchGroup', DEMO.rider.zhang, { groupId: '../../etc' }, 'groupId'],
  ['leaveGroup', DEMO.rider.zhang, { groupId: 42 }, 'groupId'],
  ['createInvite', DEMO.liaison.li, { groupId: ZHOUPU, hours: 0 }, 'hours'],
  ['joinByInvite', DEMO.rider.zhang, { token: LONG }, 'token'],
  ['listGroups', DEMO.town, { page: 2 }, '(参数)'],
  ['requestVerification', DEMO.visitor.zhao, { workType: '外卖', platform: '美团', photoFileId: 'file:///etc/passwd' }, 'photoFileId'],
  ['listVerifications', DEMO.liaison.li, { groupId: ZHOUPU, state: 'all' }, 'state'],
  ['decideVerification', DEMO.liaison.li, { id: DEMO.verification.zhao, approve: false, reason: '' }, 'reason'],
  ['listMembers', DEMO.liaison.li, { groupId: '' }, 'groupId'],
  ['assignRole', DEMO.town, { targetOpenid: DEMO.rider.zhang, targetRole: 'king', grant: true }, 'targetRole'],
  ['listAudit', DEMO.town, { limit: 1000 }, 'limit'],
  ['searchUsers', DEMO.town, { q: LONG }, 'q'],
  ['listMyNotices', DEMO.rider.zhang, { all: true }, '(参数)'],
  ['markNoticesRead', DEMO.rider.zhang, { ids: ['x'.repeat(65)] }, 'ids.0'],
  ['addDutyPeriod', DEMO.liaison.li, { targetOpenid: DEMO.rider.zhang, groupId: ZHOUPU, start: 'tomorrow', end: 'later' }, 'start'],
  ['removeDutyPeriod', DEMO.liaison.li, { targetOpenid: DEMO.rider.zhang }, 'periodId'],
  ['townOverview', DEMO.town, { groups: 'all' }, '(参数)'],
]

test('every action has a bad-input case here', () => {
  expect([...new Set(CASES.map(([a]) => a))].sort()).toEqual(Object.keys(actions).sort())
})

test('bad input: INVALID_ARGUMENT naming the field, nothing long echoed, nothing changed', async () => {
  const before = snapshot(cloud, COLLECTION_NAMES)
  const seen: unknown[] = []
  for (const [action, openid, params] of CASES) {
    const r = await cloud.raw('users', { action, ...params }, { openid })
    const body = r.body as { ok: boolean; error?: { code: string; details?: { field?: string } } }
    seen.push([action, body.error?.code, body.error?.details?.field])
    expect(JSON.stringify(body).length).toBeLessThan(2000)
  }
  expect(seen).toEqual(CASES.map(([action, , , field]) => [action, 'INVALID_ARGUMENT', field]))
  expect(snapshot(cloud, COLLECTION_NAMES)).toEqual(before)
})
