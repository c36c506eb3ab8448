/**
 * What the canteen console, the plan editor, the export and the liaison's pause list receive:
 * output schemas of the `meals` contract for staff, town and liaisons.
 */
import { z } from 'zod'
import { dateKey, isoTime, out } from '../_lib/schema'
import { ALLERGEN_KEYS, BOOKING_STATES, SERVICE_KEYS } from './views'

const service = z.enum(SERVICE_KEYS)

export const policyView = out({
  cutoffMinutes: z.number().int(),
  freeCancelMinutes: z.number().int(),
  holdMinutes: z.number().int(),
  extendMinutes: z.number().int(),
  noShow: out({ count: z.number().int(), windowDays: z.number().int(), pauseDays: z.number().int() }),
  limits: out({ perDay: z.number().int(), perWeek: z.number().int().nullable() }),
})
export type PolicyView = z.infer<typeof policyView>

export const managedCanteen = out({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  lockerCount: z.number().int(),
  /** ISO weekdays it serves on (1 = 周一 … 7 = 周日). */
  openDays: z.array(z.number().int()),
  policy: policyView,
  subsidy: out({ perMealFen: z.number().int(), monthlyBudgetFen: z.number().int() }),
})
export type ManagedCanteen = z.infer<typeof managedCanteen>

export const myCanteensView = out({ canteens: z.array(managedCanteen), isTown: z.boolean() })
export type MyCanteensView = z.infer<typeof myCanteensView>

export const dishEditView = out({
  id: z.string(),
  name: z.string(),
  photo: z.string().nullable().describe('云存储文件 id'),
  photoUrl: z.string().nullable(),
  /** The photo's content check has not passed yet: riders do not see it. */
  photoPending: z.boolean(),
  allergens: z.array(z.enum(ALLERGEN_KEYS)),
})
export type DishEditView = z.infer<typeof dishEditView>

export const menuMealView = out({
  id: z.string(),
  name: z.string(),
  dishIds: z.array(z.string()),
  priceFen: z.number().int(),
  subsidised: z.boolean(),
  soldOut: z.boolean(),
  services: z.array(service),
  /** Active bookings of this meal on that day (a meal with bookings cannot be removed, only sold out). */
  booked: z.number().int(),
})
export type MenuMealView = z.infer<typeof menuMealView>

export const planSlotView = out({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  service,
  offPeak: z.boolean(),
  capacity: z.number().int(),
  booked: z.number().int(),
  left: z.number().int(),
  state: z.enum(['open', 'closed']),
  closedReason: z.string().nullable(),
})
export type PlanSlotView = z.infer<typeof planSlotView>

export const planView = out({
  canteen: out({ id: z.string(), name: z.string() }),
  date: dateKey,
  /** The date is before today: the plan is shown, not editable. */
  past: z.boolean(),
  dishes: z.array(dishEditView),
  meals: z.array(menuMealView),
  slots: z.array(planSlotView),
})
export type PlanView = z.infer<typeof planView>

export const bookingRow = out({
  id: z.string(),
  code: z.string(),
  slotId: z.string(),
  start: z.string(),
  end: z.string(),
  mealId: z.string(),
  mealName: z.string(),
  rider: z.string().describe('骑手昵称'),
  state: z.enum(BOOKING_STATES),
  lockerNo: z.number().int().nullable(),
  holdUntil: isoTime,
  moved: z.boolean(),
  holdExtended: z.boolean(),
  /** In a locker (or never placed) past its hold time and not collected. */
  overdue: z.boolean(),
})
export type BookingRow = z.infer<typeof bookingRow>

export const boardView = out({
  canteen: out({ id: z.string(), name: z.string() }),
  date: dateKey,
  now: isoTime,
  slots: z.array(
    out({
      id: z.string(),
      start: z.string(),
      end: z.string(),
      offPeak: z.boolean(),
      state: z.enum(['open', 'closed']),
      capacity: z.number().int(),
      booked: z.number().int(),
      collected: z.number().int(),
    }),
  ),
  /** How many of each set meal to prepare (active bookings), and how many were collected. */
  prep: z.array(out({ mealId: z.string(), name: z.string(), count: z.number().int(), collected: z.number().int() })),
  lockers: out({
    total: z.number().int(),
    inUse: z.number().int(),
    list: z.array(out({ no: z.number().int(), bookingId: z.string().nullable(), code: z.string().nullable(), overdue: z.boolean() })),
  }),
  /** Riders running late (moved to a later slot or hold extended), not yet collected. */
  late: z.array(bookingRow),
  /** Past their hold time and not collected. */
  uncollected: z.array(bookingRow),
  /** Every booking of the day that is still to hand over (booked or in a locker), by slot. */
  toHandOver: z.array(bookingRow),
})
export type BoardView = z.infer<typeof boardView>

export const ledgerView = out({
  canteenId: z.string(),
  period: z.string().describe('YYYY-MM'),
  budgetFen: z.number().int(),
  perMealFen: z.number().int(),
  /** Drawn by collected meals (the sum over this period's pickups). */
  drawnFen: z.number().int(),
  drawnCount: z.number().int(),
  /** Not yet given to a slot or a booking: new subsidised bookings stop when this and the slots' share run out. */
  unallocatedFen: z.number().int(),
})
export type LedgerView = z.infer<typeof ledgerView>

export const pickupView = out({ booking: bookingRow, subsidyFen: z.number().int(), payFen: z.number().int(), ledger: ledgerView })
export type PickupView = z.infer<typeof pickupView>

export const placeView = out({ booking: bookingRow, lockerNo: z.number().int(), notified: z.boolean() })
export type PlaceView = z.infer<typeof placeView>

export const exportView = out({
  fileName: z.string(),
  fileId: z.string(),
  /** A download link valid for one hour. */
  url: z.string(),
  rows: z.number().int(),
  summary: out({
    bookings: z.number().int(),
    collected: z.number().int(),
    noShows: z.number().int(),
    cancelled: z.number().int(),
    subsidyFen: z.number().int(),
  }),
})
export type ExportView = z.infer<typeof exportView>

export const pausedRider = out({
  openid: z.string(),
  nickname: z.string(),
  until: isoTime,
  reason: z.string(),
  canteenId: z.string(),
})
export type PausedRider = z.infer<typeof pausedRider>

export const settleView = out({
  noShows: z.number().int(),
  paused: z.number().int(),
  slotsSettled: z.number().int(),
  returnedFen: z.number().int(),
})
