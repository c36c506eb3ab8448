/**
 * The public clock of a topic: once accepted, the answer is due by the end of a Shanghai date
 * (`dueAt` = the next Shanghai midnight). Everyone sees how many days are left, that it is overdue
 * and by how much, and afterwards whether the answer came on time. Pure: computed at `now`, so a
 * list needs no stored "overdue" flag to be right (the timer only adds the timeline entry and tells
 * people). Shared by `topics` and `home`.
 */
import { businessDate, DAY_MS } from '../_lib/time'
import { AWAITING_ANSWER, type TopicStatus } from './topic-status'

export const CLOCK_STATES = ['none', 'running', 'due_today', 'overdue', 'on_time', 'late'] as const
export type ClockState = (typeof CLOCK_STATES)[number]

export interface ClockInput {
  status: TopicStatus
  /** End of the due date (exclusive), or null before acceptance. */
  dueAt: Date | null
  /** The first due date (YYYY-MM-DD) when it was extended since, else null. */
  originalDueDate: string | null
  answeredAt: Date | null
}

export interface Clock {
  state: ClockState
  /** The last day of the answer period, YYYY-MM-DD (Shanghai). */
  dueDate: string | null
  /** e.g. 还剩 5 天 · 今天到期 · 已逾期 2 天 · 按期答复 · 逾期 3 天后答复 */
  text: string | null
  daysLeft: number | null
  daysOverdue: number | null
  /** 原定 12月1日 when the date was moved. */
  extendedFrom: string | null
}

/** Whole Shanghai days from date `a` to date `b` (YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS)
}

/** 12月1日 */
export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

/** The Shanghai date whose end is `dueAt`. */
export const dueDateOf = (dueAt: Date): string => businessDate(dueAt.getTime() - 1)

export function topicClock(t: ClockInput, now: Date): Clock {
  const none: Clock = { state: 'none', dueDate: null, text: null, daysLeft: null, daysOverdue: null, extendedFrom: null }
  if (!t.dueAt) return none
  const dueDate = dueDateOf(t.dueAt)
  const base = { ...none, dueDate, extendedFrom: t.originalDueDate ? monthDay(t.originalDueDate) : null }
  if (t.answeredAt) {
    if (t.answeredAt.getTime() < t.dueAt.getTime()) return { ...base, state: 'on_time', text: '按期答复' }
    const late = Math.max(1, daysBetween(dueDate, businessDate(t.answeredAt)))
    return { ...base, state: 'late', text: `逾期 ${late} 天后答复`, daysOverdue: late }
  }
  if (!AWAITING_ANSWER.includes(t.status)) return none
  const left = daysBetween(businessDate(now), dueDate)
  if (now.getTime() >= t.dueAt.getTime()) {
    const over = Math.max(1, -left)
    return { ...base, state: 'overdue', text: `已逾期 ${over} 天`, daysOverdue: over }
  }
  if (left === 0) return { ...base, state: 'due_today', text: '今天到期', daysLeft: 0 }
  return { ...base, state: 'running', text: `还剩 ${left} 天`, daysLeft: left }
}
