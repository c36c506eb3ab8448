/**
 * The lifecycle of a topic in one place: which moves exist, what each requires, what it writes.
 * Pure (no database): `planMove` checks a move against the stored topic and answers the fields to
 * set and the public timeline entry to append — the action writes both in ONE conditional update
 * (`where({ _id, status: from })`), so the timeline never disagrees with the status and two
 * liaisons moving the same topic at once cannot both win. Who may move (the liaison of the topic's
 * group, or town) is the action's scope check.
 *
 *   submitted → accepted (dueDate: tomorrow … 90 days) | withdrawn
 *   accepted → deliberating (session: time, place, seats; a check-in code is drawn) | withdrawn
 *   deliberating → answered (outcome, reasoning, responsible) | withdrawn
 *   answered → implementing (plan; not for 不采纳) | done (only 不采纳)
 *   implementing → done (note)
 *   withdrawn: always a reason; duplicate → merged into another live topic (not itself);
 *   once the support threshold is reached a written answer is mandatory: only a merge may withdraw it.
 */
import { randomInt } from 'node:crypto'
import { monthDay } from '../_domain/topic-clock'
import {
  OUTCOME_LABEL,
  type Outcome,
  STATUS_LABEL,
  statusOf,
  type TopicStatus,
  WITHDRAW_KINDS,
  WITHDRAW_LABEL,
  type WithdrawKind,
} from '../_domain/topic-status'
import { invalid, precondition } from '../_lib/errors'
import { newId } from '../_lib/ids'
import { addDays, businessDate, DAY_MS, dateTimeText, shanghaiInstant } from '../_lib/time'
import { type Doc, dateOrNull, str } from '../_lib/values'
import type { SetStatusInput } from './contract'
import type { NoticeKind, TimelineKind } from './views'

export const MOVES: Record<TopicStatus, readonly TopicStatus[]> = {
  submitted: ['accepted', 'withdrawn'],
  accepted: ['deliberating', 'withdrawn'],
  deliberating: ['answered', 'withdrawn'],
  answered: ['implementing', 'done'],
  implementing: ['done'],
  done: [],
  withdrawn: [],
}

export const MAX_DUE_DAYS = 90
export const MAX_SESSION_DAYS = 180

/** A timeline entry as stored on the topic. */
export interface StoredEntry {
  id: string
  at: Date
  kind: TimelineKind
  status: TopicStatus | null
  actor: string
  text: string
  photos: string[]
}

export interface Actor {
  openid: string
  name: string
  role: 'rider' | 'liaison' | 'town' | 'system'
}

/** 联络员 李敏 · 镇里 周主任 · 系统 (a name that already says the role is not said twice). */
export function actorText(a: Actor): string {
  if (a.role === 'system') return '系统'
  if (a.role === 'liaison') return a.name.includes('联络员') ? a.name : `联络员 ${a.name}`
  if (a.role === 'town') return /镇/.test(a.name) ? a.name : `镇里 ${a.name}`
  return a.name
}

export function entry(
  kind: TimelineKind,
  status: TopicStatus | null,
  actor: Actor,
  text: string,
  at: Date,
  photos: string[] = [],
): StoredEntry {
  return { id: newId('te-'), at, kind, status, actor: actorText(actor), text, photos }
}

const outcomeOf = (doc: Doc): Outcome | null => {
  const o = str((doc.answer as Doc | undefined)?.outcome)
  return o === 'adopted' || o === 'partial' || o === 'rejected' ? o : null
}

/** The statuses a manager may move the topic to now. */
export function allowedMoves(doc: Doc): TopicStatus[] {
  const from = statusOf(doc.status)
  if (doc.hidden === true || doc.moderation === 'removed') return []
  const outcome = outcomeOf(doc)
  return MOVES[from].filter((to) => {
    if (from === 'answered' && to === 'implementing') return outcome !== 'rejected'
    if (from === 'answered' && to === 'done') return outcome === 'rejected'
    if (to === 'withdrawn') return withdrawKinds(doc).length > 0
    return true
  })
}

/** The withdrawal reasons allowed now: after the support threshold only a merge into another topic. */
export function withdrawKinds(doc: Doc): WithdrawKind[] {
  return doc.answerRequired === true ? ['duplicate'] : [...WITHDRAW_KINDS]
}

export interface MergeTarget {
  id: string
  title: string
  status: TopicStatus
  hidden: boolean
}

export interface Plan {
  from: TopicStatus
  to: TopicStatus
  set: Doc
  entry: StoredEntry
  /** What followers asked to be told about, and the words of the message. */
  notice: { kind: NoticeKind; phrase: string; text: string }
  /** New photos on the entry (progress photos: checked before they show). */
  photos: string[]
}

/** Check a move and say what it writes. Throws INVALID_ARGUMENT / FAILED_PRECONDITION; nothing is written then. */
export function planMove(doc: Doc, input: SetStatusInput, actor: Actor, now: Date, target?: MergeTarget): Plan {
  const from = statusOf(doc.status)
  const to = input.to
  if (doc.hidden === true || doc.moderation === 'removed') throw precondition('议题被举报隐藏或已删除，请先处理举报')
  if (!MOVES[from].includes(to)) throw precondition(`议题现在是“${STATUS_LABEL[from]}”，不能直接改为“${STATUS_LABEL[to]}”`)
  const at = `${to}At`
  const base = { status: to, [at]: now, updatedAt: now }
  const make = (text: string, notice: Plan['notice'], set: Doc = {}, photos: string[] = []): Plan => ({
    from,
    to,
    set: { ...base, ...set },
    entry: entry('status', to, actor, text, now, photos),
    notice,
    photos,
  })
  switch (input.to) {
    case 'accepted': {
      const today = businessDate(now)
      if (input.dueDate <= today || input.dueDate > addDays(today, MAX_DUE_DAYS))
        throw invalid(`答复期限应在明天到 ${MAX_DUE_DAYS} 天之内`, { field: 'dueDate' })
      const dueAt = shanghaiInstant(addDays(input.dueDate, 1), '00:00')
      const text = `受理，${monthDay(input.dueDate)}前书面答复`
      return make(text, { kind: 'accepted', phrase: '已受理', text: `${monthDay(input.dueDate)}前答复` }, { dueAt, dueDate: input.dueDate })
    }
    case 'deliberating': {
      const { at: when, place, seats } = input.session
      checkSessionTime(when, now)
      const session = { at: when, place, seats, seatsLeft: seats, signedUp: 0, checkedIn: 0, code: drawCode() }
      const text = `安排议事会：${dateTimeText(when)}，${place}，${seats} 个座位，欢迎报名`
      return make(text, { kind: 'session', phrase: '议事中', text: `${dateTimeText(when).slice(5)} 议事会` }, { session })
    }
    case 'answered': {
      const { outcome, reasoning, responsible } = input
      const answer = { outcome, reasoning, responsible, at: now, by: actorText(actor), byOpenid: actor.openid }
      const text = `答复：${OUTCOME_LABEL[outcome]}。${reasoning}（负责：${responsible}）`
      return make(text, { kind: 'answered', phrase: '已答复', text: `${OUTCOME_LABEL[outcome]}，负责：${responsible}` }, { answer })
    }
    case 'implementing': {
      if (outcomeOf(doc) === 'rejected') throw precondition('不采纳的议题没有落实环节，可以直接办结')
      const photos = input.photos ?? []
      return make(`开始落实：${input.plan}`, { kind: 'progress', phrase: '落实中', text: input.plan }, {}, photos)
    }
    case 'done': {
      if (from === 'answered' && outcomeOf(doc) !== 'rejected') throw precondition('采纳的议题要先落实，再办结')
      const photos = input.photos ?? []
      return make(`已完成：${input.note}`, { kind: 'closed', phrase: '已完成', text: input.note }, {}, photos)
    }
    case 'withdrawn':
      return planWithdraw(doc, input, make, target)
  }
}

type Make = (text: string, notice: Plan['notice'], set?: Doc, photos?: string[]) => Plan

function planWithdraw(doc: Doc, input: Extract<SetStatusInput, { to: 'withdrawn' }>, make: Make, target?: MergeTarget): Plan {
  const { kind, reason } = input
  if (!withdrawKinds(doc).includes(kind))
    throw precondition('支持人数已达门槛，须书面答复：请经议事给出答复（不采纳也要写明理由），或作为重复议题合并')
  let mergedInto: { id: string; title: string } | null = null
  if (kind === 'duplicate') {
    if (!input.mergeInto) throw invalid('重复议题请选择要合并到的议题', { field: 'mergeInto' })
    if (input.mergeInto === str(doc._id)) throw invalid('不能合并到自己', { field: 'mergeInto' })
    if (!target || target.id !== input.mergeInto) throw invalid('要合并到的议题不存在', { field: 'mergeInto' })
    if (target.hidden || target.status === 'done' || target.status === 'withdrawn') throw precondition('只能合并到还在办理中的议题')
    mergedInto = { id: target.id, title: target.title }
  } else if (input.mergeInto) throw invalid('只有重复议题才能合并', { field: 'mergeInto' })
  const withdrawal = { kind, reason, mergedInto }
  const head = mergedInto ? `撤回（${WITHDRAW_LABEL[kind]}，已合并到《${mergedInto.title}》）` : `撤回（${WITHDRAW_LABEL[kind]}）`
  return make(`${head}：${reason}`, { kind: 'closed', phrase: '已撤回', text: WITHDRAW_LABEL[kind] }, { withdrawal })
}

export function checkSessionTime(when: Date, now: Date): void {
  if (when.getTime() <= now.getTime()) throw invalid('议事会时间应晚于现在', { field: 'session.at' })
  if (when.getTime() > now.getTime() + MAX_SESSION_DAYS * DAY_MS)
    throw invalid(`议事会时间应在 ${MAX_SESSION_DAYS} 天之内`, { field: 'session.at' })
}

/** The check-in code read out at the council session: 6 digits. */
export const drawCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0')

/** When the answer is due (an accepted topic's `dueAt`), or null. */
export const dueAtOf = (doc: Doc): Date | null => dateOrNull(doc.dueAt)
