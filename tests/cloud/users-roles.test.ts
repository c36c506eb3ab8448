/**
 * users: role changes by the roles above, recorded in the append-only audit log in their scope
 * (applied, and denied at most once per person per minute); a liaison's power ends at their own
 * group — removing a member affects that group only — and only town revokes a verification;
 * members with full phones for the liaison only; the bootstrap town account.
 */
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { auditOf, code, data, firstDeniedPerPerson, snapshot } from './helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

const LI = DEMO.liaison.li
const SUN = DEMO.liaison.sun
const ZHANG = DEMO.rider.zhang
const WU = DEMO.rider.wu
const TOWN = DEMO.town
const ZHOUPU = DEMO.group.zhoupu.id
const KANGQIAO = DEMO.group.kangqiao.id
const user = (openid: string) => cloud.db.find('users', { _id: openid })[0]
const group = (id: string) => cloud.db.find('groups', { _id: id })[0]
const assign = (as: string, params: Record<string, unknown>) => cloud.call('users', 'assignRole', params as never, { openid: as })
const sh = (days: number) => `${new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10)}T00:00:00+08:00`

test('the liaison makes a verified member an admin of the group, once (two grants race), audited in the group with before/after', async () => {
  const grant = { targetOpenid: ZHANG, targetRole: 'admin', scopeId: ZHOUPU, grant: true }
  const [a, b] = await Promise.all([assign(LI, grant), assign(LI, grant)])
  expect([data(a).changed, data(b).changed].sort()).toEqual([false, true])
  expect(user(ZHANG)).toMatchObject({ roles: ['rider', 'admin'], adminOf: [ZHOUPU] })
  const trail = auditOf(cloud, { targetOpenid: ZHANG, action: 'grant', outcome: 'applied' })
  expect(trail).toHaveLength(1)
  expect(trail[0]).toMatchObject({
    actorOpenid: LI,
    role: 'admin',
    scopeKind: 'group',
    scopeId: ZHOUPU,
    before: { roles: ['rider'], adminOf: [] },
    after: { roles: ['rider', 'admin'], adminOf: [ZHOUPU] },
  })
  expect(Object.prototype.toString.call(trail[0].at)).toBe('[object Date]')

  const members = data(await cloud.call('users', 'listMembers', { groupId: ZHOUPU }, { openid: LI })).members
  expect(members.find((m) => m.openid === ZHANG)).toMatchObject({ isAdmin: true, verification: 'approved' })
  data(await assign(LI, { ...grant, grant: false }))
  expect(user(ZHANG)).toMatchObject({ roles: ['rider'], adminOf: [] })
})

test('denied: self-promotion, another group, roles above the liaison, riders — recorded once per person per minute, in scope; nothing changed', async () => {
  const before = snapshot(cloud, ['users', 'groups'])
  const attempts: [string, Record<string, unknown>][] = [
    [LI, { targetOpenid: LI, targetRole: 'town', grant: true }],
    [LI, { targetOpenid: LI, targetRole: 'admin', scopeId: ZHOUPU, grant: true }],
    [LI, { targetOpenid: WU, targetRole: 'admin', scopeId: KANGQIAO, grant: true }],
    [LI, { targetOpenid: ZHANG, targetRole: 'liaison', scopeId: ZHOUPU, grant: true }],
    [LI, { targetOpenid: DEMO.staff.station, targetRole: 'staff', staffKind: 'station', scopeId: 'st-wanda', grant: false }],
    [SUN, { targetOpenid: ZHANG, targetRole: 'admin', scopeId: ZHOUPU, grant: true }],
    [ZHANG, { targetOpenid: ZHANG, targetRole: 'town', grant: true }],
    [DEMO.admin.wang, { targetOpenid: ZHANG, targetRole: 'admin', scopeId: ZHOUPU, grant: true }],
    [TOWN, { targetOpenid: TOWN, targetRole: 'town', grant: false }],
  ]
  const deniedBefore = auditOf(cloud, { outcome: 'denied' }).length
  for (const [as, params] of attempts) {
    expect([as, params, code(await assign(as, params))]).toEqual([as, params, 'PERMISSION_DENIED'])
  }
  expect(snapshot(cloud, ['users', 'groups'])).toEqual(before)
  // LI's five refusals within the minute leave one entry (her first); everyone else's one each
  const denied = firstDeniedPerPerson(auditOf(cloud, { outcome: 'denied' }).slice(deniedBefore))
  expect(denied.map((d) => [d.actorOpenid, d.targetOpenid, d.role, d.scopeKind, d.scopeId])).toEqual([
    [LI, LI, 'town', 'town', null],
    [SUN, ZHANG, 'admin', 'group', ZHOUPU],
    [ZHANG, ZHANG, 'town', 'town', null],
    [DEMO.admin.wang, ZHANG, 'admin', 'group', ZHOUPU],
    [TOWN, TOWN, 'town', 'town', null],
  ])
})

test('bad role changes: clear codes, nothing changed', async () => {
  const before = snapshot(cloud, ['users', 'groups'])
  const cases: [Record<string, unknown>, string][] = [
    [{ targetOpenid: ZHANG, targetRole: 'rider', grant: true }, 'INVALID_ARGUMENT'],
    [{ targetOpenid: ZHANG, targetRole: 'emperor', grant: true }, 'INVALID_ARGUMENT'],
    [{ targetOpenid: ZHANG, targetRole: 'admin', grant: 'yes' }, 'INVALID_ARGUMENT'],
    [{ targetOpenid: ZHANG, targetRole: 'staff', scopeId: 'st-wanda', grant: true }, 'INVALID_ARGUMENT'],
    [{ targetOpenid: ZHANG, targetRole: 'admin', grant: true }, 'INVALID_ARGUMENT'],
    [{ targetOpenid: ZHANG, targetRole: 'admin', grant: true, scopeId: ZHOUPU, extra: 1 }, 'INVALID_ARGUMENT'],
    [{ targetOpenid: 'o-nobody', targetRole: 'town', grant: true }, 'NOT_FOUND'],
    [{ targetOpenid: ZHANG, targetRole: 'admin', scopeId: 'grp-nowhere', grant: true }, 'NOT_FOUND'],
    [{ targetOpenid: ZHANG, targetRole: 'staff', staffKind: 'station', scopeId: 'st-nowhere', grant: true }, 'NOT_FOUND'],
    [{ targetOpenid: DEMO.visitor.zhao, targetRole: 'admin', scopeId: ZHOUPU, grant: true }, 'FAILED_PRECONDITION'],
    [{ targetOpenid: ZHANG, targetRole: 'admin', scopeId: KANGQIAO, grant: true }, 'FAILED_PRECONDITION'],
    [{ targetOpenid: ZHANG, targetRole: 'rider', scopeId: KANGQIAO, grant: false }, 'FAILED_PRECONDITION'],
    [{ targetOpenid: LI, targetRole: 'rider', scopeId: ZHOUPU, grant: false }, 'FAILED_PRECONDITION'],
  ]
  for (const [params, expected] of cases) {
    expect([params, code(await cloud.raw('users', { action: 'assignRole', ...params }, { openid: TOWN }))]).toEqual([params, expected])
  }
  expect(snapshot(cloud, ['users', 'groups'])).toEqual(before)
})

test('escape: the liaison of group B removing someone affects B only; their verification and group A stay; only town revokes it', async () => {
  // 吴涛 is in 康桥 (孙丽's) and 周浦 (李敏's); 李敏 makes him an admin of 周浦 with a duty period
  data(await cloud.call('users', 'addDutyPeriod', { targetOpenid: WU, groupId: ZHOUPU, start: sh(3), end: sh(10) }, { openid: LI }))
  const inZhoupu = user(WU)
  expect(inZhoupu).toMatchObject({ adminOf: [ZHOUPU], verification: 'approved' })
  expect(inZhoupu.roles).toEqual(expect.arrayContaining(['rider', 'admin']))

  // 孙丽 cannot revoke his verification (town-wide) nor act in 周浦; nothing changes
  const before = snapshot(cloud, ['users', 'groups'])
  const townWide = await assign(SUN, { targetOpenid: WU, targetRole: 'rider', grant: false })
  expect([code(townWide), townWide.ok ? '' : townWide.error.message]).toEqual([
    'PERMISSION_DENIED',
    '小哥认证只能由镇里收回；要把他移出本群，请指定本群',
  ])
  expect(code(await assign(SUN, { targetOpenid: WU, targetRole: 'rider', grant: false, scopeId: ZHOUPU }))).toBe('PERMISSION_DENIED')
  expect(snapshot(cloud, ['users', 'groups'])).toEqual(before)

  // removing him from 康桥 touches 康桥 only
  const kangqiaoMembers = group(KANGQIAO).memberCount
  expect(data(await assign(SUN, { targetOpenid: WU, targetRole: 'rider', grant: false, scopeId: KANGQIAO })).changed).toBe(true)
  const after = user(WU)
  expect(after).toMatchObject({ groupIds: [ZHOUPU], currentGroupId: ZHOUPU, adminOf: [ZHOUPU], verification: 'approved' })
  expect(after.roles).toEqual(expect.arrayContaining(['rider', 'admin']))
  expect(after.dutyPeriods).toEqual(inZhoupu.dutyPeriods)
  expect(group(KANGQIAO).memberCount).toBe(kangqiaoMembers - 1)
  expect(auditOf(cloud, { targetOpenid: WU, action: 'removeMember' })).toEqual([
    expect.objectContaining({ actorOpenid: SUN, outcome: 'applied', scopeKind: 'group', scopeId: KANGQIAO }),
  ])
  // 李敏 sees nothing of it in her log; 孙丽 does
  const liLog = data(await cloud.call('users', 'listAudit', { targetOpenid: WU }, { openid: LI })).items
  expect(liLog.map((e) => e.action)).toEqual(['dutyAdd'])
  const sunLog = data(await cloud.call('users', 'listAudit', { targetOpenid: WU }, { openid: SUN })).items
  expect(sunLog.map((e) => [e.action, e.scope])).toEqual([['removeMember', { kind: 'group', id: KANGQIAO }]])

  // town revokes the verification town-wide: rider, admin and duty go; he stays a member
  data(await assign(TOWN, { targetOpenid: WU, targetRole: 'rider', grant: false }))
  expect(user(WU)).toMatchObject({ roles: [], adminOf: [], dutyPeriods: [], verification: 'none', groupIds: [ZHOUPU] })
  expect(auditOf(cloud, { targetOpenid: WU, action: 'revoke', role: 'rider', outcome: 'applied' })).toEqual([
    expect.objectContaining({ actorOpenid: TOWN, scopeKind: 'town', scopeId: null }),
  ])
})

test('town hands a group to a new liaison (the old one loses it, in the group’s log), appoints station staff, reads the whole log', async () => {
  const chen = DEMO.rider.chen
  data(await assign(TOWN, { targetOpenid: chen, targetRole: 'liaison', scopeId: KANGQIAO, grant: true }))
  expect(user(chen)).toMatchObject({ liaisonOf: [KANGQIAO] })
  expect(user(chen).roles).toContain('liaison')
  expect(user(SUN)).toMatchObject({ liaisonOf: [], roles: [] })
  expect(group(KANGQIAO).liaisonOpenid).toBe(chen)
  expect(auditOf(cloud, { targetOpenid: SUN, action: 'revoke', role: 'liaison' })).toEqual([
    expect.objectContaining({ actorOpenid: TOWN, scopeKind: 'group', scopeId: KANGQIAO, note: '联络员已转交给别人' }),
  ])
  // the new liaison now acts for 康桥, the old one no longer does
  expect(code(await cloud.call('users', 'listMembers', { groupId: KANGQIAO }, { openid: chen }))).toBe('OK')
  expect(code(await cloud.call('users', 'listMembers', { groupId: KANGQIAO }, { openid: SUN }))).toBe('PERMISSION_DENIED')

  data(await assign(TOWN, { targetOpenid: ZHANG, targetRole: 'staff', staffKind: 'station', scopeId: 'st-wanda', grant: true }))
  expect(user(ZHANG)).toMatchObject({ staffOf: { canteen: [], station: ['st-wanda'] } })
  expect(user(ZHANG).roles).toContain('staff')
  expect(auditOf(cloud, { targetOpenid: ZHANG, role: 'staff' })).toEqual([
    expect.objectContaining({ scopeKind: 'station', scopeId: 'st-wanda' }),
  ])

  const log = data(await cloud.call('users', 'listAudit', { targetOpenid: chen }, { openid: TOWN })).items
  expect(log[0]).toMatchObject({
    actorName: '周浦镇党群办 周主任',
    targetName: '陈磊',
    action: 'grant',
    role: 'liaison',
    outcome: 'applied',
  })
  // a liaison sees only the log of their own groups
  const liaisonView = data(await cloud.call('users', 'listAudit', {}, { openid: LI })).items
  expect(liaisonView.length).toBeGreaterThan(0)
  expect(liaisonView.every((e) => e.scope.kind === 'group' && e.scope.id === ZHOUPU)).toBe(true)
  expect(code(await cloud.call('users', 'listAudit', { groupId: KANGQIAO }, { openid: LI }))).toBe('PERMISSION_DENIED')
})

test('the town finds people by name; phones: full for the liaison of the group, masked for the person, absent for others', async () => {
  const found = data(await cloud.call('users', 'searchUsers', { q: '陈' }, { openid: TOWN })).users
  expect(found.map((u) => u.openid)).toContain(DEMO.rider.chen)
  expect(code(await cloud.call('users', 'searchUsers', { q: '陈' }, { openid: LI }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('users', 'searchUsers', { q: '.*' }, { openid: TOWN }))).toBe('OK')
  expect(code(await cloud.raw('users', { action: 'searchUsers', q: 'a\u0000' }, { openid: TOWN }))).toBe('INVALID_ARGUMENT')

  data(await cloud.call('users', 'updateProfile', { phone: '13611112222' }, { openid: ZHANG }))
  const members = data(await cloud.call('users', 'listMembers', { groupId: ZHOUPU }, { openid: LI })).members
  expect(members.find((m) => m.openid === ZHANG)?.phone).toBe('13611112222')
  expect(data(await cloud.call('users', 'getMe', {}, { openid: ZHANG })).phoneMasked).toBe('136****2222')
  expect(code(await cloud.call('users', 'listMembers', { groupId: ZHOUPU }, { openid: DEMO.admin.wang }))).toBe('PERMISSION_DENIED')
})

test('bootstrap: town comes from the function environment only', async () => {
  expect(data(await cloud.call('users', 'getMe', {}, { openid: TOWN })).roles).toContain('town')
  const other = await startTestCloud({ seed: 'demo', functionEnv: { TOWN_BOOTSTRAP_OPENIDS: 'o-fresh-town' } })
  try {
    expect(code(await other.call('users', 'listGroups', {}, { openid: 'o-fresh-town' }))).toBe('OK')
    // the seed's town person has no stored town role: without the variable it is a visitor
    expect(code(await other.call('users', 'listGroups', {}, { openid: TOWN }))).toBe('PERMISSION_DENIED')
  } finally {
    await other.stop()
  }
})
