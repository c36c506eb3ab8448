/**
 * Shanghai calendar dates for the roster forms: a term "from date A to date B" is sent as
 * [A 00:00 +08:00, B+1 00:00 +08:00); Shanghai has no daylight saving, so +08:00 is exact and the
 * phone's own time zone never shifts a day.
 */
import { addDays } from '@/utils/shanghai-day'

export { addDays, shanghaiDate } from '@/utils/shanghai-day'

/** Monday of the Shanghai week of `date`. */
export const mondayOf = (date: string): string => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7))
/** [from 00:00, to+1 00:00) as instants with +08:00. */
export const termRange = (from: string, to: string) => ({ start: `${from}T00:00:00+08:00`, end: `${addDays(to, 1)}T00:00:00+08:00` })
