/** How a stored question is shown: the row (queue, my questions) and the thread page. */
import type { Caller } from '../_lib/caller'
import { isLiaisonOf } from '../_lib/guard'
import { templateId } from '../_lib/notify'
import { isoShanghai, MINUTE_MS } from '../_lib/time'
import { type Doc, iso, num, str, strings } from '../_lib/values'
import { QUESTION_CATEGORIES, type QuestionCategory, type QuestionDetail, type QuestionItem, type ThreadMessage } from './contract'
import { excerpt, photoViews } from './present-notice'
import { dueOf, stateOf, waitedMs } from './question-model'
import { type ServiceHours, serviceHoursText } from './service-clock'
import type { FrontSettingsDoc } from './store'

const categoryOf = (v: unknown): QuestionCategory =>
  QUESTION_CATEGORIES.includes(v as QuestionCategory) ? (v as QuestionCategory) : 'other'

/** A new answer or ask-back since the asker last opened the question. */
export function hasNewReply(q: Doc): boolean {
  const last = q.lastLiaisonAt instanceof Date ? q.lastLiaisonAt.getTime() : 0
  const seen = q.riderSeenAt instanceof Date ? q.riderSeenAt.getTime() : 0
  return last > seen
}

export function questionItem(q: Doc, now: Date, hours: ServiceHours, targetMinutes: number, staff: boolean): QuestionItem {
  const firstMs = typeof q.firstReplyMs === 'number' ? q.firstReplyMs : null
  return {
    id: str(q._id),
    groupId: str(q.groupId),
    groupName: str(q.groupName),
    category: categoryOf(q.category),
    excerpt: excerpt(str(q.text), 50),
    askerName: staff ? str(q.askerName, '骑手朋友') : null,
    state: stateOf(q),
    createdAt: iso(q.createdAt) ?? isoShanghai(0),
    updatedAt: iso(q.updatedAt) ?? iso(q.createdAt) ?? isoShanghai(0),
    waitingMinutes: Math.floor(waitedMs(q, now, hours) / MINUTE_MS),
    dueAt: stateOf(q) === 'waiting' ? iso(q.dueAt) : null,
    due: dueOf(q, now, hours, targetMinutes),
    firstReplyMinutes: firstMs === null ? null : Math.round(firstMs / MINUTE_MS),
    newReply: !staff && hasNewReply(q),
    photoCount: strings(q.photos).length,
  }
}

async function threadOf(q: Doc, viewer: string): Promise<ThreadMessage[]> {
  const list = Array.isArray(q.thread) ? (q.thread as Doc[]) : []
  return Promise.all(
    list.map(async (m) => ({
      id: str(m.id),
      by: m.by === 'liaison' ? ('liaison' as const) : ('rider' as const),
      kind: (['answer', 'askBack', 'reply', 'close'].includes(str(m.kind)) ? str(m.kind) : 'reply') as ThreadMessage['kind'],
      text: str(m.text),
      photos: await photoViews({ photos: m.photos, pendingMedia: q.pendingMedia }, 'photos', viewer, str(m.authorOpenid)),
      authorName: str(m.authorName),
      at: iso(m.at) ?? isoShanghai(0),
    })),
  )
}

export async function questionDetail(q: Doc, caller: Caller, now: Date, settings: FrontSettingsDoc): Promise<QuestionDetail> {
  const groupId = str(q.groupId)
  const isAsker = str(q.askerOpenid) === caller.openid
  const liaison = isLiaisonOf(caller, groupId)
  const state = stateOf(q)
  const open = state !== 'closed'
  const hours = settings.serviceHours
  const answered = q.firstReplyAt instanceof Date
  return {
    ...questionItem(q, now, hours, settings.replyTargetMinutes, !isAsker),
    text: str(q.text),
    photos: await photoViews(q, 'photos', caller.openid, str(q.askerOpenid)),
    thread: await threadOf(q, caller.openid),
    helpful: typeof q.helpful === 'boolean' ? q.helpful : null,
    faqId: typeof q.faqId === 'string' ? q.faqId : null,
    topicId: typeof q.topicId === 'string' ? q.topicId : null,
    targetMinutes: num(settings.replyTargetMinutes, 120),
    serviceHoursText: serviceHoursText(hours),
    me: {
      isAsker,
      canAnswer: liaison && open,
      canReply: isAsker && open,
      canClose: (isAsker || liaison) && open,
      canMarkHelpful: isAsker && answered,
      canPublishFaq: liaison && answered && !q.faqId,
      canRaiseTopic: liaison && !(typeof q.topicId === 'string' && q.topicId),
      answerTemplate: templateId('frontAnswer'),
    },
  }
}
