/**
 * Browsing topics, paged on the server with a cursor: by status (or 未结束 / 已逾期), category,
 * newest, most supported, soonest due, near me; search by words; my topics, followed topics.
 * At most two database requests per page: the page itself (one query; "did I support it" comes
 * with each row through a projection of the caller's own key) and, on a first page, the categories
 * (kept a minute in the container). Followed topics: the follow records, then the topics.
 */
import { AWAITING_ANSWER, LIVE_STATUSES } from '../../_domain/topic-status'
import { _, db, rows } from '../../_lib/cloud'
import type { InputOf } from '../../_lib/contract'
import { invalid } from '../../_lib/errors'
import { actionsOf } from '../../_lib/router'
import { isoShanghai } from '../../_lib/time'
import { type Doc, num, str } from '../../_lib/values'
import { type TopicList, topicsContract } from '../contract'
import { decodeCursor, encodeCursor, type Position } from '../cursor'
import { metresTo, presentRow } from '../present'
import { follows, loadConfig, rowFields, topics } from '../store'
import { queryTerms } from '../terms'

const act = actionsOf(topicsContract)

type Input = InputOf<(typeof topicsContract)['listTopics']>

/** The filter of a list: visibility, status, category, words, whose. */
export function listWhere(input: Pick<Input, 'status' | 'category' | 'q' | 'scope' | 'sort'>, openid: string, now: Date): Doc {
  const where: Doc = { moderation: _.neq('removed') }
  if (input.scope === 'mine') where.authorOpenid = openid
  else where.hidden = false
  const awaiting = [...AWAITING_ANSWER]
  if (input.status === 'live') where.status = _.in([...LIVE_STATUSES])
  else if (input.status === 'overdue') Object.assign(where, { status: _.in(awaiting), dueAt: _.lte(now) })
  else if (input.status) where.status = input.status
  if (input.sort === 'due' && !input.status) where.status = _.in(awaiting)
  if (input.sort === 'due' && input.status && !['overdue', ...awaiting].includes(input.status))
    throw invalid('按答复期限排序只适用于已受理、议事中的议题', { field: 'sort' })
  if (input.category) where.category = input.category
  if (input.q) {
    const terms = queryTerms(input.q)
    if (!terms.length) throw invalid('请输入要搜索的字词', { field: 'q' })
    where.terms = _.all(terms)
  }
  return where
}

type Sort = 'newest' | 'supported' | 'due'

const ORDER: Record<Sort, [string, 'asc' | 'desc'][]> = {
  newest: [
    ['createdAt', 'desc'],
    ['_id', 'desc'],
  ],
  supported: [
    ['supportCount', 'desc'],
    ['createdAt', 'desc'],
    ['_id', 'desc'],
  ],
  due: [
    ['dueAt', 'asc'],
    ['_id', 'asc'],
  ],
}

/** Rows strictly after the cursor in the sort's order. */
function after(sort: Sort, p: Position): unknown {
  const t = (ms: number) => new Date(ms)
  if (sort === 'newest') return _.or([{ createdAt: _.lt(t(p.v)) }, { createdAt: t(p.v), _id: _.lt(p.id) }])
  if (sort === 'due') return _.or([{ dueAt: _.gt(t(p.v)) }, { dueAt: t(p.v), _id: _.gt(p.id) }])
  const w = p.w ?? 0
  return _.or([
    { supportCount: _.lt(p.v) },
    { supportCount: p.v, createdAt: _.lt(t(w)) },
    { supportCount: p.v, createdAt: t(w), _id: _.lt(p.id) },
  ])
}

function positionOf(sort: Sort, d: Doc): Position {
  const ms = (v: unknown) => (v instanceof Date ? v.getTime() : 0)
  if (sort === 'newest') return { v: ms(d.createdAt), id: str(d._id) }
  if (sort === 'due') return { v: ms(d.dueAt), id: str(d._id) }
  return { v: num(d.supportCount), w: ms(d.createdAt), id: str(d._id) }
}

export const listTopics = act('listTopics', {
  summary: '议题列表（服务端分页）：按状态 / 分类筛选，最新、支持最多、答复期限最近、离我近排序，按字词搜索，我提的、我关注的',
  roles: ['anyone'],
  openidOnly: true,
  async handler(input, { caller, now }): Promise<TopicList> {
    const { openid } = caller
    const limit = input.limit ?? 20
    const first = !input.cursor && (input.scope ?? 'all') === 'all'
    const [page, config] = await Promise.all([pageOf(input, openid, now, limit), first ? loadConfig(now) : Promise.resolve(null)])
    return {
      now: isoShanghai(now),
      topics: page.rows.map((d) => presentRow(d, { now, openid, distanceM: typeof d.distance === 'number' ? d.distance : undefined })),
      cursor: page.cursor,
      categories: config ? config.categories : null,
      note: input.sort === 'near' ? '只列出标了地图位置的议题，由近到远' : null,
    }
  },
})

interface Page {
  rows: Doc[]
  cursor: string | null
}

async function pageOf(input: Input, openid: string, now: Date, limit: number): Promise<Page> {
  if (input.scope === 'followed') return followedPage(input, openid, now, limit)
  if (input.sort === 'near') return nearPage(input, openid, now, limit)
  const sort: Sort = input.sort === 'supported' || input.sort === 'due' ? input.sort : 'newest'
  const where = listWhere(input, openid, now)
  const pos = decodeCursor(input.cursor)
  let q = topics().where(pos ? (_.and([where, after(sort, pos)]) as unknown as Doc) : where)
  for (const [field, dir] of ORDER[sort]) q = q.orderBy(field, dir)
  const found = await rows(q.limit(limit + 1).field(rowFields(openid)))
  const more = found.length > limit
  const page = found.slice(0, limit)
  return { rows: page, cursor: more ? encodeCursor(positionOf(sort, page[page.length - 1])) : null }
}

/**
 * Nearest first (topics with a map point): one query with a geoNear condition (the database sorts by
 * distance); the distance shown is computed from the stored point. The cursor is the last distance
 * and the ids seen within a metre of it, so ties and rounding never skip or repeat a topic.
 */
async function nearPage(input: Input, openid: string, now: Date, limit: number): Promise<Page> {
  const origin = input.near
  if (!origin) throw invalid('按离我近排序需要你的位置', { field: 'near' })
  const pos = decodeCursor(input.cursor)
  const geometry = new db.Geo.Point(origin.lng, origin.lat)
  const where: Doc = {
    ...listWhere(input, openid, now),
    location: _.geoNear({ geometry, ...(pos ? { minDistance: Math.max(0, pos.v - 1) } : {}) }),
    ...(pos?.seen?.length ? { _id: _.nin(pos.seen) } : {}),
  }
  const found = await rows(
    topics()
      .where(where)
      .field({ ...rowFields(openid), location: true })
      .limit(limit + 1),
  )
  const page = found.slice(0, limit).map((d): Doc => ({ ...d, distance: metresTo(origin, d.location) }))
  if (found.length <= limit || !page.length) return { rows: page, cursor: null }
  const last = num(page[page.length - 1].distance)
  const near = page.filter((d) => num(d.distance) >= last - 1).map((d) => str(d._id))
  const seen = pos && last - 1 <= pos.v ? [...(pos.seen ?? []), ...near] : near
  return { rows: page, cursor: encodeCursor({ v: last, id: str(page[page.length - 1]._id), seen: seen.slice(-50) }) }
}

/** Topics I follow, most recently followed first: the follow records (indexed), then those topics. */
async function followedPage(input: Input, openid: string, now: Date, limit: number): Promise<Page> {
  const pos = decodeCursor(input.cursor)
  const mineOnly = { openid, active: true }
  const cond = pos ? _.and([mineOnly, _.or([{ at: _.lt(new Date(pos.v)) }, { at: new Date(pos.v), _id: _.lt(pos.id) }])]) : mineOnly
  const recs = await rows(
    follows()
      .where(cond)
      .orderBy('at', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 1),
  )
  const more = recs.length > limit
  const page = recs.slice(0, limit)
  if (!page.length) return { rows: [], cursor: null }
  const where = { ...listWhere({ ...input, scope: 'all' }, openid, now), _id: _.in(page.map((r) => str(r.topicId))) }
  const found = await rows(topics().where(where).field(rowFields(openid)).limit(limit))
  const byId = new Map(found.map((d) => [str(d._id), d]))
  const ordered = page.map((r) => byId.get(str(r.topicId))).filter((d): d is Doc => Boolean(d))
  const last = page[page.length - 1]
  return { rows: ordered, cursor: more ? encodeCursor({ v: (last.at as Date).getTime(), id: str(last._id) }) : null }
}
