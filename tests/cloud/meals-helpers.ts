/**
 * Helpers shared by the meals tests: a canteen of the test's own (so tests never depend on the demo
 * canteen's hours or on the hour they run at), slots on dates chosen relative to "now" in Shanghai
 * with explicit instants when a test needs a cut-off or a past slot, verified riders in bulk, and
 * a booking call with a fresh requestId.
 */
import { randomUUID } from 'node:crypto'
import { EJSON } from 'bson'
import { lockerDocs, newSlotDoc } from '../../cloudfunctions/_domain/meal-plan'
import { DEFAULT_POLICY, type MealPolicy } from '../../cloudfunctions/_domain/meal-rules'
import { addDays, businessDate } from '../../cloudfunctions/_lib/time'
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import type { TestCloud } from '../helpers/local-cloud'

type Doc = Record<string, any>

export const today = () => businessDate(new Date())
export const tomorrow = () => addDays(today(), 1)

/** Verified riders `<prefix>-1` … `<prefix>-n`, members of the demo group. */
export function addRiders(cloud: TestCloud, prefix: string, n: number): string[] {
  const now = new Date()
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`)
  cloud.db.insert(
    'users',
    ids.map((id, i) => ({
      _id: id,
      nickname: `测试骑手${i + 1}`,
      roles: ['rider'],
      groupIds: [DEMO.group.zhoupu.id],
      currentGroupId: DEMO.group.zhoupu.id,
      liaisonOf: [],
      adminOf: [],
      dutyPeriods: [],
      staffOf: {},
      verification: 'approved',
      createdAt: now,
      updatedAt: now,
    })),
  )
  return ids
}

export interface TestCanteen {
  canteen: Doc
  id: string
  /** Adds a slot (default: tomorrow, capacity 10) and returns its id. */
  slot(s?: Partial<{ date: string; start: string; end: string; capacity: number; offPeak: boolean }>, overrides?: Doc): string
}

export const MEALS = [
  { id: 'm-love', name: '爱心餐', dishIds: ['d-1'], priceFen: 1500, subsidised: true, soldOut: false, services: ['lunch', 'dinner'] },
  { id: 'm-plus', name: '加肉套餐', dishIds: ['d-1'], priceFen: 2200, subsidised: false, soldOut: false, services: ['lunch', 'dinner'] },
]

/**
 * A canteen of the test's own with a menu on the given dates (default today … +6), one dish and
 * `lockers` lockers; `staff` become its staff (users documents get staffOf.canteen).
 */
export function addCanteen(
  cloud: TestCloud,
  id: string,
  opts: {
    policy?: Partial<MealPolicy>
    budgetFen?: number
    perMealFen?: number
    lockers?: number
    dates?: string[]
    staff?: string[]
  } = {},
): TestCanteen {
  const now = new Date()
  const canteen = {
    _id: id,
    name: `测试食堂${id.slice(-2)}`,
    address: '周浦镇测试路 1 号',
    status: 'open',
    lockerCount: opts.lockers ?? 4,
    policy: { ...DEFAULT_POLICY, ...opts.policy },
    subsidy: { perMealFen: opts.perMealFen ?? 1500, monthlyBudgetFen: opts.budgetFen ?? 1_500_000 },
    createdAt: now,
  }
  cloud.db.insert('canteens', [canteen])
  cloud.db.insert('meal_dishes', [
    {
      _id: `${id}-d-1`,
      canteenId: id,
      name: '红烧鸡腿',
      photo: null,
      allergens: ['soy'],
      pendingMedia: [],
      retired: false,
      createdAt: now,
    },
  ])
  const meals = MEALS.map((m) => ({ ...m, dishIds: [`${id}-d-1`] }))
  const dates = opts.dates ?? Array.from({ length: 7 }, (_, i) => addDays(today(), i))
  cloud.db.insert(
    'meal_menus',
    dates.map((date) => ({ _id: `${id}_${date}`, canteenId: id, date, meals, updatedAt: now })),
  )
  cloud.db.insert('meal_lockers', lockerDocs(id, opts.lockers ?? 4))
  for (const openid of opts.staff ?? []) {
    cloud.db.insert('users', [
      {
        _id: openid,
        nickname: `食堂员工${openid.slice(-2)}`,
        roles: ['staff'],
        groupIds: [],
        staffOf: { canteen: [id], station: [] },
        verification: 'none',
        createdAt: now,
      },
    ])
  }
  return {
    canteen,
    id,
    slot(s = {}, overrides = {}) {
      const plan = { date: tomorrow(), start: '11:00', end: '11:30', capacity: 10, offPeak: false, ...s }
      const menu = { meals }
      const doc = { ...newSlotDoc(canteen, menu, plan, now), ...overrides }
      cloud.db.insert('meal_slots', [doc])
      return doc._id as string
    },
  }
}

export function book(cloud: TestCloud, openid: string, slotId: string, extra: { mealId?: string; requestId?: string } = {}) {
  return cloud.call('meals', 'book', { slotId, requestId: extra.requestId ?? randomUUID(), mealId: extra.mealId ?? 'm-love' }, { openid })
}

export const slotDoc = (cloud: TestCloud, id: string): Doc => cloud.db.find('meal_slots', { _id: id })[0]
export const bookingsOf = (cloud: TestCloud, query: Doc): Doc[] => cloud.db.find('meal_bookings', query, { limit: 5000 })
export const activeIn = (cloud: TestCloud, slotId: string): Doc[] =>
  bookingsOf(cloud, { slotId, state: { $in: ['booked', 'placed', 'collected', 'no_show'] } })

/** The meals collections as they are, to assert "nothing changed". */
export function mealsSnapshot(cloud: TestCloud): unknown {
  return Object.fromEntries(
    ['meal_slots', 'meal_bookings', 'meal_ledgers', 'meal_lockers', 'meal_menus', 'meal_dishes', 'canteens'].map((c) => [
      c,
      cloud.db.find(c, {}, { limit: 5000 }),
    ]),
  )
}

/**
 * Set fields of a stored document the way an update would (for "time has passed": a slot's or a
 * booking's instants moved into the past, without waiting or changing the machine's clock).
 */
export async function patch(cloud: TestCloud, collection: string, id: string, fields: Doc): Promise<void> {
  const res = (await cloud.db.handle({
    action: 'database.modifyDocument',
    collectionName: collection,
    queryType: 'WHERE',
    query: EJSON.stringify({ _id: id }, { relaxed: false }),
    data: EJSON.stringify({ $set: fields }, { relaxed: false }),
    merge: true,
    multi: false,
  })) as { code?: string; data?: { updated: number } }
  if (res.code || res.data?.updated !== 1) throw new Error(`patch ${collection}/${id} failed: ${JSON.stringify(res)}`)
}

/** A slot of today with explicit instants relative to now (minutes), whatever the hour: start/end name it, the instants rule it. */
export function todaySlot(
  c: TestCanteen,
  start: string,
  end: string,
  at: { starts: number; ends: number; cutoff?: number },
  capacity = 10,
): string {
  const now = Date.now()
  const m = (n: number) => new Date(now + n * 60_000)
  return c.slot(
    { date: today(), start, end, capacity },
    { startsAt: m(at.starts), endsAt: m(at.ends), cutoffAt: m(at.cutoff ?? at.starts - 5), settleAt: m(at.ends + 30) },
  )
}
