/**
 * The first-reply clock of questions: it runs only inside the group's service hours (Asia/Shanghai,
 * e.g. every day 08:00–22:00) and is paused while the liaison waits for the rider. Instants in,
 * instants out; days are walked in Shanghai time whatever the machine's TZ.
 */
import { DAY_MS, dayStart, isoWeekday, MINUTE_MS } from '../_lib/time'

export interface ServiceHours {
  /** ISO weekdays 1 (Mon) .. 7 (Sun) */
  days: number[]
  /** 'HH:mm', open < close; close may be '24:00' */
  open: string
  close: string
}

export const DEFAULT_SERVICE_HOURS: ServiceHours = { days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '22:00' }

/** Days searched ahead at most (a week without service would never come due). */
const MAX_DAYS = 400

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** The service window [start, end) in ms of the Shanghai day starting at `day`, or null on a day off. */
function windowOf(day: number, hours: ServiceHours): [number, number] | null {
  if (!hours.days.includes(isoWeekday(day))) return null
  return [day + minutesOf(hours.open) * MINUTE_MS, day + minutesOf(hours.close) * MINUTE_MS]
}

/** Service milliseconds inside [from, to). */
export function serviceMsBetween(from: Date | number, to: Date | number, hours: ServiceHours): number {
  const a = typeof from === 'number' ? from : from.getTime()
  const b = typeof to === 'number' ? to : to.getTime()
  if (b <= a) return 0
  let total = 0
  for (let day = dayStart(a), n = 0; day < b && n < MAX_DAYS * 3; day += DAY_MS, n++) {
    const w = windowOf(day, hours)
    if (!w) continue
    const s = Math.max(a, w[0])
    const e = Math.min(b, w[1])
    if (e > s) total += e - s
  }
  return total
}

/** The instant at which `ms` service milliseconds after `from` have passed (null: no service day ahead). */
export function addServiceMs(from: Date | number, ms: number, hours: ServiceHours): Date | null {
  const a = typeof from === 'number' ? from : from.getTime()
  let left = Math.max(0, ms)
  for (let day = dayStart(a), n = 0; n < MAX_DAYS; day += DAY_MS, n++) {
    const w = windowOf(day, hours)
    if (!w) continue
    const s = Math.max(a, w[0])
    if (w[1] <= s) continue
    if (s + left <= w[1]) return new Date(s + left)
    left -= w[1] - s
  }
  return null
}

export function inServiceHours(at: Date | number, hours: ServiceHours): boolean {
  const t = typeof at === 'number' ? at : at.getTime()
  const w = windowOf(dayStart(t), hours)
  return Boolean(w && w[0] <= t && t < w[1])
}

const WEEKDAY = ['', '一', '二', '三', '四', '五', '六', '日']

/** '每天 08:00–22:00', '周一至周五 09:00–18:00', '周一、三、五 …' */
export function serviceHoursText(h: ServiceHours): string {
  const days = [...new Set(h.days)].sort((x, y) => x - y)
  const span = `${h.open}–${h.close}`
  if (days.length === 7) return `每天 ${span}`
  const consecutive = days.every((d, i) => i === 0 || d === days[i - 1] + 1)
  if (consecutive && days.length >= 3) return `周${WEEKDAY[days[0]]}至周${WEEKDAY[days[days.length - 1]]} ${span}`
  return `周${days.map((d) => WEEKDAY[d]).join('、')} ${span}`
}
