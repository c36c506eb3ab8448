/**
 * meals at the counter: staff place meals in heated lockers (a free one, or the one they choose, or
 * another one later) and the rider is told the locker and the code; pickup by code (wrong format,
 * another day, another canteen, unknown, already collected, cancelled: each its own answer, nothing
 * changes) draws the subsidy; the console's day at a glance; the CSV export; a rider running late.
 * Today's slots carry explicit instants relative to now, so the hour of the run does not matter.
 */
import { addDays } from '../../cloudfunctions/_lib/time'
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { addCanteen, addRiders, book, bookingsOf, mealsSnapshot, slotDoc, type TestCanteen, todaySlot, tomorrow } from './meals-helpers'
import { auditOf, code, data } from './users-helpers'

const STAFF = 'o-mk-staff'
let cloud: TestCloud
let c: TestCanteen
let riders: string[]

beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
  c = addCanteen(cloud, 'canteen-k1', { staff: [STAFF], lockers: 3 })
  addCanteen(cloud, 'canteen-k2', { staff: ['o-mk-other'] })
  riders = addRiders(cloud, 'o-mk-rider', 10)
})
afterAll(() => cloud.stop())

test('placing a meal: a free locker, the rider told the locker and code within the template limits; staff may choose or change the locker', async () => {
  const slotId = todaySlot(c, '11:00', '11:30', { starts: 60, ends: 90 })
  const b = data(await book(cloud, riders[0], slotId))
  cloud.openapi.recordSubscription(riders[0], ['tmpl-meal-placed', 'tmpl-meal-placed'])
  const placed = data(await cloud.call('meals', 'placeMeal', { bookingId: b.id }, { openid: STAFF }))
  expect(placed).toMatchObject({ lockerNo: 1, notified: true, booking: { state: 'placed', lockerNo: 1, code: b.code } })
  const [msg] = cloud.openapi.outbox().filter((m) => m.touser === riders[0])
  expect(msg).toMatchObject({
    templateId: 'tmpl-meal-placed',
    data: { thing2: { value: '1 号保温柜' }, character_string3: { value: b.code } },
  })
  expect(msg.page).toBe(`pkg-canteen/booking/index?bookingId=${b.id}`)
  const view = data(await cloud.call('meals', 'getBooking', { bookingId: b.id }, { openid: riders[0] }))
  expect(view).toMatchObject({ state: 'placed', lockerNo: 1, canCancel: false, canExtend: true, canMove: false })

  const moved = data(await cloud.call('meals', 'placeMeal', { bookingId: b.id, lockerNo: 3 }, { openid: STAFF }))
  expect(moved.lockerNo).toBe(3)
  expect(cloud.db.find('meal_lockers', { canteenId: c.id }).map((l) => [l.no, l.bookingId])).toEqual([
    [1, null],
    [2, null],
    [3, b.id],
  ])
  const b2 = data(await book(cloud, riders[1], slotId))
  const taken = await cloud.call('meals', 'placeMeal', { bookingId: b2.id, lockerNo: 3 }, { openid: STAFF })
  expect(taken.ok ? '' : taken.error).toMatchObject({ code: 'CONFLICT', message: '3 号保温柜里已经有一份餐了' })
  expect(code(await cloud.call('meals', 'placeMeal', { bookingId: b2.id, lockerNo: 9 }, { openid: STAFF }))).toBe('NOT_FOUND')
  const later = data(await book(cloud, riders[2], c.slot({ date: tomorrow() })))
  expect(code(await cloud.call('meals', 'placeMeal', { bookingId: later.id }, { openid: STAFF }))).toBe('FAILED_PRECONDITION')
  expect(code(await cloud.call('meals', 'placeMeal', { bookingId: b2.id }, { openid: 'o-mk-other' }))).toBe('PERMISSION_DENIED')
})

test('pickup by code: each wrong code has its own answer and changes nothing; the right one collects and draws the subsidy once', async () => {
  const [inLocker] = bookingsOf(cloud, { canteenId: c.id, state: 'placed' })
  const tomorrowOne = bookingsOf(cloud, { canteenId: c.id, date: tomorrow() })[0]
  const elsewhere = addCanteen(cloud, 'canteen-k3')
  const foreign = data(await book(cloud, riders[3], todaySlot(elsewhere, '11:00', '11:30', { starts: 60, ends: 90 })))
  const before = mealsSnapshot(cloud)
  const cases: [string, string, RegExp][] = [
    ['12', 'INVALID_ARGUMENT', /6 位/],
    ['O0O0O0', 'INVALID_ARGUMENT', /6 位/],
    [tomorrowOne.code, 'FAILED_PRECONDITION', /不是今天的/],
    [foreign.code, 'FAILED_PRECONDITION', /不是本食堂的/],
    ['AAAAAA', 'NOT_FOUND', /没有找到/],
  ]
  for (const [wrong, want, message] of cases) {
    const r = await cloud.call('meals', 'confirmPickup', { canteenId: c.id, code: wrong }, { openid: STAFF })
    expect([wrong, r.ok ? 'OK' : r.error.code]).toEqual([wrong, want])
    expect(r.ok ? '' : r.error.message).toMatch(message)
  }
  expect(mealsSnapshot(cloud)).toEqual(before)
  const month = inLocker.date.slice(0, 7)
  const drawnBefore = data(await cloud.call('meals', 'ledger', { canteenId: c.id, month }, { openid: STAFF })).drawnFen
  const typed = `${inLocker.code.slice(0, 3).toLowerCase()}-${inLocker.code.slice(3)}`
  const r = data(await cloud.call('meals', 'confirmPickup', { canteenId: c.id, code: typed }, { openid: STAFF }))
  expect(r).toMatchObject({ subsidyFen: 1500, payFen: 1500, booking: { state: 'collected', code: inLocker.code } })
  expect(r.ledger.drawnFen).toBe(drawnBefore + 1500)
  expect(data(await cloud.call('meals', 'ledger', { canteenId: c.id, month }, { openid: STAFF })).drawnFen).toBe(drawnBefore + 1500)
  expect(cloud.db.find('meal_lockers', { _id: `${c.id}_3` })[0].bookingId).toBeNull()
  const again = await cloud.call('meals', 'confirmPickup', { canteenId: c.id, code: inLocker.code }, { openid: STAFF })
  expect(again.ok ? '' : again.error).toMatchObject({ code: 'CONFLICT', message: '这份餐已经取过了' })
  expect(auditOf(cloud, { scopeId: c.id, action: 'mealPickup' }).length).toBe(1)
  const mine = data(await cloud.call('meals', 'myBookings', {}, { openid: riders[0] }))
  expect(mine.history[0]).toMatchObject({ state: 'collected', lockerNo: 3 })
})

test('a cancelled booking’s code is refused at the counter', async () => {
  const b = data(await book(cloud, riders[4], c.slot({ date: addDays(tomorrow(), 1) })))
  data(await cloud.call('meals', 'cancelBooking', { bookingId: b.id }, { openid: riders[4] }))
  const slotId = todaySlot(c, '12:00', '12:30', { starts: 60, ends: 90 })
  const t = data(await book(cloud, riders[5], slotId))
  data(await cloud.call('meals', 'cancelBooking', { bookingId: t.id }, { openid: riders[5] }))
  const r = await cloud.call('meals', 'confirmPickup', { canteenId: c.id, code: t.code }, { openid: STAFF })
  expect(r.ok ? '' : r.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: '这份预约已经取消了' })
})

test('the day at a glance: per slot booked and collected, prep per set meal, lockers in use, everything still to hand over', async () => {
  const b = data(await book(cloud, riders[6], todaySlot(c, '13:00', '13:30', { starts: 60, ends: 90 }), { mealId: 'm-plus' }))
  data(await cloud.call('meals', 'placeMeal', { bookingId: b.id }, { openid: STAFF }))
  const board = data(await cloud.call('meals', 'board', { canteenId: c.id }, { openid: STAFF }))
  expect(board.slots.map((s) => [s.start, s.booked, s.collected])).toEqual([
    ['11:00', 2, 1],
    ['12:00', 0, 0],
    ['13:00', 1, 0],
  ])
  expect(board.prep).toEqual([
    { mealId: 'm-love', name: '爱心餐', count: 2, collected: 1 },
    { mealId: 'm-plus', name: '加肉套餐', count: 1, collected: 0 },
  ])
  expect(board.lockers).toMatchObject({ total: 3, inUse: 1 })
  expect(board.toHandOver.map((r) => [r.start, r.state, r.rider])).toEqual([
    ['11:00', 'booked', '测试骑手2'],
    ['13:00', 'placed', '测试骑手7'],
  ])
  expect(code(await cloud.call('meals', 'board', { canteenId: c.id }, { openid: DEMO.staff.canteen }))).toBe('PERMISSION_DENIED')
})

test('export a day as CSV for the funder: every booking with its state and subsidy, riders by number, a totals line', async () => {
  const r = data(
    await cloud.call(
      'meals',
      'exportCsv',
      { canteenId: c.id, period: 'day', date: bookingsOf(cloud, { state: 'collected' })[0].date },
      { openid: STAFF },
    ),
  )
  expect(r.summary).toMatchObject({ collected: 1, cancelled: 1, subsidyFen: 1500 })
  expect(r.fileName).toMatch(/爱心餐\.csv$/)
  const text = await (await fetch(r.url)).text()
  const lines = text
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n')
  expect(lines[0]).toBe('日期,时段,餐次,套餐,爱心餐,取餐码,骑手编号,状态,预约时间,取餐时间,补贴(元),应付(元),备注')
  expect(lines.length).toBe(r.rows + 2)
  expect(lines.some((l) => l.includes('已取餐') && l.includes(',15,15,'))).toBe(true)
  expect(text).not.toContain('o-mk-rider')
  expect(lines.at(-1)).toMatch(/^合计,.*取餐 1/)
  const month = data(await cloud.call('meals', 'exportCsv', { canteenId: c.id, period: 'month', date: tomorrow() }, { openid: DEMO.town }))
  expect(month.rows).toBeGreaterThanOrEqual(r.rows)
  expect(auditOf(cloud, { scopeId: c.id, action: 'mealExport' }).length).toBe(2)
  const before = mealsSnapshot(cloud)
  for (const openid of [riders[0], 'o-mk-other', DEMO.liaison.li]) {
    expect(code(await cloud.call('meals', 'exportCsv', { canteenId: c.id, period: 'day', date: tomorrow() }, { openid }))).toBe(
      'PERMISSION_DENIED',
    )
  }
  expect(mealsSnapshot(cloud)).toEqual(before)
})

test('running late: move to the next slot of the meal with room (once), or keep it warm longer (once)', async () => {
  const k = addCanteen(cloud, 'canteen-k4', { staff: ['o-mk-staff4'] })
  const first = todaySlot(k, '17:00', '17:30', { starts: 10, ends: 40 })
  const full = todaySlot(k, '17:30', '18:00', { starts: 40, ends: 70 }, 0)
  const roomy = todaySlot(k, '18:00', '18:30', { starts: 70, ends: 100 })
  const b = data(await book(cloud, riders[7], first))
  const moved = data(await cloud.call('meals', 'runningLate', { bookingId: b.id, choice: 'move' }, { openid: riders[7] }))
  expect(moved).toMatchObject({ slotId: roomy, start: '18:00', moved: true, canMove: false, code: b.code })
  expect([slotDoc(cloud, first).booked, slotDoc(cloud, full).booked, slotDoc(cloud, roomy).booked]).toEqual([0, 0, 1])
  expect(code(await cloud.call('meals', 'runningLate', { bookingId: b.id, choice: 'move' }, { openid: riders[7] }))).toBe(
    'FAILED_PRECONDITION',
  )
  const extended = data(await cloud.call('meals', 'runningLate', { bookingId: b.id, choice: 'extend' }, { openid: riders[7] }))
  expect(Date.parse(extended.holdUntil) - Date.parse(moved.holdUntil)).toBe(30 * 60_000)
  const twice = await cloud.call('meals', 'runningLate', { bookingId: b.id, choice: 'extend' }, { openid: riders[7] })
  expect(twice.ok ? '' : twice.error.message).toBe('保温时间只能延长一次')
  const b2 = data(await book(cloud, riders[8], roomy))
  const nowhere = await cloud.call('meals', 'runningLate', { bookingId: b2.id, choice: 'move' }, { openid: riders[8] })
  expect(nowhere.ok ? '' : nowhere.error.message).toBe('后面的时段都满了，可以申请延长保温时间')
  expect(code(await cloud.call('meals', 'runningLate', { bookingId: b2.id, choice: 'move' }, { openid: riders[7] }))).toBe('NOT_FOUND')
  const board = data(await cloud.call('meals', 'board', { canteenId: k.id }, { openid: 'o-mk-staff4' }))
  expect(board.late.map((r) => [r.code, r.moved, r.holdExtended])).toEqual([[b.code, true, true]])
})
