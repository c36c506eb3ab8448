/**
 * meals — the rider's side through the local cloud: listDay, book (and each of its refusals, with
 * "nothing changed"), cancelBooking, myBookings, getBooking. Slots are on dates chosen relative to
 * today in Shanghai, with explicit instants where a test needs a cut-off or a past slot, so nothing
 * depends on the hour the suite runs at.
 */
import { randomUUID } from 'node:crypto'
import { addDays } from '../../cloudfunctions/_lib/time'
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import {
  activeIn,
  addCanteen,
  addRiders,
  book,
  bookingsOf,
  mealsSnapshot,
  slotDoc,
  type TestCanteen,
  today,
  tomorrow,
} from './meals-helpers'
import { code, data } from './users-helpers'

let cloud: TestCloud
let c: TestCanteen
let riders: string[]

beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
  c = addCanteen(cloud, 'canteen-t1')
  riders = addRiders(cloud, 'o-m1-rider', 12)
})
afterAll(() => cloud.stop())

describe('listDay', () => {
  test('the demo canteen (default) shows its set meals with dishes and its slots with seats left; off-peak marked', async () => {
    const day = data(await cloud.call('meals', 'listDay', { date: tomorrow() }, { openid: DEMO.rider.zhang }))
    expect(day.canteen).toMatchObject({ id: DEMO.canteen.zhoupu, name: '周浦小哥食堂' })
    expect(day.today).toBe(today())
    expect(day.days.map((d) => d.label).slice(0, 2)).toEqual(['今天', '明天'])
    expect(day.meals.map((m) => m.name)).toEqual(['爱心餐 A', '爱心餐 B（清淡）', '加肉套餐'])
    expect(day.meals[0]).toMatchObject({ priceFen: 1500, subsidised: true, soldOut: false })
    expect(day.meals[0].dishes.length).toBe(4)
    expect(day.slots.length).toBe(8)
    expect(day.slots.filter((s) => s.offPeak).map((s) => s.start)).toEqual(['10:30', '13:30', '14:00', '16:30', '20:30'])
    expect(day.slots.every((s) => s.bookable && s.left === s.capacity - (s.start === '11:30' ? 1 : 0))).toBe(true)
    expect(day.me).toMatchObject({ verified: true, pausedUntil: null, booked: [] })
    expect(day.templates.placed).toBeTruthy()
  })

  test('a visitor sees the day but no slot is bookable for them, with the reason', async () => {
    const day = data(await cloud.call('meals', 'listDay', { date: tomorrow() }, { openid: DEMO.visitor.zhao }))
    expect(day.me.verified).toBe(false)
    expect(day.slots.every((s) => !s.bookable && s.reason === '认证后可预约')).toBe(true)
  })

  test('my own booking marks its slot and the other slots of that meal', async () => {
    const day = data(await cloud.call('meals', 'listDay', { date: tomorrow() }, { openid: DEMO.admin.wang }))
    const mine = day.slots.find((s) => s.start === '11:30')
    expect(mine).toMatchObject({ mine: true, bookable: false, reason: '已预约' })
    expect(day.slots.find((s) => s.start === '10:30')?.reason).toBe('你已预约午餐')
    expect(day.slots.find((s) => s.start === '17:00')?.bookable).toBe(true)
  })

  test('an unknown canteen is NOT_FOUND; a bad date is INVALID_ARGUMENT', async () => {
    expect(code(await cloud.call('meals', 'listDay', { date: tomorrow(), canteenId: 'canteen-nope' }, { openid: DEMO.rider.zhang }))).toBe(
      'NOT_FOUND',
    )
    expect(code(await cloud.call('meals', 'listDay', { date: '2026/11/26' }, { openid: DEMO.rider.zhang }))).toBe('INVALID_ARGUMENT')
  })
})

describe('book', () => {
  test('a verified rider books: a 6-character code without confusable characters, the seat is taken', async () => {
    const slotId = c.slot({ start: '11:00' })
    const r = data(await book(cloud, riders[0], slotId))
    expect(r).toMatchObject({
      slotId,
      canteenId: c.id,
      date: tomorrow(),
      start: '11:00',
      service: 'lunch',
      state: 'booked',
      subsidised: true,
      repeated: false,
    })
    expect(r.code).toMatch(/^[ACDEFHJKMNPRTUVWXY3479]{6}$/)
    expect(r.code).not.toMatch(/[0O1IL2Z5S6G8BQ]/)
    expect(slotDoc(cloud, slotId)).toMatchObject({ booked: 1, seatsLeft: 9, codes: [r.code] })
    const view = data(await cloud.call('meals', 'getBooking', { bookingId: r.id }, { openid: riders[0] }))
    expect(view).toMatchObject({
      code: r.code,
      start: '11:00',
      end: '11:30',
      meal: { name: '爱心餐', priceFen: 1500 },
      canCancel: true,
      lockerNo: null,
    })
  })

  test('the same requestId again books once and answers the same booking', async () => {
    const slotId = c.slot({ start: '11:30', end: '12:00' })
    const requestId = randomUUID()
    const first = data(await book(cloud, riders[1], slotId, { requestId }))
    const again = data(await book(cloud, riders[1], slotId, { requestId }))
    expect(again).toMatchObject({ id: first.id, code: first.code, repeated: true })
    expect(activeIn(cloud, slotId).length).toBe(1)
    expect(slotDoc(cloud, slotId).booked).toBe(1)
  })

  test('a second booking for the same meal service and day is CONFLICT, another service is fine; nothing changed on refusal', async () => {
    const lunchA = c.slot({ start: '12:00', end: '12:30' })
    const lunchB = c.slot({ start: '12:30', end: '13:00' })
    const dinner = c.slot({ start: '17:00', end: '17:30' })
    data(await book(cloud, riders[2], lunchA))
    const before = mealsSnapshot(cloud)
    const second = await book(cloud, riders[2], lunchB)
    expect(second.ok ? '' : second.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('每餐只能约一份') })
    expect(mealsSnapshot(cloud)).toEqual(before)
    expect(code(await book(cloud, riders[2], dinner))).toBe('OK')
  })

  test('a full slot is RESOURCE_EXHAUSTED and nothing changes', async () => {
    const slotId = c.slot({ start: '13:00', end: '13:30', capacity: 1 })
    data(await book(cloud, riders[3], slotId))
    const before = mealsSnapshot(cloud)
    const r = await book(cloud, riders[4], slotId)
    expect(r.ok ? '' : r.error).toMatchObject({ code: 'RESOURCE_EXHAUSTED', message: '这个时段已约满，换个时段吧' })
    expect(mealsSnapshot(cloud)).toEqual(before)
  })

  test('closed, cut-off, past, too far ahead and unknown slots each get their own refusal; nothing changes', async () => {
    const closed = c.slot({ start: '13:30', end: '14:00' }, { state: 'closed', closedReason: '设备检修' })
    const now = Date.now()
    const cutOff = c.slot({ start: '14:00', end: '14:30' }, { cutoffAt: new Date(now - 60_000) })
    const started = c.slot({ start: '14:30', end: '14:55' }, { cutoffAt: new Date(now - 600_000), startsAt: new Date(now - 60_000) })
    const past = c.slot({ date: addDays(today(), -1), start: '11:00' })
    const far = c.slot({ date: addDays(today(), 8), start: '11:00' })
    const before = mealsSnapshot(cloud)
    const cases: [string, string, RegExp][] = [
      [closed, 'FAILED_PRECONDITION', /已停止预约：设备检修/],
      [cutOff, 'FAILED_PRECONDITION', /已过预约截止时间/],
      [started, 'FAILED_PRECONDITION', /已经开餐/],
      [past, 'FAILED_PRECONDITION', /已经过了/],
      [far, 'FAILED_PRECONDITION', /7 天内/],
      [`${c.id}_${tomorrow()}_0905`, 'NOT_FOUND', /没有这个时段/],
      ['not-a-slot', 'NOT_FOUND', /没有这个时段/],
    ]
    for (const [slotId, want, message] of cases) {
      const r = await book(cloud, riders[5], slotId)
      expect([slotId, r.ok ? 'OK' : r.error.code]).toEqual([slotId, want])
      expect(r.ok ? '' : r.error.message).toMatch(message)
    }
    expect(mealsSnapshot(cloud)).toEqual(before)
  })

  test('a visitor, staff and an unverified rider are PERMISSION_DENIED with what to do; a paused rider is told until when', async () => {
    const slotId = c.slot({ start: '15:00', end: '15:30' })
    const before = mealsSnapshot(cloud)
    for (const openid of [DEMO.visitor.zhao, DEMO.staff.canteen, 'o-m1-newcomer']) {
      const r = await book(cloud, openid, slotId)
      expect(r.ok ? '' : r.error).toMatchObject({ code: 'PERMISSION_DENIED', message: expect.stringContaining('认证') })
    }
    cloud.db.insert('users', [
      {
        _id: 'o-m1-paused',
        nickname: '暂停的骑手',
        roles: ['rider'],
        groupIds: [DEMO.group.zhoupu.id],
        verification: 'approved',
        mealPause: { until: new Date(Date.now() + 2 * 86_400_000), reason: '30 天内 3 次预约未取餐', canteenId: c.id },
      },
    ])
    const r = await book(cloud, 'o-m1-paused', slotId)
    expect(r.ok ? '' : r.error).toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringMatching(/30 天内 3 次预约未取餐.*暂停到/),
    })
    const day = data(await cloud.call('meals', 'listDay', { date: tomorrow(), canteenId: c.id }, { openid: 'o-m1-paused' }))
    expect(day.me.pauseReason).toBe('30 天内 3 次预约未取餐')
    expect(day.slots.find((s) => s.id === slotId)?.reason).toBe('预约已暂停')
    expect(mealsSnapshot(cloud)).toEqual(before)
  })

  test('a requestId used by another rider is refused, and nothing changes', async () => {
    const slotId = c.slot({ start: '15:30', end: '16:00' })
    const requestId = randomUUID()
    data(await book(cloud, riders[6], slotId, { requestId }))
    const before = mealsSnapshot(cloud)
    const r = await book(cloud, riders[7], slotId, { requestId })
    expect(r.ok ? '' : r.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('请求编号') })
    expect(mealsSnapshot(cloud)).toEqual(before)
  })

  test('an unsubsidised set meal books too; a meal the slot does not serve is NOT_FOUND; a sold-out one RESOURCE_EXHAUSTED', async () => {
    const slotId = c.slot({ start: '16:00', end: '16:30' })
    const plus = data(await book(cloud, riders[8], slotId, { mealId: 'm-plus' }))
    expect(plus).toMatchObject({ mealId: 'm-plus', subsidised: false })
    expect(code(await book(cloud, riders[9], slotId, { mealId: 'm-none' }))).toBe('NOT_FOUND')
    const soldOut = c.slot({ start: '16:30', end: '17:00' }, { meals: [{ id: 'm-love', subsidised: true, soldOut: true }] })
    const r = await book(cloud, riders[9], soldOut)
    expect(r.ok ? '' : r.error).toMatchObject({ code: 'RESOURCE_EXHAUSTED', message: expect.stringContaining('售完') })
  })

  test('a slot stored before some fields existed (no limits flag, meals without sold-out or subsidy flags) still books', async () => {
    const slotId = c.slot(
      { start: '19:00', end: '19:30' },
      { strictLimits: undefined, limits: undefined, meals: [{ id: 'm-plus' }, { id: 'm-love', subsidised: true }] },
    )
    expect(slotDoc(cloud, slotId).strictLimits).toBeUndefined()
    expect(data(await book(cloud, riders[10], slotId, { mealId: 'm-plus' }))).toMatchObject({ mealId: 'm-plus', subsidised: false })
  })

  test('without a mealId the slot’s first available 爱心餐 is booked', async () => {
    const slotId = c.slot({ start: '18:00', end: '18:30' })
    const r = data(await cloud.call('meals', 'book', { slotId, requestId: randomUUID() }, { openid: riders[9] }))
    expect(r).toMatchObject({ mealId: 'm-love', subsidised: true })
  })
})

describe('cancel and my bookings', () => {
  test('cancel before the cut-off returns the seat and frees the meal for another booking; twice is harmless', async () => {
    const slotId = c.slot({ date: addDays(today(), 2), start: '11:00' })
    const b = data(await book(cloud, riders[11], slotId))
    expect(slotDoc(cloud, slotId).seatsLeft).toBe(9)
    const cancelled = data(await cloud.call('meals', 'cancelBooking', { bookingId: b.id }, { openid: riders[11] }))
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelNote: '你已取消', canCancel: false })
    expect(slotDoc(cloud, slotId)).toMatchObject({ seatsLeft: 10, booked: 0 })
    expect(code(await cloud.call('meals', 'cancelBooking', { bookingId: b.id }, { openid: riders[11] }))).toBe('OK')
    expect(slotDoc(cloud, slotId).seatsLeft).toBe(10)
    expect(code(await book(cloud, riders[11], slotId))).toBe('OK')
  })

  test('someone else’s booking is NOT_FOUND for get and cancel, and stays as it was', async () => {
    const [b] = bookingsOf(cloud, { openid: riders[0] })
    const before = mealsSnapshot(cloud)
    expect(code(await cloud.call('meals', 'getBooking', { bookingId: b._id }, { openid: riders[1] }))).toBe('NOT_FOUND')
    expect(code(await cloud.call('meals', 'cancelBooking', { bookingId: b._id }, { openid: riders[1] }))).toBe('NOT_FOUND')
    expect(mealsSnapshot(cloud)).toEqual(before)
  })

  test('myBookings lists active bookings soonest first, then history', async () => {
    const mine = data(await cloud.call('meals', 'myBookings', {}, { openid: riders[11] }))
    expect(mine.active.map((b) => b.state)).toEqual(['booked'])
    expect(mine.history.map((b) => b.state)).toEqual(['cancelled'])
    expect(mine).toMatchObject({ pausedUntil: null, noShows: 0 })
    const wu = data(await cloud.call('meals', 'myBookings', {}, { openid: DEMO.admin.wang }))
    expect(wu.active[0]).toMatchObject({ canteen: { name: '周浦小哥食堂' }, start: '11:30', meal: { name: '爱心餐 A' } })
  })
})
