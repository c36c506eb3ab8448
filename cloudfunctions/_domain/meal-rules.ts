/**
 * The canteen's rules, shared by `meals` and `home`: services (lunch / dinner) and slot ids, the
 * booking policy of a canteen with its defaults, pickup codes, and whether a slot can be booked now.
 * All times are Asia/Shanghai (`_lib/time.ts`); money is in fen (1 元 = 100 fen).
 */
import { randomInt } from 'node:crypto'
import { isoWeekday, MINUTE_MS, shanghaiInstant } from '../_lib/time'
import { type Doc, num } from '../_lib/values'

export const SERVICES = ['lunch', 'dinner'] as const
export type Service = (typeof SERVICES)[number]
export const SERVICE_LABEL: Record<Service, string> = { lunch: '午餐', dinner: '晚餐' }

/** A slot starting before 15:00 serves lunch, from 15:00 dinner (one booking per rider per service and day). */
export function serviceOf(start: string): Service {
  return start < '15:00' ? 'lunch' : 'dinner'
}

/** 'HH:mm' on the 5-minute grid, 05:00–23:55. */
export const SLOT_TIME = /^(0[5-9]|1\d|2[0-3]):[0-5][05]$/

/** Slot ids say what they are: one slot per canteen, day and start time. */
export const slotIdOf = (canteenId: string, date: string, start: string) => `${canteenId}_${date}_${start.replace(':', '')}`

export interface SlotKey {
  canteenId: string
  date: string
  start: string
  service: Service
}

/** The canteen, date and start a slot id names, or null when it is not one (checked again against the stored slot). */
export function parseSlotId(id: string): SlotKey | null {
  const m = /^([\w-]{1,40})_(\d{4}-\d{2}-\d{2})_(\d{2})(\d{2})$/.exec(id)
  if (!m) return null
  const start = `${m[3]}:${m[4]}`
  if (!SLOT_TIME.test(start)) return null
  return { canteenId: m[1], date: m[2], start, service: serviceOf(start) }
}

/** The key that keeps one active booking per rider, service and day (unique with the openid). */
export const serviceKeyOf = (date: string, service: Service) => `${date}_${service}`

// ---- policy -------------------------------------------------------------------------------------

export interface MealPolicy {
  /** Booking closes this many minutes before the slot starts. */
  cutoffMinutes: number
  /** Cancelling is free until this many minutes before the start; later (until the start) it counts like a no-show. */
  freeCancelMinutes: number
  /** A meal is kept warm in its locker until the slot's end plus this. */
  holdMinutes: number
  /** Running late: the hold can be extended once by this. */
  extendMinutes: number
  /** `count` no-shows within `windowDays` pause booking for `pauseDays`. */
  noShow: { count: number; windowDays: number; pauseDays: number }
  /** Per rider: one per service and day always; at most `perDay` a day and `perWeek` a week (null = no weekly limit). */
  limits: { perDay: number; perWeek: number | null }
}

export const DEFAULT_POLICY: MealPolicy = {
  cutoffMinutes: 30,
  freeCancelMinutes: 30,
  holdMinutes: 30,
  extendMinutes: 30,
  noShow: { count: 3, windowDays: 30, pauseDays: 7 },
  limits: { perDay: 2, perWeek: null },
}

/** The canteen's policy, field by field over the defaults (a hand-edited document never breaks booking). */
export function policyOf(canteen: Doc | null | undefined): MealPolicy {
  const p = (canteen?.policy ?? {}) as Doc
  const noShow = (p.noShow ?? {}) as Doc
  const limits = (p.limits ?? {}) as Doc
  const d = DEFAULT_POLICY
  const perWeek = limits.perWeek === null || limits.perWeek === undefined ? d.limits.perWeek : num(limits.perWeek, 0) || null
  return {
    cutoffMinutes: num(p.cutoffMinutes, d.cutoffMinutes),
    freeCancelMinutes: num(p.freeCancelMinutes, d.freeCancelMinutes),
    holdMinutes: num(p.holdMinutes, d.holdMinutes),
    extendMinutes: num(p.extendMinutes, d.extendMinutes),
    noShow: {
      count: num(noShow.count, d.noShow.count),
      windowDays: num(noShow.windowDays, d.noShow.windowDays),
      pauseDays: num(noShow.pauseDays, d.noShow.pauseDays),
    },
    limits: { perDay: num(limits.perDay, d.limits.perDay), perWeek },
  }
}

/** The instants of a slot under a policy. */
export function slotTimes(date: string, start: string, end: string, policy: Pick<MealPolicy, 'cutoffMinutes'>) {
  const startsAt = shanghaiInstant(date, start)
  return { startsAt, endsAt: shanghaiInstant(date, end), cutoffAt: new Date(startsAt.getTime() - policy.cutoffMinutes * MINUTE_MS) }
}

// ---- opening days -------------------------------------------------------------------------------

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7]
export const WEEKDAY_LABEL = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** ISO weekdays (1 = Monday … 7 = Sunday) the canteen serves on; every day when it says nothing. */
export function openDaysOf(canteen: Doc | null | undefined): number[] {
  const raw = canteen?.openDays
  const days = Array.isArray(raw) ? (raw as unknown[]).filter((d): d is number => WEEKDAYS.includes(d as number)) : []
  return days.length ? [...new Set(days)].sort() : WEEKDAYS
}

/** The ISO weekday of a business date (YYYY-MM-DD). */
export const weekdayOf = (date: string) => isoWeekday(shanghaiInstant(date, '12:00'))

export const isOpenOn = (canteen: Doc | null | undefined, date: string) => openDaysOf(canteen).includes(weekdayOf(date))

// ---- pickup codes -------------------------------------------------------------------------------

/** No 0/O/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B: nothing a tired rider or a steamed-up locker screen can confuse. */
export const CODE_ALPHABET = 'ACDEFHJKMNPRTUVWXY3479'
export const PICKUP_CODE = new RegExp(`^[${CODE_ALPHABET}]{6}$`)

/**
 * A 6-character pickup code: 2 characters name the slot's start time (5-minute grid, so every slot of
 * a canteen's day has its own), 4 are random. The slot refuses a code it already issued (in the same
 * conditional update that takes the seat), so a code is unique per canteen and day.
 */
export function pickupCode(start: string): string {
  const [h, m] = start.split(':').map(Number)
  const n = (h * 60 + m) / 5
  const a = CODE_ALPHABET
  let code = a[Math.floor(n / a.length)] + a[n % a.length]
  for (let i = 0; i < 4; i++) code += a[randomInt(a.length)]
  return code
}

/** What riders type: upper case, no spaces or dashes. */
export const normaliseCode = (raw: string) => raw.replace(/[\s-]/g, '').toUpperCase()

// ---- subsidy ------------------------------------------------------------------------------------

/** What a canteen without its own settings gives: 15 元 per 爱心餐, 30,000 元 a month. */
export const DEFAULT_SUBSIDY = { perMealFen: 1500, monthlyBudgetFen: 3_000_000 }

export function subsidyOf(canteen: Doc | null | undefined): { perMealFen: number; monthlyBudgetFen: number } {
  const s = (canteen?.subsidy ?? {}) as Doc
  return {
    perMealFen: num(s.perMealFen, DEFAULT_SUBSIDY.perMealFen),
    monthlyBudgetFen: num(s.monthlyBudgetFen, DEFAULT_SUBSIDY.monthlyBudgetFen),
  }
}

// ---- money --------------------------------------------------------------------------------------

export const yuan = (fen: number) => (fen % 100 === 0 ? `${fen / 100}` : (fen / 100).toFixed(2))
