/** Shanghai dates for the managers' forms, counted from the server's "now" (ISO with +08:00), never the phone's clock. */

/** YYYY-MM-DD of an ISO time with +08:00. */
export const dateOf = (iso: string): string => iso.slice(0, 10)

/** `days` after a YYYY-MM-DD date. */
export { addDays as plusDays } from '@/utils/shanghai-day'

/** The instant of a Shanghai date and HH:mm, as the function takes it. */
export const shanghaiAt = (date: string, hhmm: string): string => `${date}T${hhmm}:00+08:00`
