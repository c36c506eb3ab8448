/**
 * The client's one module for business time (Asia/Shanghai). The server sends instants as ISO
 * strings with +08:00 and dates as YYYY-MM-DD; we read the calendar date and the clock from the
 * string itself, so the phone's own time zone never shifts a day. Shanghai has had no daylight
 * saving since 1991: a fixed +08:00 offset is exact.
 */
const DAY_MS = 86_400_000
const OFFSET_MS = 8 * 3_600_000
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/

const weekdayOf = (y: string, m: string, d: string) => new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDay()

/** The Shanghai calendar date of an instant (default now). */
export function shanghaiDate(at: Date = new Date()): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10)
}

/** `days` after a Shanghai date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** "2026-11-23" → "2026-11-23T00:00:00+08:00" */
export const shanghaiMidnight = (date: string): string => `${date}T00:00:00+08:00`

/** "11月26日" for a date or an ISO instant; '' if unreadable. */
export function monthDay(isoOrDate: string): string {
  const m = ISO.exec(isoOrDate)
  return m ? `${Number(m[2])}月${Number(m[3])}日` : ''
}

/** "11月26日 星期四" for "2026-11-26T14:05:00+08:00" (or for "2026-11-26"); '' if unreadable. */
export function formatShanghaiDay(isoOrDate: string): string {
  const m = ISO.exec(isoOrDate)
  return m ? `${monthDay(isoOrDate)} ${WEEKDAYS[weekdayOf(m[1], m[2], m[3])]}` : ''
}

/** "12月3日 周四" for a YYYY-MM-DD (the date itself if unreadable). */
export function shortDay(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return m ? `${monthDay(date)} 周${'日一二三四五六'[weekdayOf(m[1], m[2], m[3])]}` : date
}

/** "11月26日 14:05" for "2026-11-26T14:05:00+08:00"; '' if unreadable or empty. */
export function dayTime(iso: string | null | undefined): string {
  const m = iso ? ISO.exec(iso) : null
  return m?.[4] ? `${monthDay(iso as string)} ${m[4]}` : ''
}

/** "18:30" of an ISO instant with +08:00; '' if empty. */
export const clockOf = (iso: string | null | undefined): string => (iso ? (/T(\d{2}:\d{2})/.exec(iso)?.[1] ?? '') : '')

/** "今天 14:05", "昨天 09:30", "11月20日 18:00", "2025年11月20日 18:00", against the Shanghai date of today. */
export function relativeTime(iso: string, todayShanghai: string): string {
  const m = ISO.exec(iso)
  if (!m?.[4]) return ''
  const date = `${m[1]}-${m[2]}-${m[3]}`
  if (date === todayShanghai) return `今天 ${m[4]}`
  if (date === addDays(todayShanghai, -1)) return `昨天 ${m[4]}`
  const year = todayShanghai.slice(0, 4) === m[1] ? '' : `${m[1]}年`
  return `${year}${dayTime(iso)}`
}
