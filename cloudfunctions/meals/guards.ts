/**
 * Who may act on which canteen: staff of that canteen, or town. Refused privileged attempts are
 * recorded in the canteen's audit log (at most once per caller, action and minute), and applied
 * privileged changes write an entry with the canteen's scope.
 */
import { parseSlotId } from '../_domain/meal-rules'
import { type AuditEntry, recordDenied, writeAudit } from '../_lib/audit'
import { db, row } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { notFound } from '../_lib/errors'
import { isCanteenStaff } from '../_lib/guard'
import type { ActionContext } from '../_lib/router'
import { str } from '../_lib/values'

export const canteenScope = (id: string | null) => ({ kind: 'canteen' as const, id })

/** scope: staff of the canteen named by the input (or town). */
export const staffOfCanteen =
  <I extends { canteenId: string }>() =>
  (input: I, { caller }: ActionContext) =>
    isCanteenStaff(caller, input.canteenId)

/** scope: staff of the canteen a slot id names. */
export const staffOfSlot =
  <I extends { slotId: string }>() =>
  (input: I, { caller }: ActionContext) => {
    const key = parseSlotId(input.slotId)
    if (!key) throw notFound('没有这个时段')
    return isCanteenStaff(caller, key.canteenId)
  }

/** scope: staff of the canteen of a booking (NOT_FOUND when there is no such booking). */
export const staffOfBooking =
  <I extends { bookingId: string }>() =>
  async (input: I, { caller }: ActionContext) => {
    const b = await row(db.collection(COLLECTION.meal_bookings).where({ _id: input.bookingId }).field({ canteenId: true }))
    if (!b) throw notFound('没有这个预约')
    return isCanteenStaff(caller, str(b.canteenId))
  }

/** onDenied: record the refused attempt in the canteen's log (the id from the raw params, clipped). */
export const recordRefusal = (action: string) => async (params: Record<string, unknown>, ctx: ActionContext) => {
  const raw = typeof params.canteenId === 'string' ? params.canteenId : typeof params.slotId === 'string' ? params.slotId : ''
  const canteenId = (parseSlotId(raw)?.canteenId ?? raw).slice(0, 64) || null
  await recordDenied({ action, scope: canteenScope(canteenId) }, ctx)
}

/** An applied privileged change in the canteen's log. */
export function audit(ctx: ActionContext, canteenId: string, entry: Omit<AuditEntry, 'actorOpenid' | 'outcome' | 'scope'>): Promise<void> {
  return writeAudit({ ...entry, actorOpenid: ctx.caller.openid, outcome: 'applied', scope: canteenScope(canteenId) }, ctx.now)
}
