/**
 * Duty periods are picked as Asia/Shanghai dates and sent as instants: "from A to B" is
 * [A 00:00 +08:00, B+1 00:00 +08:00). Shanghai has had no daylight saving since 1991, so a fixed
 * +08:00 offset is exact; the phone's own time zone never shifts a day.
 */
import { addDays, monthDay, shanghaiDate, shanghaiMidnight } from '@/utils/shanghai-day'

export { addDays, shanghaiDate, shanghaiMidnight }

/** The instants for "from date A to date B, both included". */
export function dutyRange(fromDate: string, toDate: string): { start: string; end: string } {
  return { start: shanghaiMidnight(fromDate), end: shanghaiMidnight(addDays(toDate, 1)) }
}

/** "11月23日–11月29日" for a period given as ISO instants with +08:00 (end exclusive). */
export function formatDutyRange(startIso: string, endIso: string): string {
  const from = shanghaiDate(new Date(startIso))
  const lastDay = shanghaiDate(new Date(Date.parse(endIso) - 1))
  return from === lastDay ? monthDay(from) : `${monthDay(from)}–${monthDay(lastDay)}`
}
