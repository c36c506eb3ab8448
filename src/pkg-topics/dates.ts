/** Shanghai dates for the managers' forms, counted from the server's "now" (ISO with +08:00), never the phone's clock. */

/** YYYY-MM-DD of an ISO time with +08:00. */
export const dateOf = (iso: string): string => iso.slice(0, 10)

/** `days` after a YYYY-MM-DD date. */
export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** The instant of a Shanghai date and HH:mm, as the function takes it. */
export const shanghaiAt = (date: string, hhmm: string): string => `${date}T${hhmm}:00+08:00`
