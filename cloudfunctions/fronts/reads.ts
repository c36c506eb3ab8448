/**
 * Read receipts and 收到: one record per reader per notice (unique `_id` = notice:openid, and a unique
 * index on both), created on the first view; the notice's counters move only when this call
 * created the record (read) or flipped its `ackAt` from null (收到): exact under any concurrency.
 */

import type { Caller } from '../_lib/caller'
import { _, row, rows } from '../_lib/cloud'
import { conflict, denied, notFound, precondition } from '../_lib/errors'
import { isMemberOf } from '../_lib/guard'
import { displayName } from '../_lib/people'
import { type Doc, isDuplicateKey, str, updatedCount } from '../_lib/values'
import { audiences, notices, reads } from './store'

export const readId = (noticeId: string, openid: string) => `${noticeId}:${openid}`

export async function mustNotice(noticeId: string): Promise<Doc> {
  const n = await row(notices().where({ _id: noticeId }))
  if (!n) throw notFound('公告不存在或已删除')
  return n
}

/** A member other than the author: their views and 收到 count. */
export const countsAsReader = (n: Doc, caller: Caller) => isMemberOf(caller, str(n.groupId)) && str(n.authorOpenid) !== caller.openid

/** The reader's record; created (and the read counted) on the first view. */
export async function recordRead(n: Doc, caller: Caller, now: Date): Promise<{ doc: Doc; created: boolean }> {
  const noticeId = str(n._id)
  const id = readId(noticeId, caller.openid)
  const held = await row(reads().where({ _id: id }))
  if (held) return { doc: held, created: false }
  const doc: Doc = {
    _id: id,
    noticeId,
    groupId: str(n.groupId),
    openid: caller.openid,
    name: displayName(caller.profile),
    readAt: now,
    ackAt: null,
  }
  try {
    await reads().add({ data: doc })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    return { doc: (await row(reads().where({ _id: id }))) ?? doc, created: false }
  }
  await Promise.all([
    notices()
      .where({ _id: noticeId })
      .update({ data: { readCount: _.inc(1) } }),
    audiences()
      .where({ _id: noticeId })
      .update({ data: { unread: _.pull(caller.openid) } }),
  ])
  return { doc, created: true }
}

/** 收到: once per reader (a second one is CONFLICT and changes nothing). */
export async function acknowledge(n: Doc, caller: Caller, now: Date): Promise<void> {
  if (!isMemberOf(caller, str(n.groupId))) throw denied('这是别的群的公告')
  if (str(n.authorOpenid) === caller.openid) throw precondition('这是你自己发的公告')
  if (n.state === 'withdrawn') throw precondition('这条公告已经撤回了')
  const { doc } = await recordRead(n, caller, now)
  const won = updatedCount(
    await reads()
      .where({ _id: str(doc._id), ackAt: null })
      .update({ data: { ackAt: now } }),
  )
  if (won !== 1) throw conflict('你已经点过“收到”了')
  await notices()
    .where({ _id: str(n._id) })
    .update({ data: { ackCount: _.inc(1) } })
}

/** The viewer's read records of these notices, by notice id. */
export async function myReads(noticeIds: string[], openid: string): Promise<Map<string, Doc>> {
  if (!noticeIds.length) return new Map()
  const list = await rows(
    reads()
      .where({ openid, noticeId: _.in(noticeIds) })
      .limit(100),
  )
  return new Map(list.map((r) => [str(r.noticeId), r]))
}
