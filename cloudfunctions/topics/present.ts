/**
 * Turning stored topics and comments into what people see: list rows, the public clock (at `now`,
 * Asia/Shanghai), the timeline, the council session (the check-in code only for managers), the
 * answer, comments (hidden or removed ones say so instead of their text, except to their author).
 */
import { type Clock, topicClock } from '../_domain/topic-clock'
import { OUTCOME_LABEL, STATUS_LABEL, statusOf, WITHDRAW_LABEL } from '../_domain/topic-status'
import { MINUTE_MS } from '../_lib/time'
import { type Doc, dateOrNull, iso, num, str, strings } from '../_lib/values'
import type { StoredEntry } from './lifecycle'
import { mine } from './store'
import { type CommentView, STANCE_LABEL, type Stance, TIMELINE_KINDS, type TimelineKind, type TopicDetail, type TopicRow } from './views'

const isoOr = (v: unknown, fallback: Date): string => iso(v) ?? (iso(fallback) as string)

export function clockOf(doc: Doc, now: Date): Clock {
  return topicClock(
    {
      status: statusOf(doc.status),
      dueAt: dateOrNull(doc.dueAt),
      originalDueDate: str(doc.originalDueDate) || null,
      answeredAt: dateOrNull(doc.answeredAt),
    },
    now,
  )
}

/** Metres from `origin` to a stored point (GeoJSON or Geo.Point), on the sphere the database uses (6378.1 km). */
export function metresTo(origin: { lat: number; lng: number }, stored: unknown): number {
  const p = stored as { coordinates?: number[]; longitude?: number; latitude?: number } | null
  const lng = p?.coordinates?.[0] ?? p?.longitude
  const lat = p?.coordinates?.[1] ?? p?.latitude
  if (typeof lng !== 'number' || typeof lat !== 'number') return 0
  const rad = Math.PI / 180
  const dLat = (lat - origin.lat) * rad
  const dLng = (lng - origin.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(origin.lat * rad) * Math.cos(lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6_378_100 * Math.asin(Math.min(1, Math.sqrt(h)))
}

export function distanceText(m: number): string {
  return m < 1000 ? `${Math.max(10, Math.round(m / 10) * 10)} 米` : `${(m / 1000).toFixed(1)} 公里`
}

export interface RowContext {
  now: Date
  openid: string
  distanceM?: number
}

export function presentRow(doc: Doc, { now, openid, distanceM }: RowContext): TopicRow {
  const status = statusOf(doc.status)
  const place = (doc.place ?? null) as Doc | null
  const outcome = str((doc.answer as Doc | undefined)?.outcome)
  return {
    id: str(doc._id),
    title: str(doc.title),
    category: str(doc.category, 'other'),
    categoryLabel: str(doc.categoryLabel, '其他'),
    status,
    statusLabel: STATUS_LABEL[status],
    placeText: place ? str(place.text) || null : null,
    supportCount: Math.max(0, num(doc.supportCount)),
    commentCount: Math.max(0, num(doc.commentCount)),
    createdAt: isoOr(doc.createdAt, now),
    authorName: str(doc.authorName, '骑手朋友'),
    groupName: str(doc.groupName) || null,
    clock: clockOf(doc, now),
    answerRequired: doc.answerRequired === true,
    outcomeLabel: outcome in OUTCOME_LABEL ? OUTCOME_LABEL[outcome as keyof typeof OUTCOME_LABEL] : null,
    photoCount: num(doc.photoCount),
    distanceText: distanceM === undefined ? null : distanceText(distanceM),
    supported: Boolean(openid && mine(doc, 'supporters', openid)),
    hidden: doc.hidden === true,
  }
}

// ---- timeline ----------------------------------------------------------------------------------

export interface PhotoContext {
  /** Progress photos that passed their check (and still exist). */
  visible: Set<string>
  /** The caller may see photos still being checked (managers, the uploader). */
  seesPending: boolean
  urls: Map<string, string>
}

const kindOf = (v: unknown): TimelineKind => ((TIMELINE_KINDS as readonly string[]).includes(str(v)) ? (v as TimelineKind) : 'status')

export function presentTimeline(entries: unknown, photos: PhotoContext, now: Date): TopicDetail['timeline'] {
  const list = Array.isArray(entries) ? (entries as Doc[]) : []
  return list.map((e) => {
    const files = strings(e.photos)
    const shown = files.filter((f) => (photos.visible.has(f) || photos.seesPending) && photos.urls.has(f))
    const status = e.status ? statusOf(e.status) : null
    return {
      id: str(e.id),
      at: isoOr(e.at, now),
      kind: kindOf(e.kind),
      status,
      statusLabel: status ? STATUS_LABEL[status] : null,
      actor: str(e.actor, '系统'),
      text: str(e.text),
      photos: shown.map((f) => photos.urls.get(f) as string),
      photosPending: photos.seesPending ? files.filter((f) => !photos.visible.has(f)).length : 0,
    }
  })
}

/** All photo file ids the timeline names. */
export const timelinePhotos = (entries: unknown): string[] =>
  Array.isArray(entries) ? (entries as Partial<StoredEntry>[]).flatMap((e) => strings(e.photos)) : []

// ---- session, answer, withdrawal -------------------------------------------------------------------

export function presentSession(doc: Doc, now: Date, showCode: boolean): TopicDetail['session'] {
  const s = doc.session as Doc | null | undefined
  if (!s || !(s.at instanceof Date)) return null
  return {
    at: isoOr(s.at, now),
    place: str(s.place),
    seats: num(s.seats),
    signedUp: num(s.signedUp),
    seatsLeft: Math.max(0, num(s.seatsLeft)),
    checkedIn: num(s.checkedIn),
    code: showCode ? str(s.code) || null : null,
  }
}

export function presentAnswer(doc: Doc, now: Date): TopicDetail['answer'] {
  const a = doc.answer as Doc | null | undefined
  const outcome = str(a?.outcome)
  if (!a || !(outcome === 'adopted' || outcome === 'partial' || outcome === 'rejected')) return null
  return {
    outcome,
    outcomeLabel: OUTCOME_LABEL[outcome],
    reasoning: str(a.reasoning),
    responsible: str(a.responsible),
    at: isoOr(a.at, now),
    by: str(a.by),
  }
}

export function presentWithdrawal(doc: Doc): TopicDetail['withdrawal'] {
  const w = doc.withdrawal as Doc | null | undefined
  const kind = str(w?.kind)
  if (!w || !(kind === 'duplicate' || kind === 'not_feasible' || kind === 'solved')) return null
  const m = w.mergedInto as Doc | null | undefined
  return {
    kind,
    kindLabel: WITHDRAW_LABEL[kind],
    reason: str(w.reason),
    mergedInto: m ? { id: str(m.id), title: str(m.title) } : null,
  }
}

// ---- comments ------------------------------------------------------------------------------------

export const EDIT_WINDOW_MS = 10 * MINUTE_MS
const HIDDEN_TEXT = '这条评论被多人举报，正在等待联络员审核'

export function presentComment(doc: Doc, { openid, now }: { openid: string; now: Date }): CommentView {
  const stance = (['support', 'neutral', 'oppose'].includes(str(doc.stance)) ? doc.stance : 'neutral') as Stance
  const isMine = Boolean(openid) && doc.authorOpenid === openid
  const removed = doc.removedAt instanceof Date
  const hidden = !removed && doc.hidden === true
  const created = dateOrNull(doc.createdAt) ?? now
  const until = created.getTime() + EDIT_WINDOW_MS
  const role = str(doc.authorRole)
  let text = str(doc.text)
  if (removed) text = `这条评论已被删除：${str(doc.removedReason, '违反社区规范')}`
  else if (hidden && !isMine) text = HIDDEN_TEXT
  return {
    id: str(doc._id),
    parentId: str(doc.parentId) || null,
    authorName: removed && !isMine ? '—' : str(doc.authorName, '骑手朋友'),
    authorRole: role === 'liaison' || role === 'town' ? role : 'rider',
    stance,
    stanceLabel: STANCE_LABEL[stance],
    text,
    createdAt: isoOr(created, now),
    editedAt: iso(doc.editedAt),
    mine: isMine,
    editableUntil: isMine && !removed && !hidden && until > now.getTime() ? isoOr(new Date(until), now) : null,
    state: removed ? 'removed' : hidden ? 'hidden' : 'shown',
    reported: Boolean(openid && doc.reporters && typeof doc.reporters === 'object' && (doc.reporters as Doc)[openid]),
  }
}
