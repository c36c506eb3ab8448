/**
 * The liaison's side of Q&A: the queue (waiting questions first by how soon they reach the group's
 * first-reply target, the ones about to breach marked), answering (the clock stops; the first answer's
 * service minutes count in this week's figures), asking back (the clock pauses until the rider
 * replies). The admin on duty may read the queue; only the liaison (or town) answers.
 */
import { _, rows } from '../../_lib/cloud'
import { checkTexts } from '../../_lib/content'
import { exhausted, notFound, precondition } from '../../_lib/errors'
import { isLiaisonOf } from '../../_lib/guard'
import { templateId } from '../../_lib/notify'
import { displayName } from '../../_lib/people'
import { type ActionContext, actionsOf } from '../../_lib/router'
import { MINUTE_MS } from '../../_lib/time'
import { type Doc, str } from '../../_lib/values'
import { canSeeQuestionsOf } from '../access'
import { frontsContract, QUESTION_LIMITS } from '../contract'
import { questionItem } from '../present-question'
import { type Message, messageDoc, mustQuestion, mutate, recordFirstReply, stateOf, stopClock } from '../question-model'
import { inServiceHours, serviceHoursText } from '../service-clock'
import { frontOf, groupIdOr, mustGroup, questions, savedReplies } from '../store'
import { tellAsker } from '../tell'

const act = actionsOf(frontsContract)
const PAGE = 30

/** Scope of the liaison's actions on one question: someone who may not see it gets NOT_FOUND. */
async function liaisonOfQuestion(input: { questionId: string }, { caller }: ActionContext): Promise<boolean> {
  const q = await mustQuestion(input.questionId)
  const groupId = str(q.groupId)
  if (!canSeeQuestionsOf(caller, groupId)) throw notFound('没有找到这个问题')
  return isLiaisonOf(caller, groupId)
}

export const queue = act('queue', {
  summary:
    '联络员的待回答队列（值班管理员可以看）：等回复的按离首次回复目标的远近排（快超时、已超时标出；目标只算服务时段，等骑手补充时暂停）；也可看等骑手补充、已回复、已结束的',
  roles: ['admin', 'liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  scope: (input, { caller }) => canSeeQuestionsOf(caller, groupIdOr(input.groupId, caller.currentGroupId)),
  async handler(input, { caller, now }) {
    const groupId = groupIdOr(input.groupId, caller.currentGroupId)
    const waiting = input.view === 'waiting'
    const m = input.cursor ? /^(-?\d{1,15})_([\w-]{1,64})$/.exec(input.cursor) : null
    const field = waiting ? 'dueAt' : 'updatedAt'
    const base: Doc = { groupId, state: input.view }
    const at = m ? new Date(Number(m[1])) : null
    const where = at ? _.and([base, _.or([{ [field]: waiting ? _.gt(at) : _.lt(at) }, { [field]: at, _id: _.gt(m?.[2]) }])]) : base
    const [group, list] = await Promise.all([
      mustGroup(groupId),
      rows(
        questions()
          .where(where)
          .orderBy(field, waiting ? 'asc' : 'desc')
          .orderBy('_id', 'asc')
          .limit(PAGE),
      ),
    ])
    const front = frontOf(group)
    const { serviceHours, replyTargetMinutes } = front.settings
    const items = list.map((q) => questionItem(q, now, serviceHours, replyTargetMinutes, true))
    const last = list[list.length - 1]
    const lastAt = last?.[field] instanceof Date ? (last[field] as Date).getTime() : 0
    return {
      groupId,
      groupName: str(group.name),
      view: input.view,
      counts: {
        waiting: front.waiting,
        rider: front.riderWaiting,
        soon: items.filter((i) => i.due === 'soon').length,
        breached: items.filter((i) => i.due === 'breached').length,
      },
      targetMinutes: replyTargetMinutes,
      serviceHoursText: serviceHoursText(serviceHours),
      inServiceNow: inServiceHours(now, serviceHours),
      questionTemplate: templateId('frontQuestion'),
      items,
      nextCursor: list.length === PAGE && last ? `${lastAt}_${str(last._id)}` : null,
    }
  },
})

const CLOSED = '这个问题已经结束了，不能再回答'

/**
 * What the liaison's answer or ask-back starts from: the question (not closed), the text checked,
 * the group's service hours, the message; `guard` refuses a question that closed or filled up meanwhile.
 */
async function liaisonReply(kind: 'answer' | 'askBack', input: { questionId: string; text: string }, ctx: ActionContext) {
  const { caller } = ctx
  const q = await mustQuestion(input.questionId)
  if (stateOf(q) === 'closed') throw precondition(CLOSED)
  await checkTexts({ text: input.text }, { openid: caller.openid, scene: 'comment' })
  const { serviceHours } = frontOf(await mustGroup(str(q.groupId))).settings
  const message: Message = { by: 'liaison', kind, text: input.text, authorOpenid: caller.openid, authorName: displayName(caller.profile) }
  const guard = (cur: Doc) => {
    if (stateOf(cur) === 'closed') throw precondition(CLOSED)
    if ((Array.isArray(cur.thread) ? cur.thread.length : 0) >= QUESTION_LIMITS.thread) throw exhausted('这个问题的对话太长了，请结束它')
  }
  return { q, serviceHours, message, guard }
}

export const answer = act('answer', {
  summary: '联络员回答（可用常用回复，可同时结束）：第一次回答停止首次回复计时并计入本周用时；提问人收到订阅消息；已结束的问题不能再回答',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'RESOURCE_EXHAUSTED', 'CONTENT_REJECTED'],
  scope: liaisonOfQuestion,
  async handler(input, ctx) {
    const { caller, now } = ctx
    const { q, serviceHours, message, guard } = await liaisonReply('answer', input, ctx)
    let firstMs: number | null = null
    const { state } = await mutate(input.questionId, (cur) => {
      firstMs = null
      guard(cur)
      const s = stateOf(cur)
      const data: Doc = { thread: _.push([messageDoc(message, now)]), updatedAt: now, lastLiaisonAt: now, answeredBy: caller.openid }
      if (s === 'waiting' || s === 'rider') {
        const stop = stopClock(cur, now, serviceHours)
        Object.assign(data, stop.data)
        if (!(cur.firstReplyAt instanceof Date)) {
          firstMs = stop.spent
          Object.assign(data, { firstReplyAt: now, firstReplyMs: stop.spent, firstReplyBy: caller.openid })
        }
      }
      if (input.close) Object.assign(data, { closedAt: now, closedBy: caller.openid })
      return { data, state: input.close ? 'closed' : 'answered' }
    })
    if (firstMs !== null) await recordFirstReply(str(q.groupId), Math.round(firstMs / MINUTE_MS), now)
    if (input.savedReplyId) {
      await savedReplies()
        .where({ _id: input.savedReplyId, ownerOpenid: caller.openid })
        .update({ data: { uses: _.inc(1), lastUsedAt: now } })
    }
    await tellAsker(q, 'answer', message.authorName, now)
    return { id: input.questionId, state }
  },
})

export const askBack = act('askBack', {
  summary: '联络员请提问人补充情况：等补充期间首次回复计时暂停，提问人补充后恢复；提问人收到订阅消息',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'RESOURCE_EXHAUSTED', 'CONTENT_REJECTED'],
  scope: liaisonOfQuestion,
  async handler(input, ctx) {
    const { now } = ctx
    const { q, serviceHours, message, guard } = await liaisonReply('askBack', input, ctx)
    const { state } = await mutate(input.questionId, (cur) => {
      guard(cur)
      const s = stateOf(cur)
      const data: Doc = { thread: _.push([messageDoc(message, now)]), updatedAt: now, lastLiaisonAt: now }
      if (s === 'waiting') Object.assign(data, stopClock(cur, now, serviceHours).data)
      return { data, state: 'rider' }
    })
    await tellAsker(q, 'askBack', message.authorName, now)
    return { id: input.questionId, state }
  },
})
