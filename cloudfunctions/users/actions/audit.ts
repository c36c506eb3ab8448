/**
 * The audit log as the consoles read it: newest first in a stable order (`at` desc, then `_id`
 * desc), a page at a time (an opaque cursor), filtered by group, target, actor, action, outcome and
 * time range. A liaison sees the entries scoped to their own groups; town sees everything.
 */
import { _, db, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { invalid } from '../../_lib/errors'
import { isLiaisonOf, isTown } from '../../_lib/guard'
import { actionsOf } from '../../_lib/router'
import { type Doc, str } from '../../_lib/values'
import { usersContract } from '../contract'
import { auditItem } from '../present'
import { usersByIds } from '../store'

const act = actionsOf(usersContract)

interface Cursor {
  at: Date
  id: string
}

const encodeCursor = (e: Doc): string =>
  Buffer.from(JSON.stringify({ t: e.at instanceof Date ? e.at.getTime() : 0, i: str(e._id) })).toString('base64url')

function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null
  try {
    const { t, i } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { t?: unknown; i?: unknown }
    if (typeof t === 'number' && Number.isFinite(t) && typeof i === 'string' && /^[\w-]{1,128}$/.test(i)) return { at: new Date(t), id: i }
  } catch {
    // fall through
  }
  throw invalid('翻页参数不正确，请从第一页看起', { field: 'cursor' })
}

type Filters = {
  groupId?: string
  targetOpenid?: string
  actorOpenid?: string
  entryAction?: string
  outcome?: 'applied' | 'denied'
  from?: Date
  to?: Date
  cursor?: string
}

/** The query conditions: who may see what, the filters, and "after the cursor". */
function conditions(input: Filters, liaisonOf: string[] | null): object[] {
  const conds: object[] = []
  if (input.groupId) conds.push({ scopeKind: 'group', scopeId: input.groupId })
  else if (liaisonOf) conds.push({ scopeKind: 'group', scopeId: _.in(liaisonOf) })
  if (input.targetOpenid) conds.push({ targetOpenid: input.targetOpenid })
  if (input.actorOpenid) conds.push({ actorOpenid: input.actorOpenid })
  if (input.entryAction) conds.push({ action: input.entryAction })
  if (input.outcome) conds.push({ outcome: input.outcome })
  if (input.from) conds.push({ at: _.gte(input.from) })
  if (input.to) conds.push({ at: _.lt(input.to) })
  const after = decodeCursor(input.cursor)
  if (after) conds.push(_.or([{ at: _.lt(after.at) }, { at: after.at, _id: _.lt(after.id) }]))
  return conds
}

export const listAudit = act('listAudit', {
  summary:
    '变更记录（审计日志）：新的在前，一页一页看（cursor），可按群、对象、操作人、操作、结果、时间段筛选；联络员只看自己负责的群，镇里看全部',
  roles: ['liaison', 'town'],
  scope: (input, { caller }) => (input.groupId ? isLiaisonOf(caller, input.groupId) : true),
  async handler(input, { caller }) {
    const conds = conditions(input, isTown(caller) ? null : caller.liaisonOf)
    const where = conds.length ? _.and(conds as Doc[]) : {}
    const list = await rows(
      db
        .collection(COLLECTION.audit_log)
        .where(where)
        .orderBy('at', 'desc')
        .orderBy('_id', 'desc')
        .limit(input.limit + 1),
    )
    const page = list.slice(0, input.limit)
    const people = await usersByIds(page.flatMap((e) => [str(e.actorOpenid), str(e.targetOpenid)]))
    return {
      items: page.map((e) => auditItem(e, people)),
      nextCursor: list.length > input.limit ? encodeCursor(page[page.length - 1]) : null,
    }
  },
})
