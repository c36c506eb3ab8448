/**
 * users: role changes by the roles above, recorded in the append-only audit log (applied and
 * denied), members with full phones for the liaison only, and the bootstrap town account.
 */
import { DEMO_GROUP_ID, DEMO_GROUP2_ID, DEMO_TOWN_OPENID } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { auditOf, code, data, snapshot } from './users-helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

const LI = 'o-demo-liaison-li'
const SUN = 'o-demo-liaison-sun'
const ZHANG = 'o-demo-rider-zhang'
const user = (openid: string) => cloud.db.find('users', { _id: openid })[0]

test('the liaison makes a verified member an admin of the group, once (two grants race), audited with before/after', async () => {
  const [a, b] = await Promise.all([
    cloud.call('users', 'assignRole', { targetOpenid: ZHANG, targetRole: 'admin', scopeId: DEMO_GROUP_ID, grant: true }, { openid: LI }),
    cloud.call('users', 'assignRole', { targetOpenid: ZHANG, targetRole: 'admin', scopeId: DEMO_GROUP_ID, grant: true }, { openid: LI }),
  ])
  expect([data(a).changed, data(b).changed].sort()).toEqual([false, true])
  expect(user(ZHANG)).toMatchObject({ roles: ['rider', 'admin'], adminOf: [DEMO_GROUP_ID] })
  const trail = auditOf(cloud, { targetOpenid: ZHANG, action: 'grant', outcome: 'applied' })
  expect(trail).toHaveLength(1)
  expect(trail[0]).toMatchObject({
    actorOpenid: LI,
    role: 'admin',
    groupId: DEMO_GROUP_ID,
    before: { roles: ['rider'], adminOf: [] },
    after: { roles: ['rider', 'admin'], adminOf: [DEMO_GROUP_ID] },
  })
  expect(Object.prototype.toString.call(trail[0].at)).toBe('[object Date]')

  const members = data(await cloud.call('users', 'listMembers', { groupId: DEMO_GROUP_ID }, { openid: LI })).members
  expect(members.find((m) => m.openid === ZHANG)).toMatchObject({ isAdmin: true, verification: 'approved' })

  data(
    await cloud.call(
      'users',
      'assignRole',
      { targetOpenid: ZHANG, targetRole: 'admin', scopeId: DEMO_GROUP_ID, grant: false },
      { openid: LI },
    ),
  )
  expect(user(ZHANG)).toMatchObject({ roles: ['rider'], adminOf: [] })
})

test('denied: self-promotion, another group, roles above the liaison, riders — each audited, nothing else changed', async () => {
  const before = snapshot(cloud, ['users', 'groups'])
  const attempts: [string, Record<string, unknown>][] = [
    [LI, { targetOpenid: LI, targetRole: 'town', grant: true }],
    [LI, { targetOpenid: LI, targetRole: 'admin', scopeId: DEMO_GROUP_ID, grant: true }],
    [LI, { targetOpenid: 'o-demo-rider-wu', targetRole: 'admin', scopeId: DEMO_GROUP2_ID, grant: true }],
    [LI, { targetOpenid: ZHANG, targetRole: 'liaison', scopeId: DEMO_GROUP_ID, grant: true }],
    [LI, { targetOpenid: 'o-demo-staff-station', targetRole: 'staff', staffKind: 'station', scopeId: 'st-wanda', grant: false }],
    [SUN, { targetOpenid: ZHANG, targetRole: 'admin', scopeId: DEMO_GROUP_ID, grant: true }],
    [ZHANG, { targetOpenid: ZHANG, targetRole: 'town', grant: true }],
    ['o-demo-admin-wang', { targetOpenid: ZHANG, targetRole: 'admin', scopeId: DEMO_GROUP_ID, grant: true }],
    [DEMO_TOWN_OPENID, { targetOpenid: DEMO_TOWN_OPENID, targetRole: 'town', grant: false }],
  ]
  const deniedBefore = auditOf(cloud, { outcome: 'denied' }).length
  for (const [as, params] of attempts) {
    expect([as, params, code(await cloud.call('users', 'assignRole', params as never, { openid: as }))]).toEqual([
      as,
      params,
      'PERMISSION_DENIED',
    ])
  }
  expect(snapshot(cloud, ['users', 'groups'])).toEqual(before)
  const denied = auditOf(cloud, { outcome: 'denied' }).slice(deniedBefore)
  expect(denied).toHaveLength(attempts.length)
  expect(denied.map((d) => [d.actorOpenid, d.targetOpenid, d.role])).toEqual(attempts.map(([as, p]) => [as, p.targetOpenid, p.targetRole]))
})

test('bad role changes: clear codes, nothing changed', async () => {
  const before = snapshot(cloud, ['users', 'groups'])
  const cases: [Record<string, unknown>, string][] = [
    [{ targetOpenid: ZHANG, targetRole: 'rider', grant: true }, 'INVALID_ARGUMENT'],
    [{ targetOpenid: ZHANG, targetRole: 'emperor', grant: true }, 'INVALID_ARGUMENT'],
    [{ targetOpenid: ZHANG, targetRole: 'admin', grant: 'yes' }, 'INVALID_ARGUMENT'],
    [{ targetOpenid: ZHANG, targetRole: 'staff', scopeId: 'st-wanda', grant: true }, 'INVALID_ARGUMENT'],
    [{ targetOpenid: ZHANG, targetRole: 'admin', grant: true }, 'INVALID_ARGUMENT'],
    [{ targetOpenid: 'o-nobody', targetRole: 'town', grant: true }, 'NOT_FOUND'],
    [{ targetOpenid: ZHANG, targetRole: 'admin', scopeId: 'grp-nowhere', grant: true }, 'NOT_FOUND'],
    [{ targetOpenid: ZHANG, targetRole: 'staff', staffKind: 'station', scopeId: 'st-nowhere', grant: true }, 'NOT_FOUND'],
    [{ targetOpenid: 'o-demo-visitor-zhao', targetRole: 'admin', scopeId: DEMO_GROUP_ID, grant: true }, 'FAILED_PRECONDITION'],
    [{ targetOpenid: ZHANG, targetRole: 'admin', scopeId: DEMO_GROUP2_ID, grant: true }, 'FAILED_PRECONDITION'],
  ]
  for (const [params, expected] of cases) {
    expect([params, code(await cloud.raw('users', { action: 'assignRole', ...params }, { openid: DEMO_TOWN_OPENID }))]).toEqual([
      params,
      expected,
    ])
  }
  expect(snapshot(cloud, ['users', 'groups'])).toEqual(before)
})

test('town hands a group to a new liaison (the old one loses it), appoints station staff, and can read the whole log', async () => {
  const wu = 'o-demo-rider-wu'
  data(
    await cloud.call(
      'users',
      'assignRole',
      { targetOpenid: wu, targetRole: 'liaison', scopeId: DEMO_GROUP2_ID, grant: true },
      { openid: DEMO_TOWN_OPENID },
    ),
  )
  expect(user(wu)).toMatchObject({ liaisonOf: [DEMO_GROUP2_ID] })
  expect(user(wu).roles).toContain('liaison')
  expect(user(SUN).liaisonOf).toEqual([])
  expect(cloud.db.find('groups', { _id: DEMO_GROUP2_ID })[0].liaisonOpenid).toBe(wu)
  // the new liaison now acts for group 2, the old one no longer does
  expect(code(await cloud.call('users', 'listMembers', { groupId: DEMO_GROUP2_ID }, { openid: wu }))).toBe('OK')
  expect(code(await cloud.call('users', 'listMembers', { groupId: DEMO_GROUP2_ID }, { openid: SUN }))).toBe('PERMISSION_DENIED')

  data(
    await cloud.call(
      'users',
      'assignRole',
      { targetOpenid: ZHANG, targetRole: 'staff', staffKind: 'station', scopeId: 'st-wanda', grant: true },
      { openid: DEMO_TOWN_OPENID },
    ),
  )
  expect(user(ZHANG)).toMatchObject({ staffOf: { canteen: [], station: ['st-wanda'] } })
  expect(user(ZHANG).roles).toContain('staff')

  const log = data(await cloud.call('users', 'listAudit', { targetOpenid: wu }, { openid: DEMO_TOWN_OPENID })).items
  expect(log[0]).toMatchObject({
    actorName: '周浦镇党群办 周主任',
    targetName: '吴涛',
    action: 'grant',
    role: 'liaison',
    outcome: 'applied',
  })
  // a liaison sees only the log of their own groups
  const liaisonView = data(await cloud.call('users', 'listAudit', {}, { openid: LI })).items
  expect(liaisonView.every((e) => e.scopeId === DEMO_GROUP_ID)).toBe(true)
  expect(code(await cloud.call('users', 'listAudit', { groupId: DEMO_GROUP2_ID }, { openid: LI }))).toBe('PERMISSION_DENIED')
  const groupLog = data(await cloud.call('users', 'listAudit', { groupId: DEMO_GROUP_ID }, { openid: LI })).items
  expect(groupLog.length).toBeGreaterThan(0)
  expect(groupLog.every((e) => e.scopeId === DEMO_GROUP_ID || e.scopeId === null)).toBe(true)
})

test('the liaison revokes a member’s rider status (and admin with it); the town finds people by name', async () => {
  const chen = 'o-demo-rider-chen'
  data(
    await cloud.call(
      'users',
      'assignRole',
      { targetOpenid: chen, targetRole: 'admin', scopeId: DEMO_GROUP_ID, grant: true },
      { openid: LI },
    ),
  )
  data(await cloud.call('users', 'assignRole', { targetOpenid: chen, targetRole: 'rider', grant: false }, { openid: LI }))
  expect(user(chen)).toMatchObject({ roles: [], adminOf: [], verification: 'none' })
  const found = data(await cloud.call('users', 'searchUsers', { q: '陈' }, { openid: DEMO_TOWN_OPENID })).users
  expect(found.map((u) => u.openid)).toContain(chen)
  expect(code(await cloud.call('users', 'searchUsers', { q: '陈' }, { openid: LI }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('users', 'searchUsers', { q: '.*' }, { openid: DEMO_TOWN_OPENID }))).toBe('OK')
})

test('phones: full for the liaison of the group, masked for the person, absent for others', async () => {
  data(await cloud.call('users', 'updateProfile', { phone: '13611112222' }, { openid: ZHANG }))
  const members = data(await cloud.call('users', 'listMembers', { groupId: DEMO_GROUP_ID }, { openid: LI })).members
  expect(members.find((m) => m.openid === ZHANG)?.phone).toBe('13611112222')
  expect(data(await cloud.call('users', 'getMe', {}, { openid: ZHANG })).phoneMasked).toBe('136****2222')
  expect(code(await cloud.call('users', 'listMembers', { groupId: DEMO_GROUP_ID }, { openid: 'o-demo-admin-wang' }))).toBe(
    'PERMISSION_DENIED',
  )
})

test('bootstrap: town comes from the function environment only', async () => {
  expect(data(await cloud.call('users', 'getMe', {}, { openid: DEMO_TOWN_OPENID })).roles).toContain('town')
  const other = await startTestCloud({ seed: 'demo', functionEnv: { TOWN_BOOTSTRAP_OPENIDS: 'o-fresh-town' } })
  try {
    expect(code(await other.call('users', 'listGroups', {}, { openid: 'o-fresh-town' }))).toBe('OK')
    // the seed's town person has no stored town role: without the variable it is a visitor
    expect(code(await other.call('users', 'listGroups', {}, { openid: DEMO_TOWN_OPENID }))).toBe('PERMISSION_DENIED')
  } finally {
    await other.stop()
  }
})
