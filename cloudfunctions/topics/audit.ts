/**
 * Audit entries of the topics actions, scoped to the topic's group (so that group's liaison sees
 * them; a topic from no group is town-scoped): every status move, deadline and session change,
 * moderation decision; the town's configuration edits are town-scoped. Refused privileged
 * attempts through `recordDenied` (at most once per caller per action per minute).
 */
import { groupScope, recordDenied, townScope, writeAudit } from '../_lib/audit'
import { row } from '../_lib/cloud'
import type { ActionContext } from '../_lib/router'
import { type Doc, str } from '../_lib/values'
import { comments, topics } from './store'

const actionOf = (ctx: ActionContext) => ctx.name.slice(ctx.name.indexOf('.') + 1)
const idParam = (v: unknown): string | null => (typeof v === 'string' && /^[\w-]{1,64}$/.test(v) ? v : null)

export async function auditTopic(
  ctx: ActionContext,
  topic: Doc,
  change: { action?: string; targetOpenid?: string | null; before?: Doc | null; after?: Doc | null; note?: string | null },
): Promise<void> {
  await writeAudit(
    {
      actorOpenid: ctx.caller.openid,
      targetOpenid: change.targetOpenid ?? null,
      action: change.action ?? actionOf(ctx),
      scope: groupScope(str(topic.groupId) || null),
      outcome: 'applied',
      before: { topicId: str(topic._id), ...(change.before ?? {}) },
      after: change.after ?? null,
      note: change.note ?? null,
    },
    ctx.now,
  )
}

export async function auditTown(ctx: ActionContext, change: { before?: Doc | null; after?: Doc | null }): Promise<void> {
  await writeAudit(
    {
      actorOpenid: ctx.caller.openid,
      action: actionOf(ctx),
      scope: townScope,
      outcome: 'applied',
      before: change.before,
      after: change.after,
    },
    ctx.now,
  )
}

/** `onDenied` of an action on a topic (`topicId`), or on a topic or comment (`kind` + `id`): scoped to its group. */
export async function deniedOnTopic(params: Record<string, unknown>, ctx: ActionContext): Promise<void> {
  const topicId = idParam(params.topicId) ?? (params.kind === 'topic' ? idParam(params.id) : null)
  const commentId = params.kind === 'comment' ? idParam(params.id) : null
  let groupId: string | null = null
  if (topicId) groupId = str((await row(topics().where({ _id: topicId }).field({ groupId: true })))?.groupId) || null
  else if (commentId) groupId = str((await row(comments().where({ _id: commentId }).field({ groupId: true })))?.groupId) || null
  await recordDenied({ action: actionOf(ctx), scope: groupScope(groupId) }, ctx)
}

/** `onDenied` of the town's own actions. */
export async function deniedInTown(_params: Record<string, unknown>, ctx: ActionContext): Promise<void> {
  await recordDenied({ action: actionOf(ctx), scope: townScope }, ctx)
}
