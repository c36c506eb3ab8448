/**
 * The roster of a group read from its admins' duty periods (on the users documents): a term is the
 * set of periods sharing a start and an end, so "one or more admins per term" needs no other record.
 * On duty is decided at `now` (start ≤ now < end), the same rule the router uses for privileges.
 */
import { _, rows } from '../_lib/cloud'
import { type DutyPeriod, dutyPeriodsOf, isDutyNow } from '../_lib/duty'
import { displayName } from '../_lib/people'
import { isoShanghai } from '../_lib/time'
import { type Doc, str, strings } from '../_lib/values'
import type { TermView } from './contract'
import { users } from './store'

export interface AdminPeriod {
  openid: string
  name: string
  period: DutyPeriod
}

const PERSON_FIELDS = { nickname: true, deletedAt: true, roles: true, adminOf: true, liaisonOf: true, dutyPeriods: true, groupIds: true }

/** The group's admins (the pool), with their periods. */
export async function groupAdmins(groupId: string): Promise<Doc[]> {
  return rows(users().where({ adminOf: groupId, roles: 'admin' }).field(PERSON_FIELDS).limit(100))
}

/**
 * One request for the front page: the group's liaison and every admin with a period that has not
 * ended (on duty now, or next).
 */
export async function liaisonAndComingAdmins(groupId: string, now: Date): Promise<Doc[]> {
  return rows(
    users()
      .where(_.or([{ liaisonOf: groupId }, { adminOf: groupId, roles: 'admin', dutyPeriods: _.elemMatch({ groupId, end: _.gt(now) }) }]))
      .field(PERSON_FIELDS)
      .limit(50),
  )
}

export function periodsIn(groupId: string, admins: Doc[]): AdminPeriod[] {
  const out: AdminPeriod[] = []
  for (const u of admins) {
    if (!strings(u.adminOf).includes(groupId) || !strings(u.roles).includes('admin') || u.deletedAt) continue
    for (const p of dutyPeriodsOf(u)) if (p.groupId === groupId) out.push({ openid: str(u._id), name: displayName(u), period: p })
  }
  return out
}

export const termKey = (p: Pick<DutyPeriod, 'start' | 'end'>) => `${p.start.getTime()}-${p.end.getTime()}`

/** Terms (periods grouped by start and end), earliest first. */
export function termsOf(periods: AdminPeriod[], now: Date): TermView[] {
  const byKey = new Map<string, AdminPeriod[]>()
  for (const ap of periods) {
    const k = termKey(ap.period)
    byKey.set(k, [...(byKey.get(k) ?? []), ap])
  }
  return [...byKey.entries()]
    .map(([key, list]) => {
      const { start, end } = list[0].period
      return {
        key,
        start: isoShanghai(start),
        end: isoShanghai(end),
        current: isDutyNow(list[0].period, now),
        ended: end.getTime() <= now.getTime(),
        admins: list.map((ap) => ({ openid: ap.openid, name: ap.name, periodId: ap.period.id })),
      }
    })
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
}

/** The term on duty now, and the next one to start. */
export function currentAndNext(periods: AdminPeriod[], now: Date): { current: TermView[]; next: TermView | null } {
  const terms = termsOf(periods, now)
  const current = terms.filter((t) => t.current)
  const next = terms.find((t) => Date.parse(t.start) > now.getTime()) ?? null
  return { current, next }
}

/** A term as it is shown for one person's period (with everyone sharing it). */
export function termOfPeriod(period: DutyPeriod, periods: AdminPeriod[], now: Date): TermView {
  const same = periods.filter((ap) => termKey(ap.period) === termKey(period))
  return termsOf(same.length ? same : [], now)[0] ?? termsOf([{ openid: '', name: '', period }], now)[0]
}
