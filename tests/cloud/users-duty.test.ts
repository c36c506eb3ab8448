/**
 * users: duty periods of group administrators (1+X rotation). The liaison appoints a verified
 * member for [start, end); the caller is on duty from start exactly until end exactly, judged at
 * the invocation's start in the function (which runs in UTC) — never from anything the client sends.
 * Overlaps for one person in one group are refused, also when two appointments race.
 */
import { DEMO, demoDutyWeek } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { auditOf, code, data, snapshot } from './helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

const DEMO_GROUP_ID = DEMO.group.zhoupu.id
const DEMO_GROUP2_ID = DEMO.group.kangqiao.id
const DEMO_TOWN_OPENID = DEMO.town
const LI = DEMO.liaison.li
const SUN = DEMO.liaison.sun
const WANG = DEMO.admin.wang
const ZHANG = DEMO.rider.zhang
const CHEN = DEMO.rider.chen
const user = (openid: string) => cloud.db.find('users', { _id: openid })[0]
const sh = (date: string) => `${date}T00:00:00+08:00`
const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10)
const sleepUntil = async (t: number) => {
  while (Date.now() < t) await new Promise((r) => setTimeout(r, Math.min(100, t - Date.now())))
}

test('seed: 王强 is on duty in the demo group this week (Shanghai Monday to Monday)', async () => {
  const me = data(await cloud.call('users', 'getMe', {}, { openid: WANG }))
  expect(me.onDutyAdminOf).toEqual([DEMO_GROUP_ID])
  expect(me.groups.find((g) => g.id === DEMO_GROUP_ID)).toMatchObject({ isAdmin: true, onDuty: true })
  const week = demoDutyWeek()
  expect(me.duty).toEqual([
    expect.objectContaining({ groupId: DEMO_GROUP_ID, current: true, ended: false, start: expect.stringMatching(/T00:00:00\+08:00$/) }),
  ])
  expect(new Date(me.duty[0].start).getTime()).toBe(week.start.getTime())
  // the liaison sees it in the member list
  const members = data(await cloud.call('users', 'listMembers', { groupId: DEMO_GROUP_ID }, { openid: LI })).members
  expect(members.find((m) => m.openid === WANG)).toMatchObject({ isAdmin: true, onDuty: true })
  expect(members.find((m) => m.openid === ZHANG)).toMatchObject({ isAdmin: false, onDuty: false, duty: [] })
})

test('on duty from the start instant until the end instant, judged by the function at call time', async () => {
  const start = new Date(Date.now() + 2500)
  const end = new Date(start.getTime() + 2500)
  const r = data(
    await cloud.call(
      'users',
      'addDutyPeriod',
      { targetOpenid: ZHANG, groupId: DEMO_GROUP_ID, start: start.toISOString(), end: end.toISOString() },
      { openid: LI },
    ),
  )
  expect(r.period).toMatchObject({ current: false, ended: false })
  // appointed admin by the first period, not yet on duty
  expect(user(ZHANG)).toMatchObject({ roles: ['rider', 'admin'], adminOf: [DEMO_GROUP_ID] })
  expect(data(await cloud.call('users', 'getMe', {}, { openid: ZHANG })).onDutyAdminOf).toEqual([])
  await sleepUntil(start.getTime() + 150)
  const during = data(await cloud.call('users', 'getMe', {}, { openid: ZHANG }))
  expect(during.onDutyAdminOf).toEqual([DEMO_GROUP_ID])
  expect(during.duty[0]).toMatchObject({ current: true })
  await sleepUntil(end.getTime() + 150)
  const after = data(await cloud.call('users', 'getMe', {}, { openid: ZHANG }))
  expect(after.onDutyAdminOf).toEqual([])
  expect(after.duty[0]).toMatchObject({ current: false, ended: true })
  // still on the roster (admin) between periods
  expect(after.groups.find((g) => g.id === DEMO_GROUP_ID)).toMatchObject({ isAdmin: true, onDuty: false })

  const trail = auditOf(cloud, { targetOpenid: ZHANG, action: 'dutyAdd', outcome: 'applied' })
  expect(trail).toHaveLength(1)
  expect(trail[0]).toMatchObject({
    actorOpenid: LI,
    role: 'admin',
    scopeKind: 'group',
    scopeId: DEMO_GROUP_ID,
    before: { roles: ['rider'], adminOf: [], duty: [] },
  })
  expect(trail[0].after.adminOf).toEqual([DEMO_GROUP_ID])
  expect(trail[0].after.duty).toHaveLength(1)
  expect(trail[0].after.duty[0].start.getTime()).toBe(start.getTime())
})

test('several periods per group; touching is fine, overlapping is CONFLICT; two overlapping at once → one CONFLICT', async () => {
  const add = (start: string, end: string, as: string = LI, target: string = CHEN) =>
    cloud.call('users', 'addDutyPeriod', { targetOpenid: target, groupId: DEMO_GROUP_ID, start, end }, { openid: as })
  const w1 = [sh(day(7)), sh(day(14))] as const
  const w2 = [sh(day(14)), sh(day(21))] as const // starts exactly when w1 ends
  expect(code(await add(...w1))).toBe('OK')
  expect(code(await add(...w2))).toBe('OK')
  const before = snapshot(cloud, ['users'])
  const overlapping = await add(sh(day(13)), sh(day(15)))
  expect(code(overlapping)).toBe('CONFLICT')
  expect(overlapping.ok ? '' : overlapping.error.message).toMatch(/重叠/)
  expect(snapshot(cloud, ['users'])).toEqual(before)

  // a race: both overlap each other (and nothing stored); exactly one wins
  const [a, b] = await Promise.all([add(sh(day(30)), sh(day(37))), add(sh(day(33)), sh(day(40)), DEMO_TOWN_OPENID)])
  expect([code(a), code(b)].sort()).toEqual(['CONFLICT', 'OK'])
  // a race of two that do not overlap: both stored
  const [c, d] = await Promise.all([add(sh(day(50)), sh(day(51))), add(sh(day(51)), sh(day(52)))])
  expect([code(c), code(d)]).toEqual(['OK', 'OK'])
  expect(user(CHEN).dutyPeriods).toHaveLength(5)
  expect(auditOf(cloud, { targetOpenid: CHEN, action: 'dutyAdd', outcome: 'applied' })).toHaveLength(5)
  // another person may serve the same days in the same group
  expect(code(await add(...w1, LI, 'o-demo-rider-wu'))).toBe('OK')
})

test('bad input and wrong people: clear codes, nothing changed; refusals are audited (once per person per minute)', async () => {
  const before = snapshot(cloud, ['users', 'groups'])
  const future = [sh(day(100)), sh(day(101))]
  const cases: [string, Record<string, unknown>, string][] = [
    [LI, { targetOpenid: ZHANG, groupId: DEMO_GROUP_ID, start: sh(day(101)), end: sh(day(100)) }, 'INVALID_ARGUMENT'],
    [LI, { targetOpenid: ZHANG, groupId: DEMO_GROUP_ID, start: future[0], end: future[0] }, 'INVALID_ARGUMENT'],
    [LI, { targetOpenid: ZHANG, groupId: DEMO_GROUP_ID, start: `${day(100)}T00:00:00`, end: future[1] }, 'INVALID_ARGUMENT'],
    [LI, { targetOpenid: ZHANG, groupId: DEMO_GROUP_ID, start: day(100), end: day(101) }, 'INVALID_ARGUMENT'],
    [LI, { targetOpenid: ZHANG, groupId: DEMO_GROUP_ID, start: 1_700_000_000_000, end: future[1] }, 'INVALID_ARGUMENT'],
    [LI, { targetOpenid: ZHANG, groupId: DEMO_GROUP_ID, start: future[0], end: sh(day(300)) }, 'INVALID_ARGUMENT'],
    [LI, { targetOpenid: ZHANG, groupId: DEMO_GROUP_ID, start: sh(day(-10)), end: sh(day(-3)) }, 'FAILED_PRECONDITION'],
    [LI, { targetOpenid: 'o-demo-visitor-zhao', groupId: DEMO_GROUP_ID, start: future[0], end: future[1] }, 'FAILED_PRECONDITION'],
    [LI, { targetOpenid: 'o-nobody', groupId: DEMO_GROUP_ID, start: future[0], end: future[1] }, 'NOT_FOUND'],
    [DEMO_TOWN_OPENID, { targetOpenid: ZHANG, groupId: DEMO_GROUP2_ID, start: future[0], end: future[1] }, 'FAILED_PRECONDITION'],
    [DEMO_TOWN_OPENID, { targetOpenid: ZHANG, groupId: 'grp-nowhere', start: future[0], end: future[1] }, 'NOT_FOUND'],
    [LI, { targetOpenid: LI, groupId: DEMO_GROUP_ID, start: future[0], end: future[1] }, 'PERMISSION_DENIED'],
    [SUN, { targetOpenid: ZHANG, groupId: DEMO_GROUP_ID, start: future[0], end: future[1] }, 'PERMISSION_DENIED'],
    [WANG, { targetOpenid: ZHANG, groupId: DEMO_GROUP_ID, start: future[0], end: future[1] }, 'PERMISSION_DENIED'],
    [LI, { targetOpenid: WANG, groupId: DEMO_GROUP_ID, start: future[0], end: future[1], openid: LI, role: 'town' }, 'OK'],
  ]
  const deniedBefore = auditOf(cloud, { action: 'dutyAdd', outcome: 'denied' }).length
  for (const [as, params, expected] of cases.slice(0, -1)) {
    expect([as, params, code(await cloud.raw('users', { action: 'addDutyPeriod', ...params }, { openid: as }))]).toEqual([
      as,
      params,
      expected,
    ])
  }
  expect(snapshot(cloud, ['users', 'groups'])).toEqual(before)
  // three refusals by three people: LI (herself), SUN (not her group), WANG (no role); each in the group's log
  const denied = auditOf(cloud, { action: 'dutyAdd', outcome: 'denied' }).slice(deniedBefore)
  expect(denied.map((d) => [d.actorOpenid, d.scopeKind, d.scopeId])).toEqual([
    [LI, 'group', DEMO_GROUP_ID],
    [SUN, 'group', DEMO_GROUP_ID],
    [WANG, 'group', DEMO_GROUP_ID],
  ])
  // reserved keys in the event are dropped, never trusted; the valid rest goes through
  const [as, params, expected] = cases[cases.length - 1]
  expect(code(await cloud.raw('users', { action: 'addDutyPeriod', ...params }, { openid: as }))).toBe(expected)
})

test('removing one period (audited); revoking the admin removes the group’s periods', async () => {
  const periods = user(CHEN).dutyPeriods as { id: string }[]
  const first = periods[0].id
  expect(code(await cloud.call('users', 'removeDutyPeriod', { targetOpenid: CHEN, periodId: first }, { openid: SUN }))).toBe(
    'PERMISSION_DENIED',
  )
  expect(code(await cloud.call('users', 'removeDutyPeriod', { targetOpenid: CHEN, periodId: 'duty-nope' }, { openid: LI }))).toBe(
    'NOT_FOUND',
  )
  expect(data(await cloud.call('users', 'removeDutyPeriod', { targetOpenid: CHEN, periodId: first }, { openid: LI }))).toEqual({
    removed: true,
  })
  expect((user(CHEN).dutyPeriods as { id: string }[]).map((p) => p.id)).not.toContain(first)
  expect(user(CHEN).adminOf).toEqual([DEMO_GROUP_ID])
  const trail = auditOf(cloud, { targetOpenid: CHEN, action: 'dutyRemove' })
  expect(trail.map((e) => e.outcome).sort()).toEqual(['applied', 'denied'])
  const applied = trail.find((e) => e.outcome === 'applied') as Record<string, any>
  expect(applied.before.duty.length - applied.after.duty.length).toBe(1)

  data(
    await cloud.call(
      'users',
      'assignRole',
      { targetOpenid: CHEN, targetRole: 'admin', scopeId: DEMO_GROUP_ID, grant: false },
      { openid: LI },
    ),
  )
  expect(user(CHEN)).toMatchObject({ roles: ['rider'], adminOf: [], dutyPeriods: [] })
  const revoke = auditOf(cloud, { targetOpenid: CHEN, action: 'revoke', role: 'admin' })[0]
  expect(revoke.before.duty.length).toBeGreaterThan(0)
  expect(revoke.after.duty).toEqual([])
})

test('leaving the group drops the admin appointment and its periods', async () => {
  const wu = 'o-demo-rider-wu'
  expect((user(wu).dutyPeriods as unknown[]).length).toBe(1)
  data(await cloud.call('users', 'leaveGroup', { groupId: DEMO_GROUP_ID }, { openid: wu }))
  expect(user(wu)).toMatchObject({ adminOf: [], dutyPeriods: [] })
  expect(user(wu).roles).not.toContain('admin')
})
