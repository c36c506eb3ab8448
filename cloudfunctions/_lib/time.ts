/**
 * Business time: Asia/Shanghai, whatever TZ the machine or the cloud runtime has (WeChat cloud
 * functions run in UTC unless told otherwise). The one place the server turns instants into
 * Shanghai dates, clocks and texts.
 *
 * China has used a fixed UTC+08:00 without daylight saving since 1991, so the calendar helpers
 * use a constant offset (cheap enough for a 2,000-station list); dayjs with the tz database is used
 * where parsing a wall-clock time needs it.
 */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export const BUSINESS_TZ = 'Asia/Shanghai'
export const MINUTE_MS = 60_000
export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000
const OFFSET_MS = 8 * HOUR_MS

/** The Shanghai wall clock of `t` as a UTC-based Date (read it with getUTC*, toISOString). */
const wall = (t: number) => new Date(t + OFFSET_MS)
const ms = (at: Date | number) => (typeof at === 'number' ? at : at.getTime())

/** A dayjs in Asia/Shanghai for an instant (default: now). */
export function shanghai(at: Date | number | string = new Date()) {
  return dayjs(at).tz(BUSINESS_TZ)
}

/** Shanghai midnight (as an instant in ms) of the business day containing `t`. */
export function dayStart(at: Date | number): number {
  return Math.floor((ms(at) + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS
}

/** YYYY-MM-DD of the business day containing `at`. */
export function businessDate(at: Date | number = new Date()): string {
  return wall(ms(at)).toISOString().slice(0, 10)
}

/** 'HH:mm' Shanghai wall clock of `at`. */
export function clock(at: Date | number): string {
  return wall(ms(at)).toISOString().slice(11, 16)
}

/** 'YYYY-MM-DD HH:mm' in Shanghai: subscribe-message time fields, CSV exports. */
export function dateTimeText(at: Date | number): string {
  return `${businessDate(at)} ${clock(at)}`
}

/** 'YYYY-MM-DDTHH' in Shanghai: one key per business hour (e.g. one check-in per hour). */
export function hourKey(at: Date | number): string {
  return wall(ms(at)).toISOString().slice(0, 13)
}

/** ISO weekday 1 (Mon) .. 7 (Sun) of the business day containing `at`. */
export function isoWeekday(at: Date | number): number {
  const d = wall(ms(at)).getUTCDay()
  return d === 0 ? 7 : d
}

/** Monday (YYYY-MM-DD) of the Shanghai week containing `at`. */
export function weekKey(at: Date | number): string {
  const start = dayStart(at)
  return businessDate(start - (isoWeekday(start) - 1) * DAY_MS)
}

/** Minutes since Shanghai midnight (0..1439) of `at`. */
export function minuteOfDay(at: Date | number = new Date()): number {
  return Math.floor((ms(at) - dayStart(at)) / MINUTE_MS)
}

/** `days` after a business date (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The instant of HH:mm on a Shanghai business date. */
export function shanghaiInstant(date: string, hhmm: string): Date {
  return dayjs.tz(`${date} ${hhmm}`, 'YYYY-MM-DD HH:mm', BUSINESS_TZ).toDate()
}

/** ISO string with the +08:00 offset, for answers shown to people. */
export function isoShanghai(at: Date | number = new Date()): string {
  return `${wall(ms(at)).toISOString().slice(0, 19)}+08:00`
}

export function greetingFor(at: Date = new Date()): string {
  const h = Math.floor(minuteOfDay(at) / 60)
  if (h < 5) return '夜深了，注意安全'
  if (h < 11) return '早上好'
  if (h < 14) return '中午好'
  if (h < 18) return '下午好'
  return '晚上好'
}
