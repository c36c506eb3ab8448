/**
 * Duty periods of group administrators (1+X: riders take turns as the group's administrator).
 * An appointment as admin of a group may carry several periods; a period is the half-open
 * interval [start, end) of instants: on duty from `start` exactly, off duty at `end` exactly.
 * The UI picks Asia/Shanghai dates: from date A to date B = [A 00:00, (B+1) 00:00) in Shanghai.
 * Periods of one person in one group never overlap (touching ends are fine).
 * Stored on the users document (`dutyPeriods`), so the caller's on-duty groups cost no extra read.
 */
import { shanghai, shanghaiInstant } from './time'

export interface DutyPeriod {
  id: string
  groupId: string
  start: Date
  end: Date
}

/** Longest single period (a rotation is days or weeks, not seasons). */
export const MAX_DUTY_DAYS = 92
/** Periods kept per person (ended ones beyond this are dropped, oldest first). */
export const MAX_DUTY_PERIODS = 30

export function dutyPeriodsOf(doc: Record<string, unknown> | null | undefined): DutyPeriod[] {
  const list = Array.isArray(doc?.dutyPeriods) ? (doc?.dutyPeriods as unknown[]) : []
  const out: DutyPeriod[] = []
  for (const p of list) {
    const r = (p ?? {}) as Record<string, unknown>
    if (typeof r.id === 'string' && typeof r.groupId === 'string' && r.start instanceof Date && r.end instanceof Date)
      out.push({ id: r.id, groupId: r.groupId, start: r.start, end: r.end })
  }
  return out
}

/** On duty at `now`: start ≤ now < end. */
export const isDutyNow = (p: Pick<DutyPeriod, 'start' | 'end'>, now: Date): boolean =>
  p.start.getTime() <= now.getTime() && now.getTime() < p.end.getTime()

/** Two half-open intervals share an instant. */
export const overlaps = (a: Pick<DutyPeriod, 'start' | 'end'>, b: Pick<DutyPeriod, 'start' | 'end'>): boolean =>
  a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime()

/** Groups where the person is admin AND inside one of their periods at `now`. */
export function onDutyGroups(adminOf: readonly string[], periods: readonly DutyPeriod[], now: Date): string[] {
  return adminOf.filter((g) => periods.some((p) => p.groupId === g && isDutyNow(p, now)))
}

/** [date A 00:00, date B+1 00:00) in Asia/Shanghai, for "from A to B" picked in the UI. */
export function shanghaiDateRange(fromDate: string, toDate: string): { start: Date; end: Date } {
  return { start: shanghaiInstant(fromDate, '00:00'), end: shanghai(shanghaiInstant(toDate, '00:00')).add(1, 'day').toDate() }
}

/** Keep the newest periods: ended ones are dropped first when over the limit. */
export function prunePeriods(periods: DutyPeriod[], now: Date): DutyPeriod[] {
  if (periods.length <= MAX_DUTY_PERIODS) return periods
  const ended = periods.filter((p) => p.end.getTime() <= now.getTime()).sort((a, b) => a.end.getTime() - b.end.getTime())
  const drop = new Set(ended.slice(0, periods.length - MAX_DUTY_PERIODS).map((p) => p.id))
  return periods.filter((p) => !drop.has(p.id))
}
