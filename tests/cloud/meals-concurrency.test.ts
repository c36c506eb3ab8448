/**
 * meals under concurrency, through the local cloud with 8 containers for the function (requests
 * really overlap at the database): seats never oversold, a requestId books once, the seats counter
 * equals the bookings, one meal per locker, a pickup draws its subsidy once, the subsidy budget is
 * never promised twice.
 */
import { randomUUID } from 'node:crypto'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { activeIn, addCanteen, addRiders, book, bookingsOf, slotDoc, today } from './meals-helpers'
import { code, data } from './users-helpers'

let cloud: TestCloud
const STAFF = 'o-mc-staff'

beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'none', poolSize: 8 })
})
afterAll(() => cloud.stop())

/** budget = unallocated + Σ slots' subsidy seats + Σ open subsidised bookings + Σ drawn, in fen. */
function ledgerBalance(canteenId: string, perMealFen: number) {
  const [ledger] = cloud.db.find('meal_ledgers', { canteenId })
  const slots = cloud.db.find('meal_slots', { canteenId }, { limit: 5000 })
  const open = bookingsOf(cloud, { canteenId, subsidised: true, state: { $in: ['booked', 'placed', 'no_show'] } }).length
  const drawn = bookingsOf(cloud, { canteenId, state: 'collected' }).reduce((s, b) => s + b.subsidyFen, 0)
  const inSlots = slots.reduce((s, x) => s + x.subsidyLeft, 0)
  return { budget: ledger.budgetFen, accounted: ledger.unallocatedFen + (inSlots + open) * perMealFen + drawn }
}

test('300 riders at once on 100 seats: exactly 100 bookings, 200 RESOURCE_EXHAUSTED, seats counter = bookings, no rider with two', async () => {
  const c = addCanteen(cloud, 'canteen-c300')
  const slotId = c.slot({ capacity: 100 })
  const riders = addRiders(cloud, 'o-mc300', 300)
  const answers = await Promise.all(riders.map((r) => book(cloud, r, slotId)))
  const codes = answers.map(code)
  expect(codes.filter((x) => x === 'OK').length).toBe(100)
  expect(codes.filter((x) => x === 'RESOURCE_EXHAUSTED').length).toBe(200)
  const active = activeIn(cloud, slotId)
  expect(active.length).toBe(100)
  expect(slotDoc(cloud, slotId)).toMatchObject({ booked: 100, seatsLeft: 0 })
  expect(new Set(active.map((b) => b.openid)).size).toBe(100)
  expect(new Set(active.map((b) => b.code)).size).toBe(100)
  expect(slotDoc(cloud, slotId).codes.sort()).toEqual(active.map((b) => b.code).sort())
  // riders racing for the slot's subsidy seats never lock more of the budget in it than it has seats
  expect(slotDoc(cloud, slotId).subsidyLeft).toBeLessThanOrEqual(100)
  expect(ledgerBalance(c.id, 1500)).toEqual({ budget: 1_500_000, accounted: 1_500_000 })
}, 120_000)

test('the same requestId 20 times at once: one booking, every answer is that booking', async () => {
  const c = addCanteen(cloud, 'canteen-c20')
  const slotId = c.slot({ capacity: 30 })
  const [rider] = addRiders(cloud, 'o-mc20', 1)
  const requestId = randomUUID()
  const answers = await Promise.all(Array.from({ length: 20 }, () => book(cloud, rider, slotId, { requestId })))
  const ids = new Set(answers.map((a) => data(a).id))
  expect(ids.size).toBe(1)
  expect(answers.filter((a) => a.ok && !a.data.repeated).length).toBe(1)
  expect(activeIn(cloud, slotId).length).toBe(1)
  expect(slotDoc(cloud, slotId)).toMatchObject({ booked: 1, seatsLeft: 29 })
  expect(slotDoc(cloud, slotId).codes.length).toBe(1)
})

test('one rider tapping two slots of the same meal at once gets one booking', async () => {
  const c = addCanteen(cloud, 'canteen-c2')
  const a = c.slot({ start: '11:00', capacity: 5 })
  const b = c.slot({ start: '11:30', end: '12:00', capacity: 5 })
  const [rider] = addRiders(cloud, 'o-mc2', 1)
  const answers = await Promise.all([a, b, a, b, a, b].map((s) => book(cloud, rider, s)))
  expect(answers.map(code).filter((x) => x === 'OK').length).toBe(1)
  expect(answers.map(code).filter((x) => x !== 'OK')).toEqual(Array(5).fill('CONFLICT'))
  expect(slotDoc(cloud, a).booked + slotDoc(cloud, b).booked).toBe(1)
})

test('a budget for 5 meals and 20 riders at once: 5 subsidised bookings, then a clear message; the budget never goes below zero', async () => {
  const c = addCanteen(cloud, 'canteen-cbud', { budgetFen: 5 * 1500 })
  const slotId = c.slot({ capacity: 50 })
  const riders = addRiders(cloud, 'o-mcbud', 20)
  const answers = await Promise.all(riders.map((r) => book(cloud, r, slotId)))
  expect(answers.filter((a) => a.ok).length).toBe(5)
  for (const a of answers.filter((x) => !x.ok)) {
    expect(a.ok ? '' : a.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: '本月爱心餐补贴额度已用完，可以选不含补贴的套餐' })
  }
  expect(cloud.db.find('meal_ledgers', { canteenId: c.id })[0].unallocatedFen).toBe(0)
  expect(code(await book(cloud, riders[19], slotId, { mealId: 'm-plus' }))).toBe('OK')
  expect(ledgerBalance(c.id, 1500)).toEqual({ budget: 7500, accounted: 7500 })
})

test('20 meals placed at once with 4 lockers: 4 in lockers, one meal per locker, the rest told the lockers are full', async () => {
  const c = addCanteen(cloud, 'canteen-clock', { staff: [STAFF], lockers: 4 })
  const slotId = c.slot(
    { date: today(), start: '23:50', end: '23:55', capacity: 40 },
    { cutoffAt: new Date(Date.now() + 3_600_000), startsAt: new Date(Date.now() + 3_600_000) },
  )
  const riders = addRiders(cloud, 'o-mclock', 20)
  const booked = await Promise.all(riders.map((r) => book(cloud, r, slotId)))
  expect(booked.every((b) => b.ok)).toBe(true)
  const placed = await Promise.all(booked.map((b) => cloud.call('meals', 'placeMeal', { bookingId: data(b).id }, { openid: STAFF })))
  expect(placed.map(code).filter((x) => x === 'OK').length).toBe(4)
  expect(placed.map(code).filter((x) => x !== 'OK')).toEqual(Array(16).fill('RESOURCE_EXHAUSTED'))
  const lockers = cloud.db.find('meal_lockers', { canteenId: c.id })
  expect(new Set(lockers.map((l) => l.bookingId)).size).toBe(4)
  const inLockers = bookingsOf(cloud, { canteenId: c.id, state: 'placed' })
  expect(inLockers.map((b) => b.lockerNo).sort()).toEqual([1, 2, 3, 4])
  // the same code confirmed 10 times at once: one pickup, the subsidy drawn once, the locker emptied
  const mine = inLockers[0]
  const pickups = await Promise.all(
    Array.from({ length: 10 }, () => cloud.call('meals', 'confirmPickup', { canteenId: c.id, code: mine.code }, { openid: STAFF })),
  )
  expect(pickups.map(code).filter((x) => x === 'OK').length).toBe(1)
  expect(pickups.map(code).filter((x) => x !== 'OK')).toEqual(Array(9).fill('CONFLICT'))
  expect(bookingsOf(cloud, { _id: mine._id })[0]).toMatchObject({ state: 'collected', subsidyFen: 1500 })
  expect(cloud.db.find('meal_lockers', { _id: `${c.id}_${mine.lockerNo}` })[0].bookingId).toBeNull()

  // staff choosing that (now empty) locker for two meals at once: one wins, the other is told it is taken
  const waiting = bookingsOf(cloud, { canteenId: c.id, state: 'booked' }).slice(0, 2)
  const race = await Promise.all(
    waiting.map((b) => cloud.call('meals', 'placeMeal', { bookingId: b._id, lockerNo: mine.lockerNo }, { openid: STAFF })),
  )
  expect(race.map(code).sort()).toEqual(['CONFLICT', 'OK'])
  expect(bookingsOf(cloud, { canteenId: c.id, lockerNo: mine.lockerNo, state: 'placed' }).length).toBe(1)
  expect(ledgerBalance(c.id, 1500)).toEqual({ budget: 1_500_000, accounted: 1_500_000 })
}, 60_000)
