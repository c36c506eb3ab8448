/**
 * Moving a topic along its lifecycle (lifecycle.ts says which moves exist and what each needs) and
 * the changes within a stage: the answer deadline moved (always with a reason, the first date kept
 * public), progress milestones with photos, the council session changed. Only the liaison of the
 * topic's group or town; each change is ONE conditional update that also appends the public timeline
 * entry; audited with the group's scope; followers told of the kinds they asked for.
 */

import { monthDay } from '../../_domain/topic-clock'
import { AWAITING_ANSWER, statusOf } from '../../_domain/topic-status'
import { _ } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { checkTexts, recordMediaChecks, startMediaChecks } from '../../_lib/content'
import { conflict, invalid, precondition } from '../../_lib/errors'
import { assertOwnFiles } from '../../_lib/files'
import { actionsOf } from '../../_lib/router'
import { addDays, businessDate, dateTimeText, shanghaiInstant } from '../../_lib/time'
import { type Doc, num, str, updatedCount } from '../../_lib/values'
import { auditTopic, deniedOnTopic } from '../audit'
import { type SetStatusInput, topicsContract } from '../contract'
import { checkSessionTime, entry, MAX_DUE_DAYS, type MergeTarget, planMove } from '../lifecycle'
import { actorOf, manageScope } from '../people'
import { presentSession } from '../present'
import { topicById, topics } from '../store'
import { tellFollowers, tellSignedUp } from '../tell'

const act = actionsOf(topicsContract)

/** Object and array values replace the stored value (an update would otherwise merge into it). */
function replacing(set: Doc): Doc {
  const out: Doc = {}
  for (const [k, v] of Object.entries(set)) out[k] = v && typeof v === 'object' && !(v instanceof Date) ? _.set(v) : v
  return out
}

/** The texts of a move that others will read. */
function textsOf(input: SetStatusInput): Record<string, string | undefined> {
  switch (input.to) {
    case 'deliberating':
      return { place: input.session.place }
    case 'answered':
      return { reasoning: input.reasoning, responsible: input.responsible }
    case 'implementing':
      return { plan: input.plan }
    case 'done':
      return { note: input.note }
    case 'withdrawn':
      return { reason: input.reason }
    default:
      return {}
  }
}

async function mergeTarget(input: SetStatusInput, topicId: string): Promise<MergeTarget | undefined> {
  if (input.to !== 'withdrawn' || !input.mergeInto || input.mergeInto === topicId) return undefined
  const t = await topicById(input.mergeInto, { title: true, status: true, hidden: true, moderation: true }).catch(() => null)
  return t
    ? { id: str(t._id), title: str(t.title), status: statusOf(t.status), hidden: t.hidden === true || t.moderation === 'removed' }
    : undefined
}

export const setStatus = act('setStatus', {
  summary:
    '推进议题（本群联络员或镇里）：受理（定答复期限）→ 议事中（议事会）→ 已答复（采纳/部分采纳/不采纳，写明理由和负责单位）→ 落实中 → 已完成，或撤回（写明理由；重复议题合并）；不能跳步，每一步写进公开时间线',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONFLICT', 'CONTENT_REJECTED'],
  scope: manageScope,
  onDenied: deniedOnTopic,
  async handler(input, ctx) {
    const { caller, now } = ctx
    const { topicId } = input
    const doc = await topicById(topicId)
    const actor = actorOf(caller)
    const target = await mergeTarget(input, topicId)
    const plan = planMove(doc, input, actor, now, target)
    assertOwnFiles(plan.photos, { openid: caller.openid, purpose: 'topics', field: 'photos' })
    await checkTexts(textsOf(input), { openid: caller.openid, scene: 'forum' })
    const started = await startMediaChecks(plan.photos, { openid: caller.openid, scene: 'forum' })
    const data: Doc = { ...replacing(plan.set), timeline: _.push([plan.entry]) }
    if (plan.photos.length) Object.assign(data, { progressPhotos: _.push(plan.photos), pendingMedia: _.push(started.map((s) => s.fileId)) })
    const changed = updatedCount(await topics().where({ _id: topicId, status: plan.from, hidden: false }).update({ data }))
    if (changed !== 1) throw conflict('议题刚刚被别人推进过了，请刷新后再看')
    await recordMediaChecks(started, { collection: COLLECTION.topics, id: topicId, field: 'progressPhotos', author: caller.openid }, now)
    if (target) {
      const text = `《${str(doc.title)}》（${num(doc.supportCount)} 人遇到）作为重复议题合并到本议题`
      await topics()
        .doc(target.id)
        .update({
          data: {
            mergedFrom: _.push([{ id: topicId, title: str(doc.title) }]),
            timeline: _.push([entry('merged_in', null, actor, text, now)]),
          },
        })
    }
    await auditTopic(ctx, doc, {
      action: `status:${plan.to}`,
      before: { status: plan.from },
      after: { status: plan.to, ...auditable(input) },
    })
    const told = await tellFollowers(doc, { ...plan.notice, actor: caller.openid }, now)
    return { status: plan.to, told }
  },
})

/** What the audit keeps of a move (no photos). */
function auditable(input: SetStatusInput): Doc {
  const { topicId: _t, to: _to, ...rest } = input
  const { photos: _p, ...kept } = rest as Doc
  return kept
}

export const extendDeadline = act('extendDeadline', {
  summary: '延后答复期限（写明理由；原定日期一直公开显示）',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONFLICT', 'CONTENT_REJECTED'],
  scope: manageScope,
  onDenied: deniedOnTopic,
  async handler({ topicId, dueDate, reason }, ctx) {
    const { caller, now } = ctx
    const doc = await topicById(topicId)
    if (!AWAITING_ANSWER.includes(statusOf(doc.status))) throw precondition('只有已受理、议事中的议题有答复期限')
    const current = str(doc.dueDate)
    const today = businessDate(now)
    if (dueDate <= current || dueDate <= today) throw invalid('新的期限要晚于原来的期限和今天', { field: 'dueDate' })
    if (dueDate > addDays(today, MAX_DUE_DAYS)) throw invalid(`答复期限应在 ${MAX_DUE_DAYS} 天之内`, { field: 'dueDate' })
    await checkTexts({ reason }, { openid: caller.openid, scene: 'forum' })
    const text = `答复期限延至${monthDay(dueDate)}（原定${monthDay(current)}）：${reason}`
    const data = {
      dueDate,
      dueAt: shanghaiInstant(addDays(dueDate, 1), '00:00'),
      originalDueDate: str(doc.originalDueDate) || current,
      overdueMarkedAt: null,
      reminderSentAt: null,
      updatedAt: now,
      timeline: _.push([entry('due_extended', null, actorOf(caller), text, now)]),
    }
    const changed = updatedCount(await topics().where({ _id: topicId, status: doc.status, dueDate: current }).update({ data }))
    if (!changed) throw conflict('议题刚刚被别人改过，请刷新后再看')
    await auditTopic(ctx, doc, { before: { dueDate: current }, after: { dueDate }, note: reason })
    await tellFollowers(doc, { kind: 'accepted', phrase: '期限延后', text: `${monthDay(dueDate)}前答复`, actor: caller.openid }, now)
    return { ok: true as const }
  },
})

export const addMilestone = act('addMilestone', {
  summary: '落实进展（可附照片，审核通过后公开）；写进公开时间线，关注的人收到通知',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  scope: manageScope,
  onDenied: deniedOnTopic,
  async handler({ topicId, text, photos = [] }, ctx) {
    const { caller, now } = ctx
    const doc = await topicById(topicId)
    if (doc.status !== 'implementing') throw precondition('议题在“落实中”时才能更新进展')
    assertOwnFiles(photos, { openid: caller.openid, purpose: 'topics', field: 'photos' })
    await checkTexts({ text }, { openid: caller.openid, scene: 'forum' })
    const started = await startMediaChecks(photos, { openid: caller.openid, scene: 'forum' })
    const data: Doc = { updatedAt: now, timeline: _.push([entry('milestone', null, actorOf(caller), text, now, photos)]) }
    if (photos.length) Object.assign(data, { progressPhotos: _.push(photos), pendingMedia: _.push(started.map((s) => s.fileId)) })
    const changed = updatedCount(await topics().where({ _id: topicId, status: 'implementing' }).update({ data }))
    if (!changed) throw conflict('议题刚刚被别人推进过了，请刷新后再看')
    await recordMediaChecks(started, { collection: COLLECTION.topics, id: topicId, field: 'progressPhotos', author: caller.openid }, now)
    await auditTopic(ctx, doc, { after: { milestone: text, photos: photos.length } })
    await tellFollowers(doc, { kind: 'progress', phrase: '有进展', text, actor: caller.openid }, now)
    return { ok: true as const }
  },
})

export const updateSession = act('updateSession', {
  summary: '修改议事会（时间、地点、座位数，写明原因）；座位不能少于已报名人数；报名的人收到通知',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONFLICT', 'CONTENT_REJECTED'],
  scope: manageScope,
  onDenied: deniedOnTopic,
  async handler({ topicId, at, place, seats, reason }, ctx) {
    const { caller, now } = ctx
    const doc = await topicById(topicId)
    const s = (doc.session ?? null) as Doc | null
    if (doc.status !== 'deliberating' || !s) throw precondition('议题在“议事中”时才能修改议事会')
    if (at) checkSessionTime(at, now)
    const signedUp = num(s.signedUp)
    if (seats !== undefined && seats < signedUp) throw precondition(`已有 ${signedUp} 人报名，座位不能少于 ${signedUp} 个`)
    await checkTexts({ place, reason }, { openid: caller.openid, scene: 'forum' })
    const data: Doc = { updatedAt: now }
    if (at) data['session.at'] = at
    if (place) data['session.place'] = place
    if (seats !== undefined) Object.assign(data, { 'session.seats': seats, 'session.seatsLeft': _.inc(seats - num(s.seats)) })
    const when = dateTimeText(at ?? (s.at as Date))
    const text = `议事会改为 ${when}，${place ?? str(s.place)}，${seats ?? num(s.seats)} 个座位：${reason}`
    data.timeline = _.push([entry('session_changed', null, actorOf(caller), text, now)])
    const cond: Doc = { _id: topicId, status: 'deliberating', 'session.seats': num(s.seats) }
    if (seats !== undefined) cond['session.signedUp'] = _.lte(seats)
    if (!updatedCount(await topics().where(cond).update({ data }))) throw conflict('议事会刚刚有变化（报名或修改），请刷新后再改')
    const after = await topicById(topicId)
    await auditTopic(ctx, doc, {
      before: { session: { at: s.at, place: s.place, seats: s.seats } },
      after: { at, place, seats },
      note: reason,
    })
    await tellSignedUp(after, '有变化', now)
    const skip = Object.keys((after.signups ?? {}) as Doc)
    await tellFollowers(after, { kind: 'session', phrase: '议事会', text: `改为 ${when.slice(5)}`, actor: caller.openid, skip }, now)
    return presentSession(after, now, true) ?? (await Promise.reject(new Error('session vanished')))
  },
})
