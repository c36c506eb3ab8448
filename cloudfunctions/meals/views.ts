/**
 * What the `meals` function answers: the output schemas of its contract (strict objects, checked in
 * the local cloud), and their types for the client (`import type` only).
 */
import { z } from 'zod'
import { dateKey, isoTime, out } from '../_lib/schema'

export const SERVICE_KEYS = ['lunch', 'dinner'] as const
export const BOOKING_STATES = ['booked', 'placed', 'collected', 'cancelled', 'no_show'] as const
export type BookingState = (typeof BOOKING_STATES)[number]

/** Allergen keys staff pick from; answers carry the Chinese label. */
export const ALLERGENS = {
  peanut: '花生',
  tree_nut: '坚果',
  egg: '鸡蛋',
  milk: '牛奶',
  seafood: '鱼虾蟹',
  soy: '大豆',
  wheat: '小麦',
  sesame: '芝麻',
} as const
export type AllergenKey = keyof typeof ALLERGENS
export const ALLERGEN_KEYS = Object.keys(ALLERGENS) as [AllergenKey, ...AllergenKey[]]

const service = z.enum(SERVICE_KEYS)

export const dishView = out({
  id: z.string(),
  name: z.string(),
  /** A short-lived link; null without a photo or while the photo's content check is pending (for others). */
  photoUrl: z.string().nullable(),
  allergens: z.array(z.string()).describe('中文过敏原，如 花生、鸡蛋'),
})
export type DishView = z.infer<typeof dishView>

export const mealView = out({
  id: z.string(),
  name: z.string(),
  /** What the rider pays at the counter, in fen (1500 = 15 元). */
  priceFen: z.number().int(),
  /** The 爱心餐: its subsidy is drawn from the canteen's budget when it is collected. */
  subsidised: z.boolean(),
  soldOut: z.boolean(),
  services: z.array(service),
  dishes: z.array(dishView),
})
export type MealView = z.infer<typeof mealView>

export const slotView = out({
  id: z.string(),
  start: z.string().describe('HH:mm 上海时间'),
  end: z.string(),
  service,
  offPeak: z.boolean(),
  capacity: z.number().int(),
  left: z.number().int(),
  /** Whether THIS caller can book it now. */
  bookable: z.boolean(),
  /** Why not, in Chinese (已约满, 已截止预约, 你已预约本餐 …). */
  reason: z.string().optional(),
  /** The caller's own booking is in this slot. */
  mine: z.boolean(),
})
export type SlotView = z.infer<typeof slotView>

export const canteenSummary = out({ id: z.string(), name: z.string(), address: z.string() })

export const dayView = out({
  canteen: canteenSummary,
  date: dateKey,
  /** Today in Asia/Shanghai and the days that can be looked at (today and the next 6). */
  today: dateKey,
  /** `open`: the canteen serves that weekday. */
  days: z.array(out({ date: dateKey, label: z.string(), open: z.boolean() })),
  meals: z.array(mealView),
  slots: z.array(slotView),
  me: out({
    verified: z.boolean(),
    /** Staff of this canteen (or town): the 食堂管理 entry is offered. */
    staff: z.boolean(),
    /** Booking is paused for no-shows until this instant. */
    pausedUntil: isoTime.nullable(),
    pauseReason: z.string().nullable(),
    /** My active bookings on this date, per service. */
    booked: z.array(out({ service, bookingId: z.string(), slotId: z.string() })),
  }),
  /** False when the period's subsidy budget is spent: only unsubsidised meals can be booked. */
  subsidyOpen: z.boolean(),
  /** Booking closes this many minutes before a slot starts. */
  cutoffMinutes: z.number().int(),
  /** Subscribe-message template ids to ask consent for when booking (the locker number; a closed slot). */
  templates: out({ placed: z.string(), cancelled: z.string() }),
})
export type DayView = z.infer<typeof dayView>

export const bookingView = out({
  id: z.string(),
  code: z.string().describe('6 位取餐码，不含易混淆字符'),
  slotId: z.string(),
  canteen: canteenSummary,
  date: dateKey,
  start: z.string(),
  end: z.string(),
  service,
  meal: out({ id: z.string(), name: z.string(), priceFen: z.number().int(), subsidised: z.boolean() }),
  state: z.enum(BOOKING_STATES),
  lockerNo: z.number().int().nullable(),
  placedAt: isoTime.nullable(),
  /** Kept warm until (slot end + hold, extended once when running late). */
  holdUntil: isoTime,
  collectedAt: isoTime.nullable(),
  cancelledAt: isoTime.nullable(),
  /** Who cancelled: the rider, or the canteen (slot closed) with its reason. */
  cancelNote: z.string().nullable(),
  moved: z.boolean(),
  holdExtended: z.boolean(),
  /** What the rider may still do, with the same rules the actions apply. */
  canCancel: z.boolean(),
  /** Cancelling now counts like a no-show (inside the free-cancellation window). */
  cancelIsLate: z.boolean(),
  canMove: z.boolean(),
  canExtend: z.boolean(),
  createdAt: isoTime,
})
export type BookingView = z.infer<typeof bookingView>

/** What `book` answers: the booking as written (the client shows it with the day it has; getBooking gives the rest). */
export const bookedView = out({
  id: z.string(),
  code: z.string().describe('6 位取餐码，不含易混淆字符'),
  slotId: z.string(),
  canteenId: z.string(),
  date: dateKey,
  start: z.string(),
  service,
  mealId: z.string(),
  subsidised: z.boolean(),
  state: z.enum(BOOKING_STATES),
  /** An earlier tap with the same requestId had already booked it: this is that booking. */
  repeated: z.boolean(),
  createdAt: isoTime,
})
export type BookedView = z.infer<typeof bookedView>

export const myBookingsView = out({
  /** Booked or in a locker, soonest first. */
  active: z.array(bookingView),
  /** Collected, cancelled, no-show: the latest 30. */
  history: z.array(bookingView),
  pausedUntil: isoTime.nullable(),
  pauseReason: z.string().nullable(),
  /** No-shows (and late cancels) counted in the policy's window. */
  noShows: z.number().int(),
})
export type MyBookingsView = z.infer<typeof myBookingsView>
