/**
 * A topic raised from a rider's question (微阵地 → 协商议事): only the liaison of the question's
 * group (or town) may do it; the topic belongs to the question's group and keeps `fromQuestion:
 * { id, groupId }`, never the asker. One topic per question: its id is derived from the question,
 * and the question gets `topicId` only while it has none (a conditional update).
 */
import type { Caller } from '../_lib/caller'
import { _, db, row } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { denied, notFound } from '../_lib/errors'
import { isLiaisonOf } from '../_lib/guard'
import { hashToken } from '../_lib/ids'
import { str, updatedCount } from '../_lib/values'

const questions = () => db.collection(COLLECTION.questions)

export interface QuestionSource {
  id: string
  groupId: string
  /** the topic the question was already turned into, or null */
  topicId: string | null
}

/** The question to raise a topic from: NOT_FOUND when unknown, PERMISSION_DENIED unless the caller is its group's liaison or town. */
export async function questionSource(questionId: string, caller: Caller): Promise<QuestionSource> {
  const q = await row(questions().where({ _id: questionId }).field({ groupId: true, topicId: true }))
  if (!q) throw notFound('没有找到这个问题')
  const groupId = str(q.groupId)
  if (!groupId || !isLiaisonOf(caller, groupId)) throw denied('只有本群联络员可以把问题转为议题')
  return { id: questionId, groupId, topicId: typeof q.topicId === 'string' && q.topicId ? q.topicId : null }
}

/** The topic id of a question: the same for every tap, device and person, so at most one topic is stored. */
export const topicIdOfQuestion = (questionId: string) => `tp-${hashToken(`question|${questionId}`).slice(0, 24)}`

/** Set the question's topicId if it has none; the topic it is linked to afterwards (this one or an earlier one). */
export async function linkQuestion(questionId: string, topicId: string): Promise<string> {
  const res = await questions()
    .where({ _id: questionId, topicId: _.exists(false) })
    .update({ data: { topicId } })
  if (updatedCount(res) > 0) return topicId
  const q = await row(questions().where({ _id: questionId }).field({ topicId: true }))
  if (q && typeof q.topicId === 'string' && q.topicId) return q.topicId
  // stored as null rather than absent
  if (q && q.topicId === null) await questions().where({ _id: questionId, topicId: null }).update({ data: { topicId } })
  return topicId
}
