/**
 * home.getHome's canteen part: today's slots of the town's canteen with seats left and whether the
 * caller can book each (the same rule as the 食堂 tab), and the caller's next meal with its code and
 * (once placed) its locker. Today's slots carry explicit instants, so the hour of the run does not matter.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { addCanteen, addRiders, book, today } from './meals-helpers'
import { data } from './users-helpers'

let cloud: TestCloud

beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'none' })
})
afterAll(() => cloud.stop())

test('no canteen, no booking: the card and the next meal are null', async () => {
  const home = data(await cloud.call('home', 'getHome', {}, { openid: 'o-mh-nobody' }))
  expect(home).toMatchObject({ canteen: null, nextMeal: null })
})

test('today’s slots still ahead, seats left, bookable or why not; my next meal with its code and then its locker', async () => {
  const c = addCanteen(cloud, 'canteen-mh', { staff: ['o-mh-staff'] })
  const m = (min: number) => new Date(Date.now() + min * 60_000)
  const slot = (start: string, end: string, offset: number, capacity = 10) =>
    c.slot(
      { date: today(), start, end, capacity, offPeak: start === '21:00' },
      {
        startsAt: m(offset),
        endsAt: m(offset + 30),
        cutoffAt: m(offset - 30),
        settleAt: m(offset + 60),
      },
    )
  slot('20:00', '20:30', -120) // over
  const soon = slot('20:30', '20:45', 10) // cut off
  const open = slot('21:00', '21:30', 120)
  const full = slot('21:30', '22:00', 180, 0)
  const [rider] = addRiders(cloud, 'o-mh-rider', 1)

  const before = data(await cloud.call('home', 'getHome', {}, { openid: rider }))
  expect(before.canteen?.name).toBe('测试食堂mh')
  expect(before.canteen?.slots.map((s) => [s.id, s.bookable, s.reason ?? `剩 ${s.left}`])).toEqual([
    [soon, false, '已截止预约'],
    [open, true, '剩 10'],
    [full, false, '已约满'],
  ])
  expect(before.canteen?.slots.find((s) => s.id === open)?.offPeak).toBe(true)
  expect(before.canteen?.openSlots).toBe(1)
  expect(before.nextMeal).toBeNull()

  const b = data(await book(cloud, rider, open))
  const after = data(await cloud.call('home', 'getHome', {}, { openid: rider }))
  expect(after.nextMeal).toMatchObject({
    bookingId: b.id,
    code: b.code,
    start: '21:00',
    end: '21:30',
    state: 'booked',
    lockerNo: null,
    canteenName: '测试食堂mh',
  })
  expect(after.canteen?.slots.find((s) => s.id === open)).toMatchObject({ bookable: false, reason: '已预约', left: 9 })
  const visitor = data(await cloud.call('home', 'getHome', {}, { openid: 'o-mh-visitor' }))
  expect(visitor.canteen?.slots.find((s) => s.id === open)).toMatchObject({ bookable: false, reason: '认证后可预约', left: 9 })

  data(await cloud.call('meals', 'placeMeal', { bookingId: b.id }, { openid: 'o-mh-staff' }))
  const placed = data(await cloud.call('home', 'getHome', {}, { openid: rider }))
  expect(placed.nextMeal).toMatchObject({ state: 'placed', lockerNo: 1 })
  expect(placed.nextMeal?.holdUntil).toMatch(/\+08:00$/)
})
