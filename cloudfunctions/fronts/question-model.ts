/**
 * A question's life and its first-reply clock. States: waiting (for the liaison; the clock runs in
 * service hours) → rider (the liaison asked back; the clock pauses) → waiting … → answered → closed.
 * Every change is an optimistic update on the question's `rev`, so two people acting at once never
 * lose a message or move a counter twice; the group's counters follow the state it left and entered.
 */
import { _, row } from '../_lib/cloud'
import { conflict, notFound } from '../_lib/errors'
import { newId } from '../_lib/ids'
import { MINUTE_MS, weekKey } from '../_lib/time'
import { type Doc, num, str, updatedCount } from '../_lib/values'
import { addServiceMs, type ServiceHours, serviceMsBetween } from './service-clock'
import { bumpGroup, groups, questions } from './store'

export type QState = 'waiting' | 'rider' | 'answered' | 'closed'
export const stateOf = (q: Doc): QState =>
  ['waiting', 'rider', 'answered', 'closed'].includes(str(q.state)) ? (str(q.state) as QState) : 'waiting'

export async function mustQuestion(questionId: string): Promise<Doc> {
  const q = await row(questions().where({ _id: questionId }))
  if (!q) throw notFound('没有找到这个问题')
  return q
}

export interface Clock {
  spentMs: number
  runningSince: Date | null
}

export function clockOf(q: Doc): Clock {
  const c = (q.clock ?? {}) as Doc
  return { spentMs: num(c.spentMs), runningSince: c.runningSince instanceof Date ? c.runningSince : null }
}

/** Service milliseconds the question has waited for the liaison so far. */
export const waitedMs = (q: Doc, now: Date, hours: ServiceHours): number => {
  const c = clockOf(q)
  return c.spentMs + (c.runningSince ? serviceMsBetween(c.runningSince, now, hours) : 0)
}

/** ok / soon (a quarter of the target or 30 minutes of service time left, whichever is less) / breached. */
export function dueOf(q: Doc, now: Date, hours: ServiceHours, targetMinutes: number): 'ok' | 'soon' | 'breached' | null {
  if (stateOf(q) !== 'waiting' || !(q.dueAt instanceof Date)) return null
  if (q.dueAt.getTime() <= now.getTime()) return 'breached'
  const soon = Math.min(30, targetMinutes / 4) * MINUTE_MS
  return serviceMsBetween(now, q.dueAt, hours) <= soon ? 'soon' : 'ok'
}

/** The clock started (or resumed) at `now` with `spentMs` already used: when the target is reached. */
export function startClock(spentMs: number, now: Date, hours: ServiceHours, targetMinutes: number): Doc {
  return { clock: { spentMs, runningSince: now }, dueAt: addServiceMs(now, Math.max(0, targetMinutes * MINUTE_MS - spentMs), hours) }
}

/** The clock stopped at `now`: what it has used. */
export function stopClock(q: Doc, now: Date, hours: ServiceHours): { spent: number; data: Doc } {
  const spent = waitedMs(q, now, hours)
  return { spent, data: { clock: { spentMs: spent, runningSince: null }, dueAt: null } }
}

export interface Message {
  by: 'rider' | 'liaison'
  kind: 'answer' | 'askBack' | 'reply' | 'close'
  text: string
  photos?: string[]
  authorOpenid: string
  authorName: string
}

export const messageDoc = (m: Message, now: Date): Doc => ({ id: newId('m-'), photos: [], ...m, at: now })

/**
 * Apply `plan(q)` (fields to set, and the new state) if nobody changed the question meanwhile; a
 * few retries on a race. Moves the group's waiting counters by the states left and entered.
 */
export async function mutate(questionId: string, plan: (q: Doc) => { data: Doc; state: QState }): Promise<{ before: Doc; state: QState }> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const q = await mustQuestion(questionId)
    const { data, state } = plan(q)
    const rev = typeof q.rev === 'number' ? q.rev : _.exists(false)
    const res = await questions()
      .where({ _id: questionId, rev })
      .update({ data: { ...data, state, rev: _.inc(1) } })
    if (updatedCount(res) !== 1) continue
    const from = stateOf(q)
    if (from !== state) {
      await bumpGroup(str(q.groupId), {
        waiting: Number(state === 'waiting') - Number(from === 'waiting'),
        riderWaiting: Number(state === 'rider') - Number(from === 'rider'),
      })
    }
    return { before: q, state }
  }
  throw conflict('这个问题刚好有了新变化，请刷新后再试')
}

/** This week's first-reply figures on the group (median shown on the front page). */
export async function recordFirstReply(groupId: string, minutes: number, now: Date): Promise<void> {
  const key = weekKey(now)
  for (let attempt = 0; attempt < 3; attempt++) {
    const same = await groups()
      .where({ _id: groupId, 'front.week.key': key })
      .update({
        data: {
          'front.week.replyMinutes': _.push({ each: [minutes], slice: -1000 }),
          'front.week.answered': _.inc(1),
          'front.answeredTotal': _.inc(1),
        },
      })
    if (updatedCount(same) === 1) return
    const fresh = await groups()
      .where({ _id: groupId, 'front.week.key': _.neq(key) })
      .update({ data: { 'front.week': _.set({ key, replyMinutes: [minutes], answered: 1 }), 'front.answeredTotal': _.inc(1) } })
    if (updatedCount(fresh) === 1) return
  }
}

/** The middle of the sorted figures (the mean of the two middle ones for an even count), or null. */
export function median(values: number[]): number | null {
  if (!values.length) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2)
}
