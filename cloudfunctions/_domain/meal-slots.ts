/**
 * Whether a stored slot can be booked now, and by whom, shared by `meals.listDay` and 首页's canteen
 * card so both say the same thing. The booking itself re-checks all of it in one conditional update.
 */
import type { Doc } from '../_lib/values'
import { dateOrNull, num, str } from '../_lib/values'
import { type Service, serviceOf } from './meal-rules'

/** Booking states that hold a seat (and count for the rider's limits). */
export const ACTIVE_STATES = ['booked', 'placed'] as const
export const SEAT_STATES = ['booked', 'placed', 'collected', 'no_show'] as const

export interface SlotMeal {
  id: string
  subsidised: boolean
  soldOut: boolean
}

export function slotMeals(slot: Doc): SlotMeal[] {
  const list = Array.isArray(slot.meals) ? (slot.meals as Doc[]) : []
  return list.map((m) => ({ id: str(m.id), subsidised: m.subsidised === true, soldOut: m.soldOut === true }))
}

export interface Booker {
  verified: boolean
  pausedUntil: Date | null
  /** Services the caller already booked on the slot's date, and the slot of each. */
  booked: { service: string; slotId: string }[]
}

export interface Availability {
  bookable: boolean
  reason?: string
  mine: boolean
}

/** Seats left on a slot (never negative, whatever a hand edit did). */
export const seatsLeft = (slot: Doc) => Math.max(0, num(slot.seatsLeft))

/**
 * Slot-level reasons first (closed, over, cut off, full, sold out, no subsidy), then the caller's own
 * (already booked this service, paused, not verified). `subsidyRoom`: the period's budget can still
 * give this slot subsidised seats.
 */
export function availability(slot: Doc, now: Date, who: Booker, subsidyRoom: boolean): Availability {
  const service: Service = serviceOf(str(slot.start))
  const mineHere = who.booked.some((b) => b.slotId === str(slot._id))
  const t = now.getTime()
  const at = (field: string) => dateOrNull(slot[field])?.getTime() ?? 0
  const no = (reason: string): Availability => ({ bookable: false, reason, mine: mineHere })
  if (str(slot.state, 'open') === 'closed') return no(`已停止预约${str(slot.closedReason) ? `：${str(slot.closedReason)}` : ''}`)
  if (t >= at('endsAt')) return no('已结束')
  if (t >= at('startsAt')) return no('已开餐')
  if (t >= at('cutoffAt')) return no('已截止预约')
  if (seatsLeft(slot) <= 0) return no('已约满')
  const meals = slotMeals(slot).filter((m) => !m.soldOut)
  if (!meals.length) return no('已售完')
  const subsidy = num(slot.subsidyLeft) > 0 || subsidyRoom
  if (!subsidy && meals.every((m) => m.subsidised)) return no('本月补贴已用完')
  if (mineHere) return no('已预约')
  if (who.booked.some((b) => b.service === service)) return no(`你已预约${service === 'lunch' ? '午餐' : '晚餐'}`)
  if (who.pausedUntil && who.pausedUntil.getTime() > t) return no('预约已暂停')
  if (!who.verified) return no('认证后可预约')
  return { bookable: true, mine: false }
}

/** The rider's pause as the users document keeps it (`mealPause`, written by the meals function). */
export function mealPauseOf(profile: Doc | null | undefined, now: Date): { until: Date; reason: string; canteenId: string } | null {
  const p = (profile?.mealPause ?? null) as Doc | null
  const until = dateOrNull(p?.until)
  if (!p || !until || until.getTime() <= now.getTime()) return null
  return { until, reason: str(p.reason, '多次预约未取餐'), canteenId: str(p.canteenId) }
}
