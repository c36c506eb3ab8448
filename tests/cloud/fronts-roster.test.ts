/**
 * fronts: the roster on the duty periods of users. Everyone in the group sees who is on duty and the
 * coming terms; the liaison plans a term for several admins at once (all or nothing), sees the pool
 * and approves swaps that both admins agreed to (the periods move in one transaction, audited);
 * handover from the admin on duty to the next term, confirmed by the incoming admin; "my term".
 */
import { DEMO, demoDutyWeek } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { CHEN, LI, LIU, SUN, WANG, ZHANG, ZHAO, ZHOUPU } from './fronts-helpers'
import { auditOf, code, data, snapshot } from './helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

const DAY = 86400_000
const week = demoDutyWeek()
const iso = (d: Date) => d.toISOString()
const at = (weeks: number, days = 7) => ({
  start: iso(new Date(week.start.getTime() + weeks * 7 * DAY)),
  end: iso(new Date(week.start.getTime() + weeks * 7 * DAY + days * DAY)),
})
const periods = (openid: string) => cloud.db.find('users', { _id: openid })[0].dutyPeriods as { id: string; start: Date }[]

test('everyone sees who is on duty now and the coming terms; only the liaison sees the pool', async () => {
  const rider = data(await cloud.call('fronts', 'roster', { groupId: ZHOUPU }, { openid: ZHANG }))
  expect(rider.onDutyNow.map((a) => a.name)).toEqual(['王强'])
  expect(rider.terms.map((t) => [t.admins.map((a) => a.name).join(), t.current, t.ended])).toEqual([
    ['刘洋', false, true],
    ['王强', true, false],
    ['刘洋', false, false],
  ])
  expect(rider).toMatchObject({ pool: [], swaps: [], canEdit: false })
  const liaison = data(await cloud.call('fronts', 'roster', { groupId: ZHOUPU }, { openid: LI }))
  expect(liaison.canEdit).toBe(true)
  expect(liaison.pool.map((p) => [p.name, p.onDuty, p.servedTerms])).toEqual(
    expect.arrayContaining([
      ['王强', true, 0],
      ['刘洋', false, 1],
    ]),
  )
  expect(code(await cloud.call('fronts', 'roster', { groupId: ZHOUPU }, { openid: SUN }))).toBe('PERMISSION_DENIED')
})

test('a term for two admins at once; one overlap refuses the whole term; wrong people are refused', async () => {
  const term = data(await cloud.call('fronts', 'planTerm', { groupId: ZHOUPU, ...at(2), admins: [ZHANG, CHEN] }, { openid: LI }))
  expect(term).toMatchObject({
    start: expect.stringMatching(/T00:00:00\+08:00$/),
    admins: [expect.objectContaining({ name: '张伟' }), expect.objectContaining({ name: '陈磊' })],
  })
  expect(cloud.db.find('users', { _id: ZHANG })[0]).toMatchObject({ roles: ['rider', 'admin'], adminOf: [ZHOUPU] })
  expect(
    auditOf(cloud, { action: 'dutyAdd', actorOpenid: LI })
      .map((a) => a.targetOpenid)
      .sort(),
  ).toEqual([CHEN, ZHANG].sort())
  // 张伟 is free in week 3, 陈磊 overlaps (week 2 again): nothing is written for either
  const before = snapshot(cloud, ['users', 'audit_log'])
  const clash = await cloud.call(
    'fronts',
    'planTerm',
    { groupId: ZHOUPU, start: at(2).start, end: at(3).end, admins: [LIU, CHEN] },
    { openid: LI },
  )
  expect(code(clash)).toBe('CONFLICT')
  expect(clash.ok ? '' : clash.error.message).toMatch(/陈磊/)
  expect(snapshot(cloud, ['users', 'audit_log'])).toEqual(before)
  const cases: [Record<string, unknown>, string, string][] = [
    [{ ...at(5), admins: [ZHAO] }, LI, 'FAILED_PRECONDITION'], // not verified
    [{ ...at(5), admins: [DEMO.rider.wu, 'o-demo-liaison-sun'] }, LI, 'FAILED_PRECONDITION'], // not in the group
    [{ ...at(5), admins: [LI] }, LI, 'PERMISSION_DENIED'], // herself
    [{ ...at(5), admins: ['o-nobody'] }, LI, 'NOT_FOUND'],
    [{ ...at(5), admins: [ZHANG, ZHANG] }, LI, 'INVALID_ARGUMENT'],
    [{ ...at(5), admins: [] }, LI, 'INVALID_ARGUMENT'],
    [{ start: at(5).end, end: at(5).start, admins: [ZHANG] }, LI, 'INVALID_ARGUMENT'],
    [{ ...at(-3), admins: [ZHANG] }, LI, 'FAILED_PRECONDITION'], // already over
    [{ ...at(5, 120), admins: [ZHANG] }, LI, 'INVALID_ARGUMENT'], // too long
    [{ ...at(5), admins: [ZHANG] }, WANG, 'PERMISSION_DENIED'],
    [{ ...at(5), admins: [ZHANG] }, SUN, 'PERMISSION_DENIED'],
  ]
  const users = snapshot(cloud, ['users'])
  for (const [params, as, expected] of cases) {
    expect([params, as, code(await cloud.raw('fronts', { action: 'planTerm', groupId: ZHOUPU, ...params }, { openid: as }))]).toEqual([
      params,
      as,
      expected,
    ])
  }
  expect(snapshot(cloud, ['users'])).toEqual(users)
  expect(
    auditOf(cloud, { via: 'fronts.planTerm', outcome: 'denied' })
      .map((a) => a.actorOpenid)
      .sort(),
  ).toEqual([LI, SUN, WANG].sort())
})

test('a swap: asked by one admin, accepted by the other, approved by the liaison — the periods move, audited', async () => {
  const liuNext = DEMO.front.duty.liuNext
  const zhangWeek2 = periods(ZHANG).find((p) => p.start.getTime() === Date.parse(at(2).start))?.id as string
  // 刘洋 offers next week to 张伟 for 张伟's week 2
  const asked = data(
    await cloud.call(
      'fronts',
      'requestSwap',
      { periodId: liuNext, toOpenid: ZHANG, theirPeriodId: zhangWeek2, note: '下周家里有事' },
      { openid: LIU },
    ),
  )
  expect(asked).toMatchObject({ state: 'proposed', from: { name: '刘洋' }, to: { name: '张伟' }, take: { periodId: zhangWeek2 } })
  expect(code(await cloud.call('fronts', 'requestSwap', { periodId: liuNext, toOpenid: CHEN }, { openid: LIU }))).toBe('CONFLICT')
  expect(code(await cloud.call('fronts', 'decideSwap', { swapId: asked.id, approve: true }, { openid: LI }))).toBe('FAILED_PRECONDITION')
  expect(code(await cloud.call('fronts', 'respondSwap', { swapId: asked.id, accept: true }, { openid: CHEN }))).toBe('NOT_FOUND')
  expect(cloud.db.find('notifications', { openid: ZHANG, title: '换班请求' })).toHaveLength(1)
  expect(data(await cloud.call('fronts', 'respondSwap', { swapId: asked.id, accept: true }, { openid: ZHANG })).state).toBe('accepted')
  expect(data(await cloud.call('fronts', 'roster', { groupId: ZHOUPU }, { openid: LI })).swaps.map((s) => s.id)).toContain(asked.id)
  expect(code(await cloud.call('fronts', 'decideSwap', { swapId: asked.id, approve: true }, { openid: SUN }))).toBe('PERMISSION_DENIED')
  const done = data(await cloud.call('fronts', 'decideSwap', { swapId: asked.id, approve: true }, { openid: LI }))
  expect(done.state).toBe('approved')
  expect(periods(ZHANG).map((p) => p.id)).toContain(liuNext)
  expect(periods(LIU).map((p) => p.id)).toContain(zhangWeek2)
  expect(periods(LIU).map((p) => p.id)).not.toContain(liuNext)
  expect(auditOf(cloud, { action: 'dutySwap' })).toHaveLength(4) // two removals, two additions, in the group's log
  expect(auditOf(cloud, { action: 'dutySwap' }).every((a) => a.scopeId === ZHOUPU && a.note === asked.id)).toBe(true)
  expect(code(await cloud.call('fronts', 'decideSwap', { swapId: asked.id, approve: false }, { openid: LI }))).toBe('FAILED_PRECONDITION')
})

test('swaps refused: a term already started, someone else’s period, a non-admin; declined and cancelled ones change nothing', async () => {
  const before = snapshot(cloud, ['users'])
  expect(code(await cloud.call('fronts', 'requestSwap', { periodId: DEMO.duty.wang, toOpenid: LIU }, { openid: WANG }))).toBe(
    'FAILED_PRECONDITION',
  )
  expect(code(await cloud.call('fronts', 'requestSwap', { periodId: DEMO.front.duty.liuLast, toOpenid: WANG }, { openid: WANG }))).toBe(
    'NOT_FOUND',
  )
  const zhangNext = DEMO.front.duty.liuNext
  expect(code(await cloud.call('fronts', 'requestSwap', { periodId: zhangNext, toOpenid: ZHAO }, { openid: ZHANG }))).toBe(
    'FAILED_PRECONDITION',
  )
  expect(code(await cloud.call('fronts', 'requestSwap', { periodId: zhangNext, toOpenid: LIU }, { openid: CHEN }))).toBe('NOT_FOUND')
  const declined = data(await cloud.call('fronts', 'requestSwap', { periodId: zhangNext, toOpenid: CHEN }, { openid: ZHANG }))
  expect(code(await cloud.call('fronts', 'requestSwap', { periodId: zhangNext, toOpenid: CHEN }, { openid: ZHANG }))).toBe('CONFLICT')
  expect(data(await cloud.call('fronts', 'respondSwap', { swapId: declined.id, accept: false }, { openid: CHEN })).state).toBe('declined')
  const cancelled = data(await cloud.call('fronts', 'requestSwap', { periodId: zhangNext, toOpenid: WANG }, { openid: ZHANG }))
  expect(code(await cloud.call('fronts', 'cancelSwap', { swapId: cancelled.id }, { openid: WANG }))).toBe('NOT_FOUND')
  expect(data(await cloud.call('fronts', 'cancelSwap', { swapId: cancelled.id }, { openid: ZHANG })).state).toBe('cancelled')
  expect(code(await cloud.call('fronts', 'respondSwap', { swapId: cancelled.id, accept: true }, { openid: WANG }))).toBe(
    'FAILED_PRECONDITION',
  )
  expect(snapshot(cloud, ['users'])).toEqual(before)
})

test('my term and the handover: last week’s handover in, mine out to the next admin, confirmed once', async () => {
  const mine = data(await cloud.call('fronts', 'myTerm', { groupId: ZHOUPU }, { openid: WANG }))
  expect(mine).toMatchObject({
    isAdmin: true,
    onDuty: true,
    current: { admins: [expect.objectContaining({ name: '王强' })] },
    after: { admins: [expect.objectContaining({ name: '张伟' })] },
    handoverIn: { from: ['刘洋'], state: 'confirmed', confirmedBy: '王强' },
    handoverOut: null,
  })
  expect(mine.todo.length).toBeGreaterThan(0)
  const items = mine.handoverChecklist.map((text, i) => ({ text, done: i < 2 }))
  const draft = data(
    await cloud.call(
      'fronts',
      'writeHandover',
      { groupId: ZHOUPU, note: '夜校报名表在李敏那里。', items, submit: false },
      { openid: WANG },
    ),
  )
  expect(draft).toMatchObject({ state: 'draft', from: ['王强'], startAt: expect.stringMatching(/T00:00:00\+08:00$/) })
  expect(cloud.db.find('notifications', { openid: ZHANG, title: '交接班' })).toEqual([])
  expect(code(await cloud.call('fronts', 'confirmHandover', { handoverId: draft.id }, { openid: ZHANG }))).toBe('FAILED_PRECONDITION')
  const handed = data(
    await cloud.call(
      'fronts',
      'writeHandover',
      { groupId: ZHOUPU, note: '夜校报名表在李敏那里；周四记得发提醒。', items, submit: true },
      { openid: WANG },
    ),
  )
  expect(handed).toMatchObject({ id: draft.id, state: 'handed', to: ['张伟'] })
  expect(cloud.db.find('notifications', { openid: ZHANG, title: '交接班' })).toHaveLength(1)
  expect(
    code(await cloud.call('fronts', 'writeHandover', { groupId: ZHOUPU, note: '不在值班', items, submit: true }, { openid: ZHANG })),
  ).toBe('PERMISSION_DENIED')
  expect(
    code(await cloud.call('fronts', 'writeHandover', { groupId: ZHOUPU, note: '刷单日结', items, submit: true }, { openid: WANG })),
  ).toBe('CONTENT_REJECTED')
  expect(code(await cloud.call('fronts', 'confirmHandover', { handoverId: draft.id }, { openid: WANG }))).toBe('FAILED_PRECONDITION')
  expect(code(await cloud.call('fronts', 'confirmHandover', { handoverId: draft.id }, { openid: CHEN }))).toBe('OK')
  expect(code(await cloud.call('fronts', 'confirmHandover', { handoverId: draft.id }, { openid: ZHANG }))).toBe('FAILED_PRECONDITION')
  expect(
    code(await cloud.call('fronts', 'writeHandover', { groupId: ZHOUPU, note: '改一下', items, submit: true }, { openid: WANG })),
  ).toBe('FAILED_PRECONDITION')
  expect(cloud.db.find('notifications', { openid: WANG, title: '已接班' })).toHaveLength(1)
  const history = data(await cloud.call('fronts', 'handovers', { groupId: ZHOUPU }, { openid: LI }))
  expect(history.items.map((h) => [h.from.join(), h.state])).toEqual([
    ['王强', 'confirmed'],
    ['刘洋', 'confirmed'],
  ])
  expect(code(await cloud.call('fronts', 'handovers', { groupId: ZHOUPU }, { openid: WANG }))).toBe('PERMISSION_DENIED')
  // 张伟's term: the handover in is 王强's
  const next = data(await cloud.call('fronts', 'myTerm', { groupId: ZHOUPU }, { openid: ZHANG }))
  expect(next).toMatchObject({ onDuty: false, next: { start: expect.any(String) }, handoverIn: { from: ['王强'] } })
})
