/**
 * The topics function's storage: its collections, loading a topic or a comment (NOT_FOUND when
 * missing), the town's configuration (categories, support threshold; kept a minute in the
 * container), and the per-person maps kept on a topic document.
 *
 * Per-person maps (`supporters`, `followers`, `signups`, `reporters`) are keyed by openid: a key
 * exists once, so "counted once however often it is sent" is one conditional update
 * (`where({ _id, 'supporters.<openid>': _.exists(false) }).update({ …, supportCount: _.inc(1) })`),
 * and a page learns "did I support it" by projecting its own key — no second query. The maps are
 * never answered to anyone. The durable per-rider records (topic_supports, topic_follows) make
 * "my followed topics" an indexed query.
 */
import { db, row } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { invalid, notFound } from '../_lib/errors'
import { type Doc, num, str } from '../_lib/values'

export const topics = () => db.collection(COLLECTION.topics)
export const comments = () => db.collection(COLLECTION.topic_comments)
export const supports = () => db.collection(COLLECTION.topic_supports)
export const follows = () => db.collection(COLLECTION.topic_follows)
export const configs = () => db.collection(COLLECTION.topic_config)

/** Openids as map keys: what WeChat issues ([A-Za-z0-9_-]); anything else is refused before a path is built. */
export function personKey(openid: string): string {
  if (!/^[\w-]{1,64}$/.test(openid)) throw invalid('无法识别你的身份，请在微信中重新打开小程序')
  return openid
}

/** The fields a list row needs (never the per-person maps), plus the caller's own entries. */
export function rowFields(openid: string): Record<string, true> {
  const f: Record<string, true> = {}
  for (const k of ROW_FIELDS) f[k] = true
  f['answer.outcome'] = true
  if (/^[\w-]{1,64}$/.test(openid)) f[`supporters.${openid}`] = true
  return f
}

const ROW_FIELDS = [
  'title',
  'category',
  'categoryLabel',
  'status',
  'place',
  'supportCount',
  'commentCount',
  'createdAt',
  'authorOpenid',
  'authorName',
  'groupId',
  'groupName',
  'dueAt',
  'originalDueDate',
  'answeredAt',
  'answerRequired',
  'photoCount',
  'hidden',
  'moderation',
]

const DETAIL_FIELDS = [
  ...ROW_FIELDS,
  'description',
  'photos',
  'pendingMedia',
  'followerCount',
  'stance',
  'threshold',
  'session',
  'answer',
  'withdrawal',
  'mergedFrom',
  'timeline',
  'moderationNote',
]

/** Everything a topic page shows (never the per-person maps or the search terms), plus the caller's own entries. */
export function detailFields(openid: string): Record<string, true> {
  const f: Record<string, true> = {}
  for (const k of DETAIL_FIELDS) f[k] = true
  if (/^[\w-]{1,64}$/.test(openid)) for (const m of PERSON_MAPS) f[`${m}.${openid}`] = true
  return f
}

export const PERSON_MAPS = ['supporters', 'followers', 'signups', 'reporters'] as const

/** The caller's entry of a per-person map on a (projected) topic, or undefined. */
export function mine<T = Doc>(doc: Doc, map: (typeof PERSON_MAPS)[number], openid: string): T | undefined {
  const m = doc[map]
  return m && typeof m === 'object' ? ((m as Doc)[openid] as T | undefined) : undefined
}

export async function topicById(topicId: string, fields?: Record<string, boolean>): Promise<Doc> {
  const q = topics().where({ _id: topicId })
  const doc = await row(fields ? q.field(fields) : q)
  if (!doc || doc.moderation === 'purged') throw notFound('没有找到这个议题')
  return doc
}

export async function commentById(commentId: string): Promise<Doc> {
  const doc = await row(comments().where({ _id: commentId }))
  if (!doc) throw notFound('没有找到这条评论')
  return doc
}

// ---- configuration --------------------------------------------------------------------------------

export interface Category {
  key: string
  label: string
  active: boolean
}

export interface TopicConfig {
  categories: Category[]
  supportThreshold: number
}

/** The categories the issue names; the town edits the list (topics.updateTopicConfig). */
export const DEFAULT_CATEGORIES: Category[] = [
  { key: 'traffic', label: '通行', active: true },
  { key: 'parking', label: '停车/充电', active: true },
  { key: 'parcel', label: '快递存放', active: true },
  { key: 'safety', label: '安全', active: true },
  { key: 'rights', label: '权益', active: true },
  { key: 'other', label: '其他', active: true },
]
export const DEFAULT_THRESHOLD = 10
export const CONFIG_ID = 'current'

let cached: { at: number; config: TopicConfig } | null = null
const CACHE_MS = 60_000

export function parseConfig(doc: Doc | null): TopicConfig {
  const list = Array.isArray(doc?.categories) ? (doc?.categories as Doc[]) : null
  const categories = list
    ? list.map((c) => ({ key: str(c.key), label: str(c.label), active: c.active !== false })).filter((c) => c.key && c.label)
    : DEFAULT_CATEGORIES
  return { categories, supportThreshold: Math.max(2, num(doc?.supportThreshold, DEFAULT_THRESHOLD)) }
}

/** The configuration (one read, then kept a minute in this container; `fresh` reads it again). */
export async function loadConfig(now: Date, fresh = false): Promise<TopicConfig> {
  if (!fresh && cached && now.getTime() - cached.at < CACHE_MS && now.getTime() >= cached.at) return cached.config
  const config = parseConfig(await row(configs().where({ _id: CONFIG_ID })))
  cached = { at: now.getTime(), config }
  return config
}

export function rememberConfig(config: TopicConfig, now: Date): void {
  cached = { at: now.getTime(), config }
}

export function categoryLabel(config: TopicConfig, key: string): string {
  return config.categories.find((c) => c.key === key)?.label ?? '其他'
}
