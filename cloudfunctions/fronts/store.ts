/**
 * Reading and writing the micro-front's records. The group document (users' `groups`) carries the
 * micro-front's own part under `front` (settings, this week's reply figures, counters, the FAQ's
 * first entries, the group's activity), so the front page and the queue read the group once.
 */
import { _, db, row, rows } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { notFound, precondition } from '../_lib/errors'
import { hashToken } from '../_lib/ids'
import { type Doc, num, str, strings } from '../_lib/values'
import { DEFAULT_SERVICE_HOURS, type ServiceHours } from './service-clock'

export const groups = () => db.collection(COLLECTION.groups)
export const notices = () => db.collection(COLLECTION.notices)
export const reads = () => db.collection(COLLECTION.notice_reads)
export const audiences = () => db.collection(COLLECTION.notice_audience)
export const questions = () => db.collection(COLLECTION.questions)
export const users = () => db.collection(COLLECTION.users)
export const savedReplies = () => db.collection(COLLECTION.saved_replies)
export const faqs = () => db.collection(COLLECTION.faq)
export const swaps = () => db.collection(COLLECTION.duty_swaps)
export const handovers = () => db.collection(COLLECTION.duty_handovers)
export const marks = () => db.collection(COLLECTION.front_marks)

export { NEVER } from '../_domain/front-notices'

/** A record id from the author and the client's requestId: a retried post or question is stored once. */
export const idFor = (prefix: string, openid: string, requestId: string): string =>
  `${prefix}${hashToken(`${openid}|${requestId}`).slice(0, 24)}`

export const DEFAULT_DUTY_CHECKLIST = [
  '每天早上看一眼天气，恶劣天气发一条安全提醒',
  '群里有人求助，先回应，再告诉联络员',
  '活动通知提前一天发，发完看看谁还没看',
  '发现广告、诈骗信息，提醒大家别信并告诉联络员',
]
export const DEFAULT_HANDOVER_CHECKLIST = [
  '这一班发过的公告，该撤的已撤下',
  '还没办完的互助事项已写清楚',
  '群里需要留意的人和事已说明',
  '交接内容已告诉联络员',
]

export interface FrontSettingsDoc {
  serviceHours: ServiceHours
  replyTargetMinutes: number
  editWindowMinutes: number
  dutyChecklist: string[]
  handoverChecklist: string[]
}

export interface FrontState {
  settings: FrontSettingsDoc
  week: { key: string; replyMinutes: number[]; answered: number }
  answeredTotal: number
  waiting: number
  riderWaiting: number
  faqTop: { id: string; question: string }[]
  faqCount: number
  activity: { kind: string; text: string; at: Date }[]
}

function hoursOf(v: unknown): ServiceHours {
  const h = (v ?? {}) as Doc
  const days = Array.isArray(h.days) ? h.days.filter((d): d is number => Number.isInteger(d) && d >= 1 && d <= 7) : []
  const ok = (s: unknown) => typeof s === 'string' && /^\d{2}:\d{2}$/.test(s)
  if (!days.length || !ok(h.open) || !ok(h.close) || str(h.open) >= str(h.close)) return DEFAULT_SERVICE_HOURS
  return { days, open: str(h.open), close: str(h.close) }
}

/** The micro-front part of a group document, with defaults for a group that has none yet. */
export function frontOf(group: Doc | null | undefined): FrontState {
  const f = (group?.front ?? {}) as Doc
  const s = (f.settings ?? {}) as Doc
  const w = (f.week ?? {}) as Doc
  const list = (v: unknown, fallback: string[]) => (Array.isArray(v) ? strings(v) : fallback)
  return {
    settings: {
      serviceHours: hoursOf(s.serviceHours),
      replyTargetMinutes: num(s.replyTargetMinutes, 120),
      editWindowMinutes: num(s.editWindowMinutes, 30),
      dutyChecklist: list(s.dutyChecklist, DEFAULT_DUTY_CHECKLIST),
      handoverChecklist: list(s.handoverChecklist, DEFAULT_HANDOVER_CHECKLIST),
    },
    week: {
      key: str(w.key),
      replyMinutes: Array.isArray(w.replyMinutes) ? w.replyMinutes.filter((m) => typeof m === 'number') : [],
      answered: num(w.answered),
    },
    answeredTotal: num(f.answeredTotal),
    waiting: Math.max(0, num(f.waiting)),
    riderWaiting: Math.max(0, num(f.riderWaiting)),
    faqTop: (Array.isArray(f.faqTop) ? (f.faqTop as Doc[]) : []).map((x) => ({ id: str(x.id), question: str(x.question) })),
    faqCount: Math.max(0, num(f.faqCount)),
    activity: (Array.isArray(f.activity) ? (f.activity as Doc[]) : [])
      .filter((a) => a.at instanceof Date)
      .map((a) => ({ kind: str(a.kind), text: str(a.text), at: a.at as Date })),
  }
}

/** `count()` of a query. */
export async function countOf(query: { count(): unknown }): Promise<number> {
  return num(((await query.count()) as { total?: number }).total)
}

export async function groupById(groupId: string): Promise<Doc | null> {
  return row(groups().where({ _id: groupId }))
}

export async function groupsOfIds(ids: string[]): Promise<Map<string, Doc>> {
  const unique = [...new Set(ids.filter(Boolean))].slice(0, 100)
  if (!unique.length) return new Map()
  const list = await rows(
    groups()
      .where({ _id: _.in(unique) })
      .limit(100),
  )
  return new Map(list.map((g) => [str(g._id), g]))
}

export async function mustGroup(groupId: string): Promise<Doc> {
  const g = await groupById(groupId)
  if (!g) throw notFound('群不存在')
  return g
}

/** The group an action is about: the one named, or the caller's current group. */
export function groupIdOr(groupId: string | undefined, current: string | null): string {
  const id = groupId ?? current
  if (!id) throw precondition('你还没有加入小哥群：从群里点小程序卡片打开，或扫联络员给的邀请码')
  return id
}

/** Most activity entries kept on the group (newest first). */
const ACTIVITY_KEPT = 10

/** Add one line to the group's activity (e.g. 王强 发布了公告《…》). Never fails the caller's action. */
export async function addActivity(groupId: string, kind: string, text: string, now: Date, more: Doc = {}): Promise<void> {
  try {
    await groups()
      .where({ _id: groupId })
      .update({ data: { 'front.activity': _.push({ each: [{ kind, text, at: now }], position: 0, slice: ACTIVITY_KEPT }), ...more } })
  } catch (err) {
    console.warn('[fronts] activity not recorded', err)
  }
}

/** Change counters of the group's micro-front, e.g. { waiting: -1, riderWaiting: 1 }. */
export async function bumpGroup(groupId: string, counters: Record<string, number>): Promise<void> {
  const data: Doc = {}
  for (const [k, v] of Object.entries(counters)) if (v) data[`front.${k}`] = _.inc(v)
  if (Object.keys(data).length) await groups().where({ _id: groupId }).update({ data })
}

/** The openids of the group's members (paged: a get answers at most 1,000 records). */
export async function memberIds(groupId: string, limit = 5000): Promise<string[]> {
  const out: string[] = []
  for (let skip = 0; skip < limit; skip += 1000) {
    const page = (await users().where({ groupIds: groupId }).field({ _id: true }).skip(skip).limit(1000).get()) as { data: Doc[] }
    out.push(...page.data.map((u) => str(u._id)))
    if (page.data.length < 1000) break
  }
  return out
}
