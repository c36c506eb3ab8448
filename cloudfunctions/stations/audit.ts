/**
 * Audit entries of the station actions, scoped to the station (so its staff and the town see what
 * happened there); refused attempts through `recordDenied` (at most once per caller per action per
 * minute), scoped to the station named in the raw params when there is one.
 */
import { type AuditScope, recordDenied, writeAudit } from '../_lib/audit'
import { row } from '../_lib/cloud'
import type { ActionContext } from '../_lib/router'
import { type Doc, str } from '../_lib/values'
import { problems } from './store'

export const stationAuditScope = (stationId: string | null): AuditScope => ({ kind: 'station', id: stationId })

const actionOf = (ctx: ActionContext) => ctx.name.slice(ctx.name.indexOf('.') + 1)
const idParam = (v: unknown): string | null => (typeof v === 'string' && /^[\w-]{1,64}$/.test(v) ? v : null)

/** An applied privileged change at a station. */
export async function auditStation(
  ctx: ActionContext,
  stationId: string,
  change: { before?: Doc | null; after?: Doc | null; note?: string | null },
): Promise<void> {
  await writeAudit(
    {
      actorOpenid: ctx.caller.openid,
      action: actionOf(ctx),
      scope: stationAuditScope(stationId),
      outcome: 'applied',
      before: change.before ?? null,
      after: change.after ?? null,
      note: change.note ?? null,
    },
    ctx.now,
  )
}

/** `onDenied` of an action whose params name the station (`stationId`). */
export async function deniedAtStation(params: Record<string, unknown>, ctx: ActionContext): Promise<void> {
  await recordDenied({ action: actionOf(ctx), scope: stationAuditScope(idParam(params.stationId)) }, ctx)
}

/** `onDenied` of an action on a problem: scoped to the problem's station when the problem exists. */
export async function deniedOnProblem(params: Record<string, unknown>, ctx: ActionContext): Promise<void> {
  const id = idParam(params.problemId)
  const problem = id ? await row(problems().where({ _id: id })) : null
  await recordDenied({ action: actionOf(ctx), scope: stationAuditScope(str(problem?.stationId) || null) }, ctx)
}
