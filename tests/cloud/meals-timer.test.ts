/**
 * meals.settle, the timer after each slot (config.json trigger `settleSlots`), run on demand in the
 * local cloud exactly as the platform's timer event: meals past their hold time become no-shows
 * (staff and rider told), riders reaching the canteen's count are paused until a date with the
 * reason, the liaison of their group lifts it; days that are over give their unused subsidy back,
 * once. "Time has passed" is written into the slot's and booking's instants (Asia/Shanghai), so the
 * suite does not depend on the hour it runs at.
 */
import { addDays } from '../../cloudfunctions/_lib/time'
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { addCanteen, addRiders, book, bookingsOf, patch, slotDoc, type TestCanteen, today, todaySlot } from './meals-helpers'
import { auditOf, code, data } from './users-helpers'

const STAFF = 'o-mt-staff'
let cloud: TestCloud
let c: TestCanteen
let riders: string[]
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000)

async function settle() {
  const r = await cloud.runTrigger('meals', 'settleSlots')
  if (!r.ok) throw new Error(`settle failed: ${r.errMsg}`)
  return data(r.result as never) as { noShows: number; paused: number; slotsSettled: number; returnedFen: number }
}

beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
  c = addCanteen(cloud, 'canteen-t9', { staff: [STAFF], lockers: 2, policy: { noShow: { count: 2, windowDays: 30, pauseDays: 3 } } })
  riders = addRiders(cloud, 'o-mt-rider', 6)
})
afterAll(() => cloud.stop())

test('meals past their hold time become no-shows: staff told which (and which lockers), the rider told; an extended hold waits', async () => {
  const slotId = todaySlot(c, '11:00', '11:30', { starts: 30, ends: 60 })
  const left = data(await book(cloud, riders[0], slotId))
  const inLocker = data(await book(cloud, riders[1], slotId))
  const extended = data(await book(cloud, riders[2], slotId))
  data(await cloud.call('meals', 'placeMeal', { bookingId: inLocker.id }, { openid: STAFF }))
  data(await cloud.call('meals', 'runningLate', { bookingId: extended.id, choice: 'extend' }, { openid: riders[2] }))
  expect((await settle()).noShows).toBe(0)
  // the slot ended and its hold passed; the placed meal's own hold too; the extended one has 30 more minutes
  await patch(cloud, 'meal_slots', slotId, { startsAt: ago(120), endsAt: ago(90), cutoffAt: ago(125), settleAt: ago(60) })
  await patch(cloud, 'meal_bookings', inLocker.id, { holdUntil: ago(60) })
  await patch(cloud, 'meal_bookings', extended.id, { holdUntil: new Date(Date.now() + 30 * 60_000) })
  const run = await settle()
  expect(run.noShows).toBe(2)
  expect(
    bookingsOf(cloud, { slotId })
      .map((b) => [b.openid, b.state])
      .sort(),
  ).toEqual([
    [riders[0], 'no_show'],
    [riders[1], 'no_show'],
    [riders[2], 'booked'],
  ])
  const staffNotice = cloud.db.find('notifications', { openid: STAFF })
  expect(staffNotice.map((n) => n.title)).toEqual(['有爱心餐超时未取'])
  expect(staffNotice[0].text).toContain(`${inLocker.code}（1 号柜）`)
  expect(cloud.db.find('notifications', { openid: riders[0] }).map((n) => n.title)).toEqual(['预约的爱心餐没有取'])
  const board = data(await cloud.call('meals', 'board', { canteenId: c.id }, { openid: STAFF }))
  expect(board.uncollected.map((r) => [r.code, r.lockerNo])).toEqual([[inLocker.code, 1]])
  expect((await settle()).noShows).toBe(0)

  // the rider turns up late the same day: staff can still hand it over (the no-show is undone)
  const late = data(await cloud.call('meals', 'confirmPickup', { canteenId: c.id, code: inLocker.code }, { openid: STAFF }))
  expect(late.booking.state).toBe('collected')
  expect(bookingsOf(cloud, { _id: inLocker.id })[0]).toMatchObject({ state: 'collected', lateCollected: true })
  expect(cloud.db.find('meal_lockers', { _id: `${c.id}_1` })[0].bookingId).toBeNull()
  expect(left.id).toBeTruthy()
})

test('a meal past its hold stays in the locker until staff clear it; in its hold it cannot be cleared', async () => {
  const slotId = todaySlot(c, '12:00', '12:30', { starts: 30, ends: 60 })
  const b = data(await book(cloud, riders[3], slotId))
  const placed = data(await cloud.call('meals', 'placeMeal', { bookingId: b.id }, { openid: STAFF }))
  const early = await cloud.call('meals', 'clearLocker', { canteenId: c.id, lockerNo: placed.lockerNo }, { openid: STAFF })
  expect(early.ok ? '' : early.error.message).toContain('保留时间内')
  await patch(cloud, 'meal_bookings', b.id, { holdUntil: ago(1) })
  await settle()
  expect(cloud.db.find('meal_lockers', { _id: `${c.id}_${placed.lockerNo}` })[0].bookingId).toBe(b.id)
  data(await cloud.call('meals', 'clearLocker', { canteenId: c.id, lockerNo: placed.lockerNo }, { openid: STAFF }))
  expect(cloud.db.find('meal_lockers', { _id: `${c.id}_${placed.lockerNo}` })[0].bookingId).toBeNull()
  expect(bookingsOf(cloud, { _id: b.id })[0]).toMatchObject({ state: 'no_show', lockerNo: null })
})

test('the canteen’s count of no-shows pauses booking until a date, with the reason; the group’s liaison lifts it', async () => {
  const rider = riders[0] // one no-show above; a late cancel is the second strike
  const next = c.slot({ date: addDays(today(), 2), start: '11:00' })
  const b = data(await book(cloud, rider, todaySlot(c, '17:00', '17:30', { starts: 20, ends: 50 })))
  const cancelled = data(await cloud.call('meals', 'cancelBooking', { bookingId: b.id }, { openid: rider }))
  expect(cancelled.cancelIsLate).toBe(true)
  const user = cloud.db.find('users', { _id: rider })[0]
  expect(user.mealPause).toMatchObject({ reason: '30 天内 2 次预约未取餐', canteenId: c.id })
  expect(user.mealPause.until.getTime()).toBeGreaterThan(Date.now() + 3 * 86_400_000)
  const refused = await book(cloud, rider, next)
  expect(refused.ok ? '' : refused.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringContaining('暂停到') })
  const mine = data(await cloud.call('meals', 'myBookings', {}, { openid: rider }))
  expect(mine).toMatchObject({ pauseReason: '30 天内 2 次预约未取餐', noShows: 2 })
  expect(mine.pausedUntil).toMatch(/T00:00:00\+08:00$/)
  expect(cloud.db.find('notifications', { openid: rider }).map((n) => n.title)).toContain('爱心餐预约已暂停')

  expect(data(await cloud.call('meals', 'listPaused', {}, { openid: DEMO.liaison.li })).riders.map((r) => r.openid)).toEqual([rider])
  expect(data(await cloud.call('meals', 'listPaused', {}, { openid: DEMO.liaison.sun })).riders).toEqual([])
  expect(code(await cloud.call('meals', 'liftPause', { riderOpenid: rider }, { openid: DEMO.liaison.sun }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('meals', 'liftPause', { riderOpenid: rider }, { openid: riders[1] }))).toBe('PERMISSION_DENIED')
  expect(cloud.db.find('users', { _id: rider })[0].mealPause).toBeTruthy()
  data(await cloud.call('meals', 'liftPause', { riderOpenid: rider, note: '家里有事，已说明' }, { openid: DEMO.liaison.li }))
  expect(auditOf(cloud, { action: 'mealPauseLift', targetOpenid: rider })[0]).toMatchObject({
    scopeKind: 'canteen',
    scopeId: c.id,
    actorOpenid: DEMO.liaison.li,
  })
  expect(code(await book(cloud, rider, next))).toBe('OK')
  expect(data(await cloud.call('meals', 'myBookings', {}, { openid: rider })).noShows).toBe(0)
  expect(code(await cloud.call('meals', 'liftPause', { riderOpenid: rider }, { openid: DEMO.liaison.li }))).toBe('FAILED_PRECONDITION')
})

test('a day that is over gives its unused subsidy back to the month’s ledger, once; no-shows’ subsidy too', async () => {
  const k = addCanteen(cloud, 'canteen-t8', { staff: ['o-mt-staff8'] })
  const yesterday = addDays(today(), -1)
  const slotId = todaySlot(k, '11:00', '11:30', { starts: 30, ends: 60 }, 10)
  data(await book(cloud, riders[4], slotId))
  data(await book(cloud, riders[5], slotId))
  const [ledger] = cloud.db.find('meal_ledgers', { canteenId: k.id })
  const inSlot = slotDoc(cloud, slotId).subsidyLeft
  expect(ledger.unallocatedFen + (inSlot + 2) * 1500).toBe(ledger.budgetFen)
  // the whole day is over: the slot is yesterday's now (same month in this test's ledger id)
  await patch(cloud, 'meal_slots', slotId, {
    date: yesterday,
    startsAt: ago(2000),
    endsAt: ago(1970),
    cutoffAt: ago(2005),
    settleAt: ago(1940),
  })
  for (const b of bookingsOf(cloud, { slotId })) await patch(cloud, 'meal_bookings', b._id, { date: yesterday })
  // (the month's ledger is the slot's month: on the 1st of a month, yesterday's is another one)
  const ledgerId = `${k.id}_${yesterday.slice(0, 7)}`
  if (ledgerId !== ledger._id) cloud.db.insert('meal_ledgers', [{ ...ledger, _id: ledgerId, period: yesterday.slice(0, 7) }])
  const first = await settle()
  expect(first.noShows).toBe(2)
  expect(first.returnedFen).toBe((inSlot + 2) * 1500)
  expect(slotDoc(cloud, slotId)).toMatchObject({ settled: true, subsidyLeft: 0 })
  expect(cloud.db.find('meal_ledgers', { _id: ledgerId })[0].unallocatedFen).toBe(ledger.budgetFen)
  const again = await settle()
  expect(again).toMatchObject({ noShows: 0, returnedFen: 0 })
})

test('settle is for the timer only: riders and staff are refused', async () => {
  for (const openid of [riders[0], STAFF, DEMO.town]) {
    expect(code(await cloud.call('meals', 'settle', {}, { openid }))).toBe('PERMISSION_DENIED')
  }
})
