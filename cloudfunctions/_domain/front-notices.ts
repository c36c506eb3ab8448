/**
 * The live notices of a group as the micro-front (fronts) and 首页 (home) both read them: one
 * aggregate — live ones, pinned first then newest — each joined with the reader's own read record,
 * so a page shows "新" and "已收到" without a second request. Plus the notice's state at an instant.
 */
import { _, db } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import type { Doc } from '../_lib/values'

/** `liveUntil` of a notice without an expiry: far in the future (one index serves both kinds). */
export const NEVER = new Date('2999-12-31T00:00:00Z')

export function noticeState(n: Doc, now: Date): 'live' | 'expired' | 'withdrawn' {
  if (n.state === 'withdrawn') return 'withdrawn'
  const until = n.liveUntil instanceof Date ? n.liveUntil : NEVER
  return until.getTime() <= now.getTime() ? 'expired' : 'live'
}

/** The aggregate operators with the two the SDK's typings leave out (`pipeline()` for lookup, `_.expr`). */
interface SubPipeline {
  match(query: unknown): SubPipeline
  project(fields: Doc): SubPipeline
  done(): unknown
}
const $ = _.aggregate as typeof _.aggregate & { pipeline(): SubPipeline }
const expr = (condition: unknown) => (_ as unknown as { expr(c: unknown): unknown }).expr(condition)

/** Live notices of the group, pinned first then newest, each with `mine` = [the reader's read record] or []. */
export async function liveNoticesWithMine(groupId: string, openid: string, now: Date, limit: number): Promise<Doc[]> {
  const res = (await db
    .collection(COLLECTION.notices)
    .aggregate()
    .match({ groupId, state: 'live', liveUntil: _.gt(now) })
    .sort({ pinned: -1, createdAt: -1 })
    .limit(limit)
    .lookup({
      from: COLLECTION.notice_reads,
      let: { nid: '$_id' },
      // the reader first as a plain match (a constant), then the join on the notice: the same
      // records, and a database that cannot use an index inside $expr filters 1 reader's few reads
      pipeline: $.pipeline()
        .match({ openid })
        .match(expr($.eq(['$noticeId', '$$nid'])))
        .project({ readAt: 1, ackAt: 1 })
        .done(),
      as: 'mine',
    })
    .end()) as { list: Doc[] }
  return res.list
}

/** The reader's read record joined by `liveNoticesWithMine`, or null (not read yet). */
export const mineOf = (n: Doc): Doc | null => (Array.isArray(n.mine) && n.mine.length ? (n.mine[0] as Doc) : null)
