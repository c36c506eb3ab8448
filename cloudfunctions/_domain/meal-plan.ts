/**
 * The canteen's plan as documents, without touching the database (so the demo seed builds the same
 * documents the `meals` function writes): a day's set meals, the slot document with its copy of the
 * menu and of the policy, and the lockers.
 */

import { MINUTE_MS, shanghaiInstant } from '../_lib/time'
import { type Doc, num, str } from '../_lib/values'
import { type MealPolicy, policyOf, type Service, serviceKeyOf, serviceOf, slotIdOf, slotTimes } from './meal-rules'

export interface MenuMeal {
  id: string
  name: string
  dishIds: string[]
  priceFen: number
  subsidised: boolean
  soldOut: boolean
  services: ('lunch' | 'dinner')[]
}

export function menuMeals(menu: Doc | null | undefined): MenuMeal[] {
  const list = Array.isArray(menu?.meals) ? (menu?.meals as Doc[]) : []
  return list.map((m) => ({
    id: str(m.id),
    name: str(m.name, '套餐'),
    dishIds: Array.isArray(m.dishIds) ? (m.dishIds as unknown[]).filter((x): x is string => typeof x === 'string') : [],
    priceFen: num(m.priceFen, 1500),
    subsidised: m.subsidised === true,
    soldOut: m.soldOut === true,
    services: (Array.isArray(m.services) ? (m.services as string[]) : ['lunch', 'dinner']).filter(
      (s): s is 'lunch' | 'dinner' => s === 'lunch' || s === 'dinner',
    ),
  }))
}

/** What a slot keeps of the menu: the meals served in its service, subsidised or not, sold out or not. */
export function slotMealsFor(meals: MenuMeal[], service: string): Doc[] {
  return meals
    .filter((m) => (m.services as string[]).includes(service))
    .map((m) => ({ id: m.id, subsidised: m.subsidised, soldOut: m.soldOut }))
}

/** The fields a slot takes from its canteen's policy (kept on the slot so `book` needs no canteen read). */
export function policyFields(policy: MealPolicy, date: string, start: string, end: string): Doc {
  const t = slotTimes(date, start, end, policy)
  return {
    ...t,
    settleAt: new Date(t.endsAt.getTime() + policy.holdMinutes * MINUTE_MS),
    strictLimits: policy.limits.perDay < 2 || policy.limits.perWeek !== null,
    limits: policy.limits,
  }
}

export interface SlotPlan {
  date: string
  start: string
  end: string
  capacity: number
  offPeak: boolean
}

export function newSlotDoc(canteen: Doc, menu: Doc | null, s: SlotPlan, now: Date): Doc {
  const canteenId = str(canteen._id)
  const service = serviceOf(s.start)
  return {
    _id: slotIdOf(canteenId, s.date, s.start),
    canteenId,
    date: s.date,
    start: s.start,
    end: s.end,
    service,
    label: `${s.start}–${s.end}`,
    offPeak: s.offPeak,
    capacity: s.capacity,
    booked: 0,
    seatsLeft: s.capacity,
    subsidyLeft: 0,
    codes: [],
    meals: slotMealsFor(menuMeals(menu), service),
    state: 'open',
    closedReason: null,
    checked: false,
    settled: false,
    ...policyFields(policyOf(canteen), s.date, s.start, s.end),
    createdAt: now,
    updatedAt: now,
  }
}

/** The locker documents of a canteen with `count` lockers numbered 1..count. */
export function lockerDocs(canteenId: string, count: number): Doc[] {
  return Array.from({ length: count }, (_x, i) => ({
    _id: `${canteenId}_${i + 1}`,
    canteenId,
    no: i + 1,
    bookingId: null,
    since: null,
    disabled: false,
  }))
}

export interface NewBooking {
  id: string
  requestId: string
  openid: string
  canteenId: string
  slotId: string
  date: string
  service: Service
  start: string
  mealId: string
  subsidised: boolean
  code: string
}

/** A booking as stored when made: booked, no locker yet, nothing collected or cancelled, paid at the counter. */
export function bookingDoc(b: NewBooking, now: Date): Doc {
  return {
    _id: b.id,
    requestId: b.requestId,
    openid: b.openid,
    canteenId: b.canteenId,
    slotId: b.slotId,
    menuId: `${b.canteenId}_${b.date}`,
    date: b.date,
    service: b.service,
    start: b.start,
    startsAt: shanghaiInstant(b.date, b.start),
    serviceKey: serviceKeyOf(b.date, b.service),
    mealId: b.mealId,
    subsidised: b.subsidised,
    code: b.code,
    state: 'booked',
    lockerNo: null,
    placedAt: null,
    holdUntil: null,
    holdExtended: false,
    moved: false,
    movedFrom: null,
    collectedAt: null,
    collectedBy: null,
    cancelledAt: null,
    cancelledBy: null,
    cancelNote: null,
    lateCancel: false,
    noShowAt: null,
    /** When this booking counted against the rider (a no-show or a late cancel), for the pause policy. */
    struckAt: null,
    subsidyFen: 0,
    // Payment happens at the counter today; the fields leave room for an online payment later.
    payment: { method: 'counter', priceFen: null, payFen: null, paidAt: null, transactionId: null },
    createdAt: now,
    updatedAt: now,
  }
}
