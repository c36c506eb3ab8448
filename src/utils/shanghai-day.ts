/**
 * Display helpers for the business day. The server sends "now" as an ISO string with +08:00
 * (Asia/Shanghai); we read the calendar date from the string itself so the phone's own time
 * zone never shifts the day.
 */
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']

/** "11月26日 星期四" for "2026-11-26T14:05:00+08:00" (or for "2026-11-26"); '' if unreadable. */
export function formatShanghaiDay(isoOrDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoOrDate)
  if (!match) return ''
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay()
  return `${month}月${day}日 ${WEEKDAYS[weekday]}`
}
