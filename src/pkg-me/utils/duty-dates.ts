/**
 * Duty periods are picked as Asia/Shanghai dates and sent as instants: "from A to B" is
 * [A 00:00 +08:00, B+1 00:00 +08:00). Shanghai has had no daylight saving since 1991, so a fixed
 * +08:00 offset is exact; the phone's own time zone never shifts a day.
 */
const DAY_MS = 86_400_000
const OFFSET_MS = 8 * 3_600_000

/** "2026-11-23" → "2026-11-23T00:00:00+08:00" */
export const shanghaiMidnight = (date: string): string => `${date}T00:00:00+08:00`

/** The Shanghai calendar date of an instant (default now). */
export function shanghaiDate(at: Date = new Date()): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10)
}

/** `days` after a Shanghai date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The instants for "from date A to date B, both included". */
export function dutyRange(fromDate: string, toDate: string): { start: string; end: string } {
  return { start: shanghaiMidnight(fromDate), end: shanghaiMidnight(addDays(toDate, 1)) }
}

/** "11月23日–11月29日" for a period given as ISO instants with +08:00 (end exclusive). */
export function formatDutyRange(startIso: string, endIso: string): string {
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
  const from = shanghaiDate(new Date(startIso))
  const lastDay = shanghaiDate(new Date(Date.parse(endIso) - 1))
  return from === lastDay ? md(from) : `${md(from)}–${md(lastDay)}`
}
