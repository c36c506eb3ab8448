/**
 * meals — the canteen staff's side (and town's): dishes with photos and the content guard, menus,
 * sold-out, slots, closing a slot (riders told, seats and subsidy back), copying last week, policy
 * and budget; scope (staff of another canteen, station staff, riders are refused, each refusal in
 * the canteen's audit log; nothing changes); every applied change audited with the canteen's scope.
 */
import { addDays, isoWeekday, shanghaiInstant, weekKey } from '../../cloudfunctions/_lib/time'
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import {
  addCanteen,
  addRiders,
  book,
  bookingsOf,
  mealsSnapshot,
  slotDoc,
  type TestCanteen,
  today,
  todaySlot,
  tomorrow,
} from './meals-helpers'
import { auditOf, code, data, fileExists } from './users-helpers'

const STAFF = 'o-ms-staff'
const OTHER_STAFF = 'o-ms-other'
let cloud: TestCloud
let c: TestCanteen
let riders: string[]

async function upload(openid: string, cloudPath: string, body = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])): Promise<string> {
  const res = await fetch(`${cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', 'x-local-openid': openid },
    body,
  })
  return ((await res.json()) as { fileID: string }).fileID
}

beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
  c = addCanteen(cloud, 'canteen-s1', { staff: [STAFF] })
  addCanteen(cloud, 'canteen-s2', { staff: [OTHER_STAFF] })
  riders = addRiders(cloud, 'o-ms-rider', 8)
})
afterAll(() => cloud.stop())

test('myCanteens: canteen staff see theirs, town sees all, station staff none', async () => {
  expect(data(await cloud.call('meals', 'myCanteens', {}, { openid: STAFF })).canteens.map((x) => x.id)).toEqual([c.id])
  const town = data(await cloud.call('meals', 'myCanteens', {}, { openid: DEMO.town }))
  expect(town.isTown).toBe(true)
  expect(town.canteens.map((x) => x.id)).toEqual(expect.arrayContaining([c.id, 'canteen-s2', DEMO.canteen.zhoupu]))
  expect(data(await cloud.call('meals', 'myCanteens', {}, { openid: DEMO.staff.station })).canteens).toEqual([])
  expect(code(await cloud.call('meals', 'myCanteens', {}, { openid: DEMO.rider.zhang }))).toBe('PERMISSION_DENIED')
})

test('staff of another canteen, station staff and riders cannot edit; each refusal is in the canteen’s log and nothing changes', async () => {
  const before = mealsSnapshot(cloud)
  const attempts = [
    () =>
      cloud.call(
        'meals',
        'saveSlot',
        { canteenId: c.id, date: tomorrow(), start: '09:00', end: '09:30', capacity: 5, offPeak: true },
        { openid: OTHER_STAFF },
      ),
    () => cloud.call('meals', 'saveMenu', { canteenId: c.id, date: tomorrow(), meals: [] }, { openid: DEMO.staff.station }),
    () => cloud.call('meals', 'getPlan', { canteenId: c.id, date: tomorrow() }, { openid: DEMO.staff.canteen }),
    () => cloud.call('meals', 'exportCsv', { canteenId: c.id, period: 'day', date: today() }, { openid: DEMO.rider.zhang }),
    () => cloud.call('meals', 'setBudget', { canteenId: c.id, month: tomorrow().slice(0, 7), budgetFen: 1 }, { openid: STAFF }),
  ]
  for (const attempt of attempts) expect(code(await attempt())).toBe('PERMISSION_DENIED')
  expect(mealsSnapshot(cloud)).toEqual(before)
  const denied = auditOf(cloud, { scopeKind: 'canteen', scopeId: c.id, outcome: 'denied' })
  expect(denied.map((e) => e.actorOpenid).sort()).toEqual(
    [OTHER_STAFF, DEMO.staff.station, DEMO.staff.canteen, DEMO.rider.zhang, STAFF].sort(),
  )
})

test('a dish with the staff member’s own photo: riders see it only after the content check passes; others’ photos and rejected names are refused', async () => {
  cloud.openapi.holdMediaVerdicts(true)
  const photo = await upload(STAFF, `dishes/${STAFF}/jitui.jpg`)
  const dish = data(
    await cloud.call('meals', 'saveDish', { canteenId: c.id, name: '香煎鸡排', photo, allergens: ['egg', 'wheat'] }, { openid: STAFF }),
  )
  expect(dish).toMatchObject({ name: '香煎鸡排', photo, photoPending: true, allergens: ['egg', 'wheat'] })
  const plan = data(
    await cloud.call(
      'meals',
      'saveMenu',
      {
        canteenId: c.id,
        date: addDays(today(), 3),
        meals: [{ name: '鸡排饭', dishIds: [dish.id], priceFen: 1500, subsidised: true, services: ['lunch', 'dinner'] }],
      },
      { openid: STAFF },
    ),
  )
  expect(plan.meals).toEqual([expect.objectContaining({ name: '鸡排饭', dishIds: [dish.id], booked: 0 })])
  const seen = async () =>
    data(await cloud.call('meals', 'listDay', { date: addDays(today(), 3), canteenId: c.id }, { openid: riders[0] })).meals[0].dishes[0]
  expect(await seen()).toMatchObject({ name: '香煎鸡排', photoUrl: null, allergens: ['鸡蛋', '小麦'] })
  await cloud.openapi.flushMediaVerdicts()
  expect((await seen()).photoUrl).toMatch(/^http/)

  // a photo that fails the check is taken off the dish, deleted, and its uploader told
  const bad = await upload(STAFF, `dishes/${STAFF}/bad.jpg`, Buffer.from('XG-RISKY not a dish'))
  const risky = data(
    await cloud.call('meals', 'saveDish', { canteenId: c.id, name: '凉拌黄瓜', photo: bad, allergens: [] }, { openid: STAFF }),
  )
  expect(risky.photoPending).toBe(true)
  await cloud.openapi.flushMediaVerdicts()
  cloud.openapi.holdMediaVerdicts(false)
  expect(cloud.db.find('meal_dishes', { _id: risky.id })[0]).toMatchObject({ photo: null, pendingMedia: [] })
  expect(await fileExists(cloud, bad)).toBe(false)
  expect(cloud.db.find('notifications', { openid: STAFF }).map((n) => n.title)).toContain('图片未通过审核')

  const before = mealsSnapshot(cloud)
  const stolen = await upload(riders[0], `dishes/${riders[0]}/x.jpg`)
  const wrongFolder = await upload(STAFF, `reports/${STAFF}/x.jpg`)
  for (const p of [stolen, wrongFolder]) {
    expect(code(await cloud.call('meals', 'saveDish', { canteenId: c.id, name: '鸡排', photo: p }, { openid: STAFF }))).toBe(
      'INVALID_ARGUMENT',
    )
  }
  expect(code(await cloud.call('meals', 'saveDish', { canteenId: c.id, name: '本地测试违规词', allergens: [] }, { openid: STAFF }))).toBe(
    'CONTENT_REJECTED',
  )
  expect(mealsSnapshot(cloud)).toEqual(before)
})

test('menus: dishes must be the canteen’s own; a booked meal cannot be removed, only sold out; sold out stops new bookings', async () => {
  const date = addDays(today(), 2)
  const slotId = c.slot({ date, start: '11:00' })
  const foreign = await cloud.call(
    'meals',
    'saveMenu',
    {
      canteenId: c.id,
      date,
      meals: [{ name: '外卖', dishIds: ['canteen-s2-d-1'], priceFen: 1500, subsidised: true, services: ['lunch'] }],
    },
    { openid: STAFF },
  )
  expect(code(foreign)).toBe('INVALID_ARGUMENT')
  data(await book(cloud, riders[1], slotId))
  const before = mealsSnapshot(cloud)
  const removal = await cloud.call('meals', 'saveMenu', { canteenId: c.id, date, meals: [] }, { openid: STAFF })
  expect(removal.ok ? '' : removal.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringContaining('已有 1 人预约') })
  expect(mealsSnapshot(cloud)).toEqual(before)
  const sold = data(await cloud.call('meals', 'setSoldOut', { canteenId: c.id, date, mealId: 'm-love', soldOut: true }, { openid: STAFF }))
  expect(sold.meals.find((m) => m.id === 'm-love')).toMatchObject({ soldOut: true, booked: 1 })
  expect(slotDoc(cloud, slotId).meals.find((m: { id: string }) => m.id === 'm-love').soldOut).toBe(true)
  expect(code(await book(cloud, riders[2], slotId))).toBe('RESOURCE_EXHAUSTED')
  data(await cloud.call('meals', 'setSoldOut', { canteenId: c.id, date, mealId: 'm-love', soldOut: false }, { openid: STAFF }))
  expect(code(await book(cloud, riders[2], slotId))).toBe('OK')
  expect(code(await cloud.call('meals', 'saveMenu', { canteenId: c.id, date: addDays(today(), -1), meals: [] }, { openid: STAFF }))).toBe(
    'FAILED_PRECONDITION',
  )
})

test('slots: added with the day’s meals; overlapping refused; capacity never below what is booked', async () => {
  const date = addDays(today(), 4)
  const plan = data(
    await cloud.call(
      'meals',
      'saveSlot',
      { canteenId: c.id, date, start: '10:30', end: '11:00', capacity: 2, offPeak: true },
      { openid: STAFF },
    ),
  )
  const slot = plan.slots.find((s) => s.start === '10:30')
  expect(slot).toMatchObject({ offPeak: true, capacity: 2, left: 2, state: 'open', service: 'lunch' })
  expect(slotDoc(cloud, slot?.id as string).meals.map((m: { id: string }) => m.id)).toEqual(['m-love', 'm-plus'])
  const overlap = await cloud.call(
    'meals',
    'saveSlot',
    { canteenId: c.id, date, start: '10:45', end: '11:15', capacity: 2, offPeak: false },
    { openid: STAFF },
  )
  expect(overlap.ok ? '' : overlap.error.message).toContain('重叠')
  data(await book(cloud, riders[3], slot?.id as string))
  data(await book(cloud, riders[4], slot?.id as string))
  const shrink = await cloud.call(
    'meals',
    'saveSlot',
    { canteenId: c.id, date, start: '10:30', end: '11:00', capacity: 1, offPeak: true },
    { openid: STAFF },
  )
  expect(shrink.ok ? '' : shrink.error.message).toContain('容量不能少于 2')
  const grown = data(
    await cloud.call(
      'meals',
      'saveSlot',
      { canteenId: c.id, date, start: '10:30', end: '11:00', capacity: 5, offPeak: true },
      { openid: STAFF },
    ),
  )
  expect(grown.slots.find((s) => s.start === '10:30')).toMatchObject({ capacity: 5, booked: 2, left: 3 })
  expect(slotDoc(cloud, slot?.id as string)).toMatchObject({ capacity: 5, booked: 2, seatsLeft: 3 })
})

test('closing a slot: its riders are told (subscribe message and in-app), their seats and subsidy go back', async () => {
  const date = addDays(today(), 5)
  const slotId = c.slot({ date, start: '17:00', end: '17:30' })
  const b1 = data(await book(cloud, riders[5], slotId))
  const b2 = data(await book(cloud, riders[6], slotId))
  cloud.openapi.recordSubscription(riders[5], ['tmpl-meal-cancelled'])
  const unallocatedBefore = cloud.db.find('meal_ledgers', { canteenId: c.id })[0].unallocatedFen
  expect(code(await cloud.call('meals', 'closeSlot', { slotId, reason: '本地测试违规词' }, { openid: STAFF }))).toBe('CONTENT_REJECTED')
  const closed = data(await cloud.call('meals', 'closeSlot', { slotId, reason: '燃气检修' }, { openid: STAFF }))
  expect(closed.told).toBe(2)
  expect(closed.slots.find((s) => s.id === slotId)).toMatchObject({ state: 'closed', closedReason: '燃气检修' })
  expect(bookingsOf(cloud, { _id: { $in: [b1.id, b2.id] } }).map((b) => [b.state, b.cancelledBy])).toEqual([
    ['cancelled', 'canteen'],
    ['cancelled', 'canteen'],
  ])
  expect(slotDoc(cloud, slotId)).toMatchObject({ booked: 0, subsidyLeft: 0 })
  expect(cloud.db.find('meal_ledgers', { canteenId: c.id })[0].unallocatedFen).toBeGreaterThan(unallocatedBefore)
  const sent = cloud.openapi.outbox().filter((m) => m.touser === riders[5])
  expect(sent).toEqual([
    expect.objectContaining({ templateId: 'tmpl-meal-cancelled', data: expect.objectContaining({ thing3: { value: '燃气检修' } }) }),
  ])
  expect(cloud.db.find('notifications', { openid: riders[6] }).map((n) => n.title)).toEqual(['预约取消通知'])
  const view = data(await cloud.call('meals', 'getBooking', { bookingId: b1.id }, { openid: riders[5] }))
  expect(view.cancelNote).toBe('食堂取消：燃气检修')
  expect(code(await book(cloud, riders[7], slotId))).toBe('FAILED_PRECONDITION')
})

test('copy last week: next week gets this week’s menus and slots, with no bookings', async () => {
  const monday = weekKey(new Date())
  const k = addCanteen(cloud, 'canteen-s3', { staff: ['o-ms-staff3'], dates: Array.from({ length: 7 }, (_, i) => addDays(monday, i)) })
  for (let i = 0; i < 7; i++) k.slot({ date: addDays(monday, i), start: '11:00', capacity: 20 })
  const nextMonday = addDays(monday, 7)
  const r = data(await cloud.call('meals', 'copyWeek', { canteenId: k.id, weekOf: addDays(nextMonday, 2) }, { openid: 'o-ms-staff3' }))
  expect(r).toEqual({ days: 7, slots: 7, menus: 7 })
  const copied = cloud.db.find('meal_slots', { canteenId: k.id, date: { $gte: nextMonday } }, { limit: 100 })
  expect(copied.map((s) => [s.start, s.capacity, s.booked, s.seatsLeft])).toEqual(Array(7).fill(['11:00', 20, 0, 20]))
  expect(data(await cloud.call('meals', 'copyWeek', { canteenId: k.id, weekOf: nextMonday }, { openid: 'o-ms-staff3' }))).toEqual({
    days: 0,
    slots: 0,
    menus: 0,
  })
})

test('policy: per-day limit 1 stops a dinner after a lunch; the new cut-off reaches the slots ahead', async () => {
  const k = addCanteen(cloud, 'canteen-s4', { staff: ['o-ms-staff4'] })
  const lunch = k.slot({ start: '11:00' })
  const dinner = k.slot({ start: '17:00', end: '17:30' })
  const p = data(
    await cloud.call(
      'meals',
      'setPolicy',
      { canteenId: k.id, policy: { cutoffMinutes: 60, limits: { perDay: 1, perWeek: null } } },
      { openid: 'o-ms-staff4' },
    ),
  )
  expect(p.policy).toMatchObject({ cutoffMinutes: 60, limits: { perDay: 1, perWeek: null }, freeCancelMinutes: 30 })
  const s = slotDoc(cloud, lunch)
  expect(s.startsAt.getTime() - s.cutoffAt.getTime()).toBe(60 * 60_000)
  expect(s.strictLimits).toBe(true)
  data(await book(cloud, riders[0], lunch))
  const second = await book(cloud, riders[0], dinner)
  expect(second.ok ? '' : second.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: '每天最多预约 1 份爱心餐' })
  data(
    await cloud.call('meals', 'setPolicy', { canteenId: k.id, policy: { limits: { perDay: 2, perWeek: 1 } } }, { openid: 'o-ms-staff4' }),
  )
  const weekly = await book(cloud, riders[0], dinner)
  expect(weekly.ok ? '' : weekly.error.message).toBe('每周最多预约 1 份爱心餐')
  expect(code(await book(cloud, riders[1], dinner))).toBe('OK')
})

test('opening days: a slot on a closed weekday is refused and the day picker says so; lockers grow and shrink (not while one holds a meal)', async () => {
  const k = addCanteen(cloud, 'canteen-s5', { staff: ['o-ms-staff5'], lockers: 2 })
  const date = addDays(today(), 3)
  const closed = isoWeekday(shanghaiInstant(date, '12:00'))
  const openDays = [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== closed)
  const set = (extra: Record<string, unknown>) => cloud.call('meals', 'setPolicy', { canteenId: k.id, ...extra }, { openid: 'o-ms-staff5' })
  expect(data(await set({ openDays, lockerCount: 4 }))).toMatchObject({ openDays, lockerCount: 4 })
  const refused = await cloud.call(
    'meals',
    'saveSlot',
    { canteenId: k.id, date, start: '11:00', end: '11:30', capacity: 5, offPeak: false },
    { openid: 'o-ms-staff5' },
  )
  expect(refused.ok ? '' : refused.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringContaining('不营业') })
  const day = data(await cloud.call('meals', 'listDay', { date, canteenId: k.id }, { openid: riders[0] }))
  expect(day.days.find((d) => d.date === date)?.open).toBe(false)
  expect(day.days.filter((d) => !d.open)).toHaveLength(1)
  expect(
    cloud.db
      .find('meal_lockers', { canteenId: k.id, disabled: false })
      .map((l) => l.no)
      .sort(),
  ).toEqual([1, 2, 3, 4])

  // a meal in locker 3 keeps the count from going below 3
  const slotId = todaySlot(k, '20:00', '20:30', { starts: 60, ends: 90 })
  const b = data(await book(cloud, riders[1], slotId))
  data(await cloud.call('meals', 'placeMeal', { bookingId: b.id, lockerNo: 3 }, { openid: 'o-ms-staff5' }))
  const tooFew = await set({ lockerCount: 2 })
  expect(tooFew.ok ? '' : tooFew.error.message).toContain('3 号柜里还有餐')
  expect(data(await set({ lockerCount: 3 })).lockerCount).toBe(3)
  const board = data(await cloud.call('meals', 'board', { canteenId: k.id }, { openid: 'o-ms-staff5' }))
  expect(board.lockers).toMatchObject({ total: 3, inUse: 1 })
  expect(code(await set({ openDays: [] }))).toBe('INVALID_ARGUMENT')
})

test('budget: town sets it; it cannot drop below what is already promised; the ledger shows it', async () => {
  const month = tomorrow().slice(0, 7)
  const l = data(await cloud.call('meals', 'ledger', { canteenId: c.id, month }, { openid: STAFF }))
  expect(l).toMatchObject({ budgetFen: 1_500_000, perMealFen: 1500, drawnFen: 0 })
  const promised = l.budgetFen - l.unallocatedFen
  const low = await cloud.call(
    'meals',
    'setBudget',
    { canteenId: c.id, month, budgetFen: Math.max(0, promised - 1500) },
    { openid: DEMO.town },
  )
  expect(low.ok ? '' : low.error.code).toBe('FAILED_PRECONDITION')
  const up = data(await cloud.call('meals', 'setBudget', { canteenId: c.id, month, budgetFen: 2_000_000 }, { openid: DEMO.town }))
  expect(up).toMatchObject({ budgetFen: 2_000_000, unallocatedFen: l.unallocatedFen + 500_000 })
})

test('every applied change is in the canteen’s audit log', () => {
  const actions = new Set(auditOf(cloud, { scopeKind: 'canteen', scopeId: c.id, outcome: 'applied' }).map((e) => e.action))
  for (const a of [
    'mealDishAdd',
    'mealMenuSave',
    'mealSoldOut',
    'mealBackOnSale',
    'mealSlotAdd',
    'mealSlotEdit',
    'mealSlotClose',
    'mealBudget',
  ]) {
    expect([a, actions.has(a)]).toEqual([a, true])
  }
})
