/**
 * Business time: Asia/Shanghai, whatever TZ the machine or the cloud runtime has
 * (WeChat cloud functions run in UTC unless told otherwise).
 */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export const BUSINESS_TZ = 'Asia/Shanghai'

/** A dayjs in Asia/Shanghai for an instant (default: now). */
export function shanghai(at: Date | number | string = new Date()) {
  return dayjs(at).tz(BUSINESS_TZ)
}

/** YYYY-MM-DD of the business day containing `at`. */
export function businessDate(at: Date = new Date()): string {
  return shanghai(at).format('YYYY-MM-DD')
}

/** Minutes since Shanghai midnight (0..1439) of `at`. */
export function minuteOfDay(at: Date = new Date()): number {
  const d = shanghai(at)
  return d.hour() * 60 + d.minute()
}

/** The instant of HH:mm on a Shanghai business date. */
export function shanghaiInstant(date: string, hhmm: string): Date {
  return dayjs.tz(`${date} ${hhmm}`, 'YYYY-MM-DD HH:mm', BUSINESS_TZ).toDate()
}

/** ISO string with the +08:00 offset, for answers shown to people. */
export function isoShanghai(at: Date = new Date()): string {
  return shanghai(at).format('YYYY-MM-DDTHH:mm:ssZ')
}

export function greetingFor(at: Date = new Date()): string {
  const h = shanghai(at).hour()
  if (h < 5) return '夜深了，注意安全'
  if (h < 11) return '早上好'
  if (h < 14) return '中午好'
  if (h < 18) return '下午好'
  return '晚上好'
}
