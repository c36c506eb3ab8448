/**
 * The rider's side of Q&A: ask the group's liaison (private to the asker, the liaison and the admin on
 * duty), see my questions, read one (someone else's is NOT_FOUND), add to it, close it, say whether
 * the answer helped.
 */
import { _, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { checkTexts, recordMediaChecks, startMediaChecks } from '../../_lib/content'
import { exhausted, notFound, precondition } from '../../_lib/errors'
import { assertOwnFiles } from '../../_lib/files'
import { isLiaisonOf, isMemberOf } from '../../_lib/guard'
import { displayName } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { type Doc, isDuplicateKey, iso, str } from '../../_lib/values'
import { canSeeQuestionsOf } from '../access'
import { frontsContract, QUESTION_LIMITS } from '../contract'
import { questionDetail, questionItem } from '../present-question'
import { clockOf, type Message, messageDoc, mustQuestion, mutate, startClock, stateOf, stopClock } from '../question-model'
import { bumpGroup, frontOf, groupIdOr, groupsOfIds, idFor, mustGroup, questions } from '../store'
import { tellAsker } from '../tell'

const act = actionsOf(frontsContract)
/** Open questions (waiting or asked back) one rider may have in one group at a time. */
export const MAX_OPEN = 5
const PAGE = 20

export const ask = act('ask', {
  summary: '群成员向本群联络员提问（可附照片、选分类）：只有自己、联络员和值班管理员看得到；经内容安全检查；同一 requestId 只提一次',
  roles: ['anyone'],
  errors: ['FAILED_PRECONDITION', 'RESOURCE_EXHAUSTED', 'CONTENT_REJECTED'],
  scope: (input, { caller }) => isMemberOf(caller, groupIdOr(input.groupId, caller.currentGroupId)),
  async handler(input, { caller, now }) {
    const { openid } = caller
    const groupId = groupIdOr(input.groupId, caller.currentGroupId)
    const id = idFor('q-', openid, input.requestId)
    const again = await rows(questions().where({ _id: id }).limit(1))
    if (again[0]) return { id, created: false, state: stateOf(again[0]), dueAt: null }
    const open = (await questions()
      .where({ askerOpenid: openid, groupId, state: _.in(['waiting', 'rider']) })
      .count()) as { total: number }
    if (open.total >= MAX_OPEN) throw exhausted(`你有 ${MAX_OPEN} 个问题还在等回复，等联络员回复后再问`)
    const photos = input.photos ?? []
    assertOwnFiles(photos, { openid, purpose: 'questions', field: 'photos' })
    await checkTexts({ text: input.text }, { openid, scene: 'comment' })
    const group = await mustGroup(groupId)
    const { serviceHours, replyTargetMinutes } = frontOf(group).settings
    const started = await startMediaChecks(photos, { openid, scene: 'comment' })
    const clock = startClock(0, now, serviceHours, replyTargetMinutes)
    const doc: Doc = {
      _id: id,
      groupId,
      groupName: str(group.name),
      askerOpenid: openid,
      askerName: displayName(caller.profile),
      category: input.category,
      text: input.text,
      photos,
      pendingMedia: photos,
      state: 'waiting',
      rev: 0,
      thread: [],
      helpful: null,
      createdAt: now,
      updatedAt: now,
      ...clock,
    }
    try {
      await questions().add({ data: doc })
    } catch (err) {
      if (isDuplicateKey(err)) return { id, created: false, state: 'waiting' as const, dueAt: null }
      throw err
    }
    await bumpGroup(groupId, { waiting: 1 })
    await recordMediaChecks(started, { collection: COLLECTION.questions, id, field: 'photos', author: openid }, now)
    return { id, created: true, state: 'waiting' as const, dueAt: iso(clock.dueAt) }
  },
})

export const myQuestions = act('myQuestions', {
  summary: '我问过的问题，最近有动静的在前（有新回复的标出来），一页 20 个',
  roles: ['anyone'],
  async handler(input, { caller, now }) {
    const m = input.cursor ? /^(\d{1,15})_([\w-]{1,64})$/.exec(input.cursor) : null
    const where: Doc = { askerOpenid: caller.openid }
    const page = m
      ? _.and([where, _.or([{ updatedAt: _.lt(new Date(Number(m[1]))) }, { updatedAt: new Date(Number(m[1])), _id: _.lt(m[2]) }])])
      : where
    const list = await rows(questions().where(page).orderBy('updatedAt', 'desc').orderBy('_id', 'desc').limit(PAGE))
    const byGroup = await groupsOfIds(list.map((q) => str(q.groupId)))
    const items = list.map((q) => {
      const s = frontOf(byGroup.get(str(q.groupId))).settings
      return questionItem(q, now, s.serviceHours, s.replyTargetMinutes, false)
    })
    const last = list[list.length - 1]
    return { items, nextCursor: list.length === PAGE && last ? `${(last.updatedAt as Date).getTime()}_${str(last._id)}` : null }
  },
})

/** The question if the caller may see it (asker, the group's liaison or admin on duty, town); otherwise NOT_FOUND. */
export async function visibleQuestion(questionId: string, caller: Parameters<typeof canSeeQuestionsOf>[0]): Promise<Doc> {
  const q = await mustQuestion(questionId)
  if (str(q.askerOpenid) !== caller.openid && !canSeeQuestionsOf(caller, str(q.groupId))) throw notFound('没有找到这个问题')
  return q
}

export const getQuestion = act('getQuestion', {
  summary: '看一个问题和对话（提问人、本群联络员、值班管理员）；别人的问题 NOT_FOUND；提问人看过后新回复不再标出',
  roles: ['anyone'],
  errors: ['NOT_FOUND'],
  async handler(input, { caller, now }) {
    const q = await visibleQuestion(input.questionId, caller)
    if (str(q.askerOpenid) === caller.openid) {
      await questions()
        .where({ _id: input.questionId })
        .update({ data: { riderSeenAt: now } })
      q.riderSeenAt = now
    }
    const group = await mustGroup(str(q.groupId))
    return questionDetail(q, caller, now, frontOf(group).settings)
  },
})

export const reply = act('reply', {
  summary: '提问人补充或追问（可附照片）：联络员在等补充时计时恢复；已回复的问题再追问会重新排队；已结束的不能再补充',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'RESOURCE_EXHAUSTED', 'CONTENT_REJECTED'],
  async handler(input, { caller, now }) {
    const q = await mustQuestion(input.questionId)
    if (str(q.askerOpenid) !== caller.openid) throw notFound('没有找到这个问题')
    if (stateOf(q) === 'closed') throw precondition('这个问题已经结束了，有新问题请重新提问')
    const photos = input.photos ?? []
    assertOwnFiles(photos, { openid: caller.openid, purpose: 'questions', field: 'photos' })
    await checkTexts({ text: input.text }, { openid: caller.openid, scene: 'comment' })
    const { serviceHours: hours, replyTargetMinutes: target } = frontOf(await mustGroup(str(q.groupId))).settings
    const started = await startMediaChecks(photos, { openid: caller.openid, scene: 'comment' })
    const message: Message = {
      by: 'rider',
      kind: 'reply',
      text: input.text,
      photos,
      authorOpenid: caller.openid,
      authorName: str(q.askerName),
    }
    let index = 0
    const { state } = await mutate(input.questionId, (cur) => {
      const s = stateOf(cur)
      if (s === 'closed') throw precondition('这个问题已经结束了，有新问题请重新提问')
      index = Array.isArray(cur.thread) ? cur.thread.length : 0
      if (index >= QUESTION_LIMITS.thread) throw exhausted('这个问题的对话太长了，请重新提一个问题')
      const data: Doc = { thread: _.push([messageDoc(message, now)]), updatedAt: now, lastRiderAt: now, riderSeenAt: now }
      if (photos.length) data.pendingMedia = _.push(photos)
      if (s === 'rider') Object.assign(data, startClock(clockOf(cur).spentMs, now, hours, target))
      if (s === 'answered') Object.assign(data, startClock(0, now, hours, target))
      return { data, state: 'waiting' }
    })
    const field = `thread.${index}.photos`
    await recordMediaChecks(started, { collection: COLLECTION.questions, id: input.questionId, field, author: caller.openid }, now)
    return { id: input.questionId, state }
  },
})

export const closeQuestion = act('closeQuestion', {
  summary: '结束一个问题（提问人或本群联络员）；结束后不能再回答或补充',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  async handler(input, { caller, now }) {
    const q = await visibleQuestion(input.questionId, caller)
    const asker = str(q.askerOpenid) === caller.openid
    const liaison = isLiaisonOf(caller, str(q.groupId))
    if (!asker && !liaison) throw precondition('值班管理员不能结束问题，请联络员处理')
    const { serviceHours } = frontOf(await mustGroup(str(q.groupId))).settings
    const name = asker ? str(q.askerName) : displayName(caller.profile)
    const message: Message = {
      by: asker ? 'rider' : 'liaison',
      kind: 'close',
      text: '结束了这个问题',
      authorOpenid: caller.openid,
      authorName: name,
    }
    const { state } = await mutate(input.questionId, (cur) => {
      if (stateOf(cur) === 'closed') throw precondition('这个问题已经结束了')
      const data: Doc = {
        ...stopClock(cur, now, serviceHours).data,
        thread: _.push([messageDoc(message, now)]),
        closedAt: now,
        closedBy: caller.openid,
        updatedAt: now,
      }
      if (!asker) data.lastLiaisonAt = now
      return { data, state: 'closed' }
    })
    if (!asker) await tellAsker(q, 'close', name, now)
    return { id: input.questionId, state }
  },
})

export const markHelpful = act('markHelpful', {
  summary: '提问人说回答有没有帮到自己（可改）',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  async handler(input, { caller, now }) {
    const q = await mustQuestion(input.questionId)
    if (str(q.askerOpenid) !== caller.openid) throw notFound('没有找到这个问题')
    if (!(q.firstReplyAt instanceof Date)) throw precondition('联络员回复后才能评价')
    await questions()
      .where({ _id: input.questionId, askerOpenid: caller.openid })
      .update({ data: { helpful: input.helpful, helpfulAt: now } })
    return { helpful: input.helpful }
  },
})
