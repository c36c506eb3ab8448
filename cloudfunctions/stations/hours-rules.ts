/**
 * Opening hours as the station actions store and answer them: validated before a write (clear
 * Chinese messages from the hours engine), answered with only the fields of the contract (a hand
 * edit in the console that added a field does not break the answer), exceptions from today on.
 */

import { type HoursException, validateExceptions, validateWeekly, type WeeklyHours } from '../_domain/hours'
import { hoursOf } from '../_domain/station-view'
import { invalid } from '../_lib/errors'
import { businessDate } from '../_lib/time'
import type { Doc } from '../_lib/values'

export function checkHours(hours: WeeklyHours[] | undefined, exceptions: HoursException[] | undefined): void {
  const errors = [...(hours ? validateWeekly(hours) : []), ...(exceptions ? validateExceptions(exceptions) : [])]
  if (errors.length) throw invalid(`营业时间有误：${errors[0]}`, { field: 'hours', errors: errors.slice(0, 5) })
}

const rule = (r: WeeklyHours): WeeklyHours => ({ days: r.days, open: r.open, close: r.close, ...(r.overnight ? { overnight: true } : {}) })

function exception(e: HoursException): HoursException {
  const out: HoursException = { date: e.date }
  if (e.closed) out.closed = true
  if (e.open) out.open = e.open
  if (e.close) out.close = e.close
  if (e.overnight) out.overnight = true
  if (e.note) out.note = e.note
  return out
}

/** The weekly rules and the exceptions from today on (at most 10), as the contract answers them. */
export function hoursView(doc: Doc, now: Date): { hours: WeeklyHours[]; exceptions: HoursException[] } {
  const { hours, exceptions = [] } = hoursOf(doc)
  const today = businessDate(now)
  return {
    hours: hours.map(rule),
    exceptions: exceptions
      .filter((e) => e.date >= today)
      .slice(0, 10)
      .map(exception),
  }
}

/** The texts others read in a set of exceptions, keyed by field for the content check. */
export function exceptionNotes(exceptions: HoursException[] | undefined): Record<string, string | undefined> {
  return Object.fromEntries((exceptions ?? []).map((e, i) => [`exceptions.${i}.note`, e.note]))
}
