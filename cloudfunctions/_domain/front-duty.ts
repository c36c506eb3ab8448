/**
 * Writing duty periods (1+X: the group's rotating administrators), shared by `users`
 * (addDutyPeriod / removeDutyPeriod, one person) and `fronts` (a term of several admins, swaps):
 * inside a transaction that reads and writes each person's document, so two overlapping
 * appointments of one person at once are serialised and the second is refused; every change is
 * audited with the group's scope in the same transaction.
 */
import { groupScope, roleState, writeAudit } from '../_lib/audit'
import { COLLECTION } from '../_lib/collections'
import { type DutyPeriod, overlaps, prunePeriods } from '../_lib/duty'
import type { Tx } from '../_lib/transaction'

/**
 * Give `targetOpenid` the period (appointing them admin of its group when they are not yet);
 * 'overlap' when it overlaps one of their periods in that group (nothing written).
 */
export async function addPeriodTx(
  t: Tx,
  targetOpenid: string,
  period: DutyPeriod,
  by: { actorOpenid: string; action?: string; note?: string | null },
  now: Date,
): Promise<'added' | 'overlap'> {
  const users = t.collection(COLLECTION.users)
  const before = roleState((await users.doc(targetOpenid).get()).data)
  if (before.duty.some((p) => p.groupId === period.groupId && overlaps(p, period))) return 'overlap'
  const adminOf = before.adminOf.includes(period.groupId) ? before.adminOf : [...before.adminOf, period.groupId]
  const roles = before.roles.includes('admin') ? before.roles : [...before.roles, 'admin']
  const duty = prunePeriods([...before.duty, period], now)
  await users.doc(targetOpenid).update({ data: { roles, adminOf, dutyPeriods: duty, updatedAt: now } })
  const entry = {
    actorOpenid: by.actorOpenid,
    targetOpenid,
    action: by.action ?? 'dutyAdd',
    role: 'admin',
    scope: groupScope(period.groupId),
  }
  await writeAudit({ ...entry, outcome: 'applied', before, after: { ...before, roles, adminOf, duty }, note: by.note ?? null }, now, t)
  return 'added'
}

/** Take the period off `targetOpenid` (they stay admin); the removed period, or null when they did not have it. */
export async function removePeriodTx(
  t: Tx,
  targetOpenid: string,
  periodId: string,
  by: { actorOpenid: string; action?: string; note?: string | null },
  now: Date,
): Promise<DutyPeriod | null> {
  const users = t.collection(COLLECTION.users)
  const before = roleState((await users.doc(targetOpenid).get()).data)
  const period = before.duty.find((p) => p.id === periodId)
  if (!period) return null
  const duty = before.duty.filter((p) => p.id !== periodId)
  await users.doc(targetOpenid).update({ data: { dutyPeriods: duty, updatedAt: now } })
  const entry = {
    actorOpenid: by.actorOpenid,
    targetOpenid,
    action: by.action ?? 'dutyRemove',
    role: 'admin',
    scope: groupScope(period.groupId),
  }
  await writeAudit({ ...entry, outcome: 'applied', before, after: { ...before, duty }, note: by.note ?? null }, now, t)
  return period
}
