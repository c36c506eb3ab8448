/**
 * Raising a topic: similar open topics first (same category and nearby, or a similar title — so a
 * rider can support one instead), then the topic itself — verified riders only, texts and photos
 * content-checked before anything is stored, once per client requestId, at most 5 a day. The
 * liaison (or town) may also raise one from a group's question (`fromQuestionId`, see
 * ../from-question.ts): once per question, in the question's group, the asker left out.
 */
import { LIVE_STATUSES, STATUS_LABEL, statusOf } from '../../_domain/topic-status'
import type { Caller } from '../../_lib/caller'
import { _, db, row, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { checkTexts, recordMediaChecks, startMediaChecks } from '../../_lib/content'
import type { InputOf } from '../../_lib/contract'
import { denied, exhausted, invalid } from '../../_lib/errors'
import { assertOwnFiles } from '../../_lib/files'
import { hashToken } from '../../_lib/ids'
import { notify } from '../../_lib/notify'
import { displayName } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { businessDate, dayStart } from '../../_lib/time'
import { type Doc, isDuplicateKey, num, str } from '../../_lib/values'
import { topicsContract } from '../contract'
import { linkQuestion, type QuestionSource, questionSource, topicIdOfQuestion } from '../from-question'
import { entry } from '../lifecycle'
import { followerEntry } from '../membership'
import { actorOf, type GroupInfo, groupInfo } from '../people'
import { distanceText, metresTo } from '../present'
import { categoryLabel, loadConfig, personKey, type TopicConfig, topics } from '../store'
import { clip, topicPage } from '../tell'
import { overlap, searchTerms, titleBigrams } from '../terms'

const act = actionsOf(topicsContract)

export const MAX_TOPICS_PER_DAY = 5
/** How near counts as "the same place" for a suggestion. */
const NEAR_M = 800

export const createTopic = act('createTopic', {
  summary:
    '认证小哥提出议题（标题、情况、分类、地点、照片）；文字和照片经内容安全检查，同一 requestId 只建一次，每人每天最多 5 个。' +
    '带 fromQuestionId：本群联络员或镇里把微阵地的问题转为议题（一个问题只转一次，已转过就返回原议题）',
  roles: ['rider', 'liaison', 'town'],
  errors: ['CONTENT_REJECTED', 'RESOURCE_EXHAUSTED', 'NOT_FOUND'],
  async handler(input, ctx) {
    const { caller, now } = ctx
    const { openid } = caller
    const source = input.fromQuestionId ? await questionSource(input.fromQuestionId, caller) : null
    if (!source && !(caller.roles.includes('rider') && caller.verified)) throw denied('认证成为小哥后才能提议题')
    if (source?.topicId) return existing(source.topicId, source)
    const config = await loadConfig(now)
    if (!config.categories.some((c) => c.key === input.category && c.active)) throw invalid('分类不正确，请重新选择', { field: 'category' })
    // one topic per client request (the id derived from the author and the requestId), or per question
    const id = source ? topicIdOfQuestion(source.id) : `tp-${hashToken(`${openid}|${input.requestId}`).slice(0, 24)}`
    const earlier = await row(topics().where({ _id: id }).field({ status: true }))
    if (earlier) return existing(str(earlier._id), source)
    const today = await topics()
      .where({ authorOpenid: openid, createdAt: _.gte(new Date(dayStart(now))) })
      .count()
    if (num((today as { total?: number }).total) >= MAX_TOPICS_PER_DAY)
      throw exhausted(`每人每天最多提 ${MAX_TOPICS_PER_DAY} 个议题，明天再来吧`)
    const photos = input.photos ?? []
    assertOwnFiles(photos, { openid, purpose: 'topics', field: 'photos' })
    await checkTexts({ title: input.title, description: input.description, place: input.place?.text }, { openid, scene: 'forum' })
    const started = await startMediaChecks(photos, { openid, scene: 'forum' })
    const group = await groupInfo(source ? source.groupId : caller.currentGroupId)
    const data = topicRecord({ id, input, config, caller, group, source, started: started.map((x) => x.fileId), now })
    try {
      await topics().add({ data })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      // the same request (or question), sent twice at once: the other one stored it
      const first = await row(topics().where({ _id: id }).field({ status: true }))
      if (first) return existing(str(first._id), source)
      throw err
    }
    await recordMediaChecks(started, { collection: COLLECTION.topics, id, field: 'photos', author: openid }, now)
    if (source) await linkQuestion(source.id, id)
    if (group?.liaisonOpenid) {
      await notify(
        {
          to: group.liaisonOpenid,
          title: '新议题待受理',
          text: `${group.name}有新议题：《${clip(input.title, 30)}》，请受理并定答复期限`,
          page: topicPage(id),
        },
        now,
      ).catch((err: unknown) => console.warn('[topics] telling the liaison failed', err))
    }
    return { id, created: true, status: 'submitted' as const }
  },
})

/** A topic stored before (this request's or the question's): linked to the question if it came from one. */
async function existing(topicId: string, source: QuestionSource | null) {
  const id = source ? await linkQuestion(source.id, topicId) : topicId
  const doc = await row(topics().where({ _id: id }).field({ status: true }))
  return { id, created: false, status: statusOf(doc?.status) }
}

interface NewTopic {
  id: string
  input: InputOf<(typeof topicsContract)['createTopic']>
  config: TopicConfig
  caller: Caller
  group: GroupInfo | null
  /** the question it was raised from (its group's liaison or town raising it), or null */
  source: QuestionSource | null
  /** the photos whose content check started (hidden from others until it passes) */
  started: string[]
  now: Date
}

/** The stored topic: its content, an empty timeline but for 提出议题, zero counts, the author following it. */
function topicRecord({ id, input, config, caller, group, source, started, now }: NewTopic): Doc {
  const { openid } = caller
  const photos = input.photos ?? []
  const place = input.place ? { text: input.place.text, point: input.place.point ?? null } : null
  return {
    _id: id,
    title: input.title,
    description: input.description,
    category: input.category,
    categoryLabel: categoryLabel(config, input.category),
    place,
    ...(input.place?.point ? { location: new db.Geo.Point(input.place.point.lng, input.place.point.lat) } : {}),
    photos,
    pendingMedia: started,
    photoCount: photos.length,
    progressPhotos: [],
    authorOpenid: openid,
    authorName: displayName(caller.profile),
    groupId: group?.id ?? null,
    groupName: group?.name ?? null,
    // the question's id and group only: the asker stays anonymous
    fromQuestion: source ? { id: source.id, groupId: source.groupId } : null,
    status: 'submitted',
    timeline: [entry('raised', 'submitted', actorOf(caller), '提出议题', now)],
    supporters: {},
    supportCount: 0,
    threshold: config.supportThreshold,
    answerRequired: false,
    followers: { [personKey(openid)]: followerEntry(now, input.accepted) },
    followerCount: 0,
    commentCount: 0,
    stance: { support: 0, neutral: 0, oppose: 0 },
    signups: {},
    reporters: {},
    reportCount: 0,
    openReports: 0,
    hidden: false,
    moderation: 'none',
    dueAt: null,
    dueDate: null,
    originalDueDate: null,
    overdueMarkedAt: null,
    answeredAt: null,
    session: null,
    answer: null,
    withdrawal: null,
    mergedFrom: [],
    terms: searchTerms(input.title, input.description, input.place?.text ?? ''),
    titleTerms: titleBigrams(input.title),
    monthKey: businessDate(now).slice(0, 7),
    createdAt: now,
    updatedAt: now,
  }
}

export const suggestSimilar = act('suggestSimilar', {
  summary: '提议题前：还在办理的相似议题（同类且在附近，或标题相近），小哥可以直接去支持',
  roles: ['anyone'],
  openidOnly: true,
  async handler(input) {
    const base = { status: _.in([...LIVE_STATUSES]), hidden: false, moderation: _.neq('removed') }
    const bigrams = titleBigrams(input.title)
    const [near, worded] = await Promise.all([
      input.category && input.point ? nearby(input.point, { ...base, category: input.category }) : Promise.resolve([]),
      bigrams.length
        ? rows(
            topics()
              .where({ ...base, titleTerms: _.in(bigrams) })
              .field({ title: true, status: true, supportCount: true, titleTerms: true, category: true })
              .orderBy('supportCount', 'desc')
              .limit(60),
          )
        : Promise.resolve([]),
    ])
    const out = near.map((d) => ({ doc: d, score: 2, why: `同类，相距 ${distanceText(num(d.distance))}` }))
    for (const d of worded) {
      if (out.some((o) => o.doc._id === d._id)) continue
      const { shared, share } = overlap(bigrams, Array.isArray(d.titleTerms) ? (d.titleTerms as string[]) : [])
      const same = input.category && d.category === input.category
      if (shared >= 2 && (share >= 0.4 || (same && share >= 0.3)))
        out.push({ doc: d, score: share + (same ? 0.2 : 0), why: same ? '同类，标题相近' : '标题相近' })
    }
    out.sort((a, b) => b.score - a.score || num(b.doc.supportCount) - num(a.doc.supportCount))
    return {
      similar: out.slice(0, 5).map(({ doc, why }) => ({
        id: str(doc._id),
        title: str(doc.title),
        statusLabel: STATUS_LABEL[statusOf(doc.status)],
        supportCount: num(doc.supportCount),
        why,
      })),
    }
  },
})

/** Topics within NEAR_M of the point, nearest first (one query; the distance computed from the stored point). */
async function nearby(point: { lat: number; lng: number }, query: Doc): Promise<Doc[]> {
  const geometry = new db.Geo.Point(point.lng, point.lat)
  const found = await rows(
    topics()
      .where({ ...query, location: _.geoNear({ geometry, maxDistance: NEAR_M }) })
      .field({ title: true, status: true, supportCount: true, location: true })
      .limit(5),
  )
  return found.map((d) => ({ ...d, distance: metresTo(point, d.location) }))
}
