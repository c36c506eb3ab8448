/**
 * 首页's 议事 rows: the live topics most riders met (not hidden or removed), each with its status
 * and public clock — one query, only the fields a row shows (never the per-person maps). Used by
 * the `home` function; the rows open the topic in pkg-topics.
 */
import { z } from 'zod'
import { db, rows } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { out } from '../_lib/schema'
import { dateOrNull, num, str } from '../_lib/values'
import { CLOCK_STATES, topicClock } from './topic-clock'
import { LIVE_STATUSES, STATUS_LABEL, statusOf, TOPIC_STATUSES } from './topic-status'

export const homeTopicRow = out({
  id: z.string(),
  title: z.string(),
  status: z.enum(TOPIC_STATUSES),
  statusLabel: z.string(),
  supportCount: z.number().int(),
  clockState: z.enum(CLOCK_STATES),
  clockText: z.string().nullable().describe('如 还剩 5 天 / 已逾期 2 天'),
})
export type HomeTopicRow = z.infer<typeof homeTopicRow>

export async function homeTopics(now: Date, limit = 3): Promise<HomeTopicRow[]> {
  const _ = db.command
  const found = await rows(
    db
      .collection(COLLECTION.topics)
      .where({ status: _.in([...LIVE_STATUSES]), hidden: false, moderation: _.neq('removed') })
      .field({ title: true, status: true, supportCount: true, dueAt: true, originalDueDate: true, answeredAt: true })
      .orderBy('supportCount', 'desc')
      .orderBy('createdAt', 'desc')
      .limit(limit),
  )
  return found.map((d) => {
    const status = statusOf(d.status)
    const clock = topicClock(
      { status, dueAt: dateOrNull(d.dueAt), originalDueDate: str(d.originalDueDate) || null, answeredAt: dateOrNull(d.answeredAt) },
      now,
    )
    return {
      id: str(d._id),
      title: str(d.title),
      status,
      statusLabel: STATUS_LABEL[status],
      supportCount: Math.max(0, num(d.supportCount)),
      clockState: clock.state,
      clockText: clock.text,
    }
  })
}
