/**
 * Contract of the `meals` function (issue "The 15-yuan meal"): input schemas here, output schemas in
 * views.ts (riders) and staff-views.ts (canteen staff, town, liaisons). The rider-facing names
 * (listDay, book, cancelBooking, myBookings) are fixed by the issue. The client imports types only.
 */
import { z } from 'zod'
import { type ApiOf, defineContract } from '../_lib/contract'
import { dateKey, fileId, key, ok, requestId, text } from '../_lib/schema'
import {
  boardView,
  dishEditView,
  exportView,
  ledgerView,
  managedCanteen,
  myCanteensView,
  pausedRider,
  pickupView,
  placeView,
  planView,
  settleView,
} from './staff-views'
import { ALLERGEN_KEYS, bookedView, bookingView, dayView, myBookingsView, SERVICE_KEYS } from './views'

export type * from './staff-views'
export type * from './views'

const hhmm = z
  .string()
  .regex(/^(0[5-9]|1\d|2[0-3]):[0-5][05]$/, '时间应为 05:00–23:55 之间、5 分钟为单位')
  .describe('HH:mm，5 分钟为单位')
const endHhmm = z
  .string()
  .regex(/^((0[5-9]|1\d|2[0-3]):[0-5][05]|24:00)$/, '结束时间格式不正确')
  .describe('HH:mm')
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .describe('YYYY-MM')
const fen = (max: number) => z.number().int().min(0).max(max)
const minutes = (min: number, max: number) => z.number().int().min(min).max(max)
const canteenId = key
const empty = z.object({}).strict()

// ---- riders ----
export const listDayInput = z.object({ date: dateKey, canteenId: canteenId.optional() }).strict()
export const bookInput = z
  .object({
    slotId: key,
    requestId,
    /** The set meal; absent = the slot's first available 爱心餐. */
    mealId: key.optional(),
  })
  .strict()
export const bookingIdInput = z.object({ bookingId: key }).strict()
export const runningLateInput = z
  .object({ bookingId: key, choice: z.enum(['move', 'extend']).describe('move 改到下一个有空位的时段；extend 保温延长一次') })
  .strict()

// ---- canteen staff (their canteen) and town ----
export const canteenInput = z.object({ canteenId }).strict()
export const canteenDayInput = z.object({ canteenId, date: dateKey }).strict()
export const boardInput = z.object({ canteenId, date: dateKey.optional() }).strict()
export const saveDishInput = z
  .object({
    canteenId,
    /** Absent = a new dish. */
    dishId: key.optional(),
    name: text(20).min(1, '请填写菜名'),
    photo: fileId.nullable().optional(),
    allergens: z.array(z.enum(ALLERGEN_KEYS)).max(8).default([]),
  })
  .strict()
export const saveMenuInput = z
  .object({
    canteenId,
    date: dateKey,
    meals: z
      .array(
        z
          .object({
            /** Absent = a new set meal. */
            id: key.optional(),
            name: text(20).min(1, '请填写套餐名'),
            dishIds: z.array(key).min(1, '每个套餐至少一道菜').max(8),
            priceFen: fen(100_000),
            subsidised: z.boolean(),
            services: z.array(z.enum(SERVICE_KEYS)).min(1, '请选择午餐或晚餐').max(2),
          })
          .strict(),
      )
      .max(6),
  })
  .strict()
export const saveSlotInput = z
  .object({ canteenId, date: dateKey, start: hhmm, end: endHhmm, capacity: z.number().int().min(1).max(500), offPeak: z.boolean() })
  .strict()
export const closeSlotInput = z.object({ slotId: key, reason: text(20).min(2, '请写明停止预约的原因') }).strict()
export const setSoldOutInput = z.object({ canteenId, date: dateKey, mealId: key, soldOut: z.boolean() }).strict()
export const copyWeekInput = z
  .object({ canteenId, weekOf: dateKey.describe('要排的那一周中的任意一天；复制它前一周的套餐和时段') })
  .strict()
export const setPolicyInput = z
  .object({
    canteenId,
    /** ISO weekdays the canteen serves on (1 = 周一 … 7 = 周日). */
    openDays: z.array(z.number().int().min(1).max(7)).min(1, '至少选一天营业').max(7).optional(),
    /** Heated lockers numbered 1..lockerCount; fewer switches off the highest (when empty). */
    lockerCount: z.number().int().min(1).max(200).optional(),
    policy: z
      .object({
        cutoffMinutes: minutes(0, 24 * 60).optional(),
        freeCancelMinutes: minutes(0, 24 * 60).optional(),
        holdMinutes: minutes(10, 240).optional(),
        extendMinutes: minutes(10, 120).optional(),
        noShow: z
          .object({ count: z.number().int().min(1).max(20), windowDays: minutes(1, 90), pauseDays: minutes(1, 90) })
          .strict()
          .optional(),
        limits: z
          .object({ perDay: z.number().int().min(1).max(2), perWeek: z.number().int().min(1).max(14).nullable() })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
export const setBudgetInput = z.object({ canteenId, month, budgetFen: fen(100_000_000) }).strict()
export const ledgerInput = z.object({ canteenId, month }).strict()
export const placeMealInput = z
  .object({ bookingId: key, lockerNo: z.number().int().min(1).max(999).optional().describe('不填则自动分配空的保温柜') })
  .strict()
export const confirmPickupInput = z.object({ canteenId, code: z.string().trim().min(1, '请输入取餐码').max(16) }).strict()
export const clearLockerInput = z.object({ canteenId, lockerNo: z.number().int().min(1).max(999) }).strict()
export const exportInput = z
  .object({ canteenId, period: z.enum(['day', 'month']), date: dateKey.describe('导出的那一天，或那个月中的任意一天') })
  .strict()

// ---- liaison (their groups) and town ----
export const liftPauseInput = z.object({ riderOpenid: key, note: text(40).optional() }).strict()

export const mealsContract = defineContract({
  listDay: { input: listDayInput, output: dayView },
  book: { input: bookInput, output: bookedView },
  cancelBooking: { input: bookingIdInput, output: bookingView },
  myBookings: { input: empty, output: myBookingsView },
  getBooking: { input: bookingIdInput, output: bookingView },
  runningLate: { input: runningLateInput, output: bookingView },

  myCanteens: { input: empty, output: myCanteensView },
  getPlan: { input: canteenDayInput, output: planView },
  saveDish: { input: saveDishInput, output: dishEditView },
  saveMenu: { input: saveMenuInput, output: planView },
  saveSlot: { input: saveSlotInput, output: planView },
  closeSlot: { input: closeSlotInput, output: planView.extend({ told: z.number().int() }) },
  setSoldOut: { input: setSoldOutInput, output: planView },
  copyWeek: {
    input: copyWeekInput,
    output: z.object({ days: z.number().int(), slots: z.number().int(), menus: z.number().int() }).strict(),
  },
  setPolicy: { input: setPolicyInput, output: managedCanteen },
  setBudget: { input: setBudgetInput, output: ledgerView },
  ledger: { input: ledgerInput, output: ledgerView },

  board: { input: boardInput, output: boardView },
  placeMeal: { input: placeMealInput, output: placeView },
  confirmPickup: { input: confirmPickupInput, output: pickupView },
  clearLocker: { input: clearLockerInput, output: ok },
  exportCsv: { input: exportInput, output: exportView },

  listPaused: { input: empty, output: z.object({ riders: z.array(pausedRider) }).strict() },
  liftPause: { input: liftPauseInput, output: ok },

  settle: { input: z.object({}).passthrough(), output: settleView },
})
export type MealsApi = ApiOf<typeof mealsContract>
