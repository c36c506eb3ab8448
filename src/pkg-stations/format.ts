/** Dates and hours as the station pages print them (the server answers ISO with +08:00). */
import type { HoursException } from '@cloud/stations/contract'

const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** 2026-11-26T14:05:00+08:00 → 11月26日 14:05 */
export { dayTime as shortDate } from '@/utils/shanghai-day'

/** 1月1日 周四：休息（元旦） / 2月3日 周二：10:00–16:00 */
export function exceptionText(e: HoursException): string {
  const weekday = WEEKDAY[new Date(`${e.date}T00:00:00Z`).getUTCDay() || 7]
  const hours = e.closed ? '休息' : `${e.open}–${e.overnight ? '次日 ' : ''}${e.close}`
  return `${Number(e.date.slice(5, 7))}月${Number(e.date.slice(8, 10))}日 ${weekday}：${hours}${e.note ? `（${e.note}）` : ''}`
}
