/**
 * Browsing through the local cloud: filters (status, 未结束, 已逾期, category), sorts (newest, most
 * supported, soonest due, near me) paged by cursor with no topic twice and none missed, search by
 * words in Chinese, my topics and followed topics, the categories on a first page; the town's
 * configuration (categories renamed on their topics, never deleted; the threshold) and the public
 * summary per month and category.
 */
import { businessDate } from '../../cloudfunctions/_lib/time'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { advance, auditOf, code, data, freshAuthor, GROUP, moves, RIDER, RIDER2, raise, T, TOWN, topicDoc, VISITOR } from './topics-helpers'

type ListParams = Parameters<TestCloud['call']> extends [unknown, unknown, infer P, ...unknown[]] ? P : never

describe('topics: browsing', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo' })
    // 57 more topics, with points, supports and times that tie, straight into the database
    const base = topicDoc(cloud, T.charging)
    const now = Date.now()
    cloud.db.insert(
      'topics',
      Array.from({ length: 57 }, (_v, i) => ({
        ...base,
        _id: `tp-list-${String(i).padStart(2, '0')}`,
        title: `列表测试议题 ${i}`,
        terms: ['列表', '测试', i % 3 === 0 ? '充电' : '停车'],
        category: i % 2 ? 'parking' : 'safety',
        categoryLabel: i % 2 ? '停车/充电' : '安全',
        supportCount: i % 7,
        supporters: {},
        answerRequired: false,
        status: i % 5 === 0 ? 'done' : 'submitted',
        createdAt: new Date(now - 3_600_000 - Math.floor(i / 3) * 60_000), // threes share a time
        location: { type: 'Point', coordinates: [121.57 + (i % 10) * 0.001, 31.12 + Math.floor(i / 10) * 0.001] },
        place: { text: `测试地点 ${i}`, point: null },
        timeline: [],
        authorOpenid: 'o-list-author',
      })),
    )
  })
  afterAll(() => cloud.stop())

  async function all(params: ListParams, openid: string = RIDER, limit = 7) {
    const ids: string[] = []
    let cursor: string | null | undefined
    let pages = 0
    do {
      const page = data(
        await cloud.call('topics', 'listTopics', { ...(params as object), limit, ...(cursor ? { cursor } : {}) }, { openid }),
      )
      ids.push(...page.topics.map((t) => t.id))
      cursor = page.cursor
      pages++
    } while (cursor && pages < 50)
    return ids
  }

  const visible = () => cloud.db.find('topics', { hidden: false, moderation: { $ne: 'removed' } }, { limit: 1000 })

  test('newest first, paged: every topic once, in order, ties broken by id', async () => {
    const ids = await all({})
    expect(new Set(ids).size).toBe(ids.length)
    const want = visible()
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1))
      .map((d) => d._id)
    expect(ids).toEqual(want)
    const first = data(await cloud.call('topics', 'listTopics', {}, { openid: VISITOR }))
    expect(first.categories?.map((c) => c.label)).toEqual(['通行', '停车/充电', '快递存放', '安全', '权益', '其他'])
    const second = data(await cloud.call('topics', 'listTopics', { cursor: first.cursor as string }, { openid: VISITOR }))
    expect(second.categories).toBeNull()
  })

  test('most supported, soonest due, by status and category: paged completely', async () => {
    const supported = await all({ sort: 'supported' })
    const counts = supported.map((id) => topicDoc(cloud, id).supportCount)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    expect(new Set(supported).size).toBe(visible().length)
    const safety = await all({ category: 'safety', status: 'submitted' })
    expect(safety.sort()).toEqual(
      visible()
        .filter((d) => d.category === 'safety' && d.status === 'submitted')
        .map((d) => d._id)
        .sort(),
    )
    const live = await all({ status: 'live' })
    expect(live.every((id) => !['done', 'withdrawn'].includes(topicDoc(cloud, id).status))).toBe(true)
    const due = data(await cloud.call('topics', 'listTopics', { sort: 'due' }, { openid: RIDER })).topics
    expect(due.map((t) => t.id)).toEqual([T.toilet, T.ebikeBan])
    expect(due[0].clock.state).toBe('overdue')
    expect(code(await cloud.call('topics', 'listTopics', { sort: 'due', status: 'done' }, { openid: RIDER }))).toBe('INVALID_ARGUMENT')
  })

  test('near me: nearest first, only topics with a point, paged through ties', async () => {
    const near = { lat: 31.12, lng: 121.57 }
    const ids = await all({ sort: 'near', near }, RIDER, 6)
    const withPoint = visible().filter((d) => d.location)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.sort()).toEqual(withPoint.map((d) => d._id).sort())
    const page = data(await cloud.call('topics', 'listTopics', { sort: 'near', near, limit: 3 }, { openid: RIDER }))
    expect(page.topics[0]).toMatchObject({ id: 'tp-list-00', distanceText: '10 米' })
    expect(page.note).toBe('只列出标了地图位置的议题，由近到远')
    expect(code(await cloud.call('topics', 'listTopics', { sort: 'near' }, { openid: RIDER }))).toBe('INVALID_ARGUMENT')
  })

  test('search by words: all terms must be found; one character works; nothing found is an empty list', async () => {
    const ebike = data(await cloud.call('topics', 'listTopics', { q: '电动车 小区' }, { openid: VISITOR })).topics.map((t) => t.id)
    expect(ebike).toEqual([T.ebikeBan])
    expect(data(await cloud.call('topics', 'listTopics', { q: '厕所' }, { openid: VISITOR })).topics.map((t) => t.id)).toEqual([T.toilet])
    expect(data(await cloud.call('topics', 'listTopics', { q: '灯' }, { openid: VISITOR })).topics.map((t) => t.id)).toEqual([T.nightLight])
    const charging = await all({ q: '充电' })
    expect(charging.sort()).toEqual(
      visible()
        .filter((d) => d.terms.includes('充电'))
        .map((d) => d._id)
        .sort(),
    )
    expect(charging).toHaveLength(19)
    expect(data(await cloud.call('topics', 'listTopics', { q: '火星基地' }, { openid: VISITOR })).topics).toEqual([])
    expect(code(await cloud.call('topics', 'listTopics', { q: '！？' }, { openid: VISITOR }))).toBe('INVALID_ARGUMENT')
  })

  test('mine and followed; bad cursors and limits are refused', async () => {
    const author = freshAuthor(cloud)
    const a = await raise(cloud, author, { title: '我提的第一个议题' })
    const b = await raise(cloud, author, { title: '我提的第二个议题' })
    expect(data(await cloud.call('topics', 'listTopics', { scope: 'mine' }, { openid: author })).topics.map((t) => t.id)).toEqual([b, a])
    expect(data(await cloud.call('topics', 'listTopics', { scope: 'mine' }, { openid: VISITOR })).topics).toEqual([])
    for (const id of [T.ebikeBan, a, T.parcel]) data(await cloud.call('topics', 'follow', { topicId: id }, { openid: RIDER2 }))
    const followed = await all({ scope: 'followed' }, RIDER2, 2)
    expect(followed).toEqual(expect.arrayContaining([T.ebikeBan, a, T.parcel]))
    expect(new Set(followed).size).toBe(followed.length)
    for (const bad of [
      { cursor: 'abc' },
      { cursor: Buffer.from('{"v":"x"}').toString('base64url') },
      { limit: 0 },
      { limit: 31 },
      { sort: 'random' },
      { scope: 'everyone' },
    ])
      expect(code(await cloud.raw('topics', { action: 'listTopics', ...bad }, { openid: RIDER }))).toBe('INVALID_ARGUMENT')
  })
})

describe('topics: the town configuration and summary', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo' })
  })
  afterAll(() => cloud.stop())

  test('town renames, adds and stops categories (renamed on their topics); never deletes; riders and liaisons cannot', async () => {
    const cfg = data(await cloud.call('topics', 'getTopicConfig', {}, { openid: VISITOR }))
    const next = [
      ...cfg.categories.map((c) => (c.key === 'traffic' ? { ...c, label: '通行进出' } : c.key === 'rights' ? { ...c, active: false } : c)),
      { label: '用餐', active: true },
    ]
    expect(code(await cloud.call('topics', 'updateTopicConfig', { categories: next }, { openid: DEMO_LIAISON }))).toBe('PERMISSION_DENIED')
    expect(code(await cloud.call('topics', 'updateTopicConfig', { categories: next }, { openid: RIDER }))).toBe('PERMISSION_DENIED')
    const after = data(await cloud.call('topics', 'updateTopicConfig', { categories: next }, { openid: TOWN }))
    const meal = after.categories.find((c) => c.label === '用餐')
    expect(meal?.key).toMatch(/^c_[a-z0-9]+$/)
    expect(topicDoc(cloud, T.ebikeBan).categoryLabel).toBe('通行进出')
    expect(
      code(
        await cloud.call(
          'topics',
          'createTopic',
          { title: '权益分类停用了', description: '这个分类已经停用了，不能再选', category: 'rights', requestId: 'req-rights-stopped' },
          { openid: RIDER },
        ),
      ),
    ).toBe('INVALID_ARGUMENT')
    data(
      await cloud.call(
        'topics',
        'createTopic',
        { title: '食堂排队太久', description: '中午十二点排队要二十分钟', category: meal?.key as string, requestId: 'req-meal-new' },
        { openid: RIDER },
      ),
    )
    const dropped = next.filter((c) => !('key' in c) || c.key !== 'other')
    expect(code(await cloud.call('topics', 'updateTopicConfig', { categories: dropped }, { openid: TOWN }))).toBe('INVALID_ARGUMENT')
    const none = after.categories.map((c) => ({ ...c, active: false }))
    expect(code(await cloud.call('topics', 'updateTopicConfig', { categories: none }, { openid: TOWN }))).toBe('INVALID_ARGUMENT')
    expect(code(await cloud.call('topics', 'updateTopicConfig', { supportThreshold: 1 }, { openid: TOWN }))).toBe('INVALID_ARGUMENT')
    expect(
      code(
        await cloud.call(
          'topics',
          'updateTopicConfig',
          { categories: [...after.categories, { label: '刷单', active: true }] },
          { openid: TOWN },
        ),
      ),
    ).toBe('CONTENT_REJECTED')
    expect(auditOf(cloud, { action: 'updateTopicConfig', scopeKind: 'town', outcome: 'applied' })).toHaveLength(1)
    expect(
      auditOf(cloud, { action: 'updateTopicConfig', outcome: 'denied' })
        .map((e) => e.actorOpenid)
        .sort(),
    ).toEqual([DEMO_LIAISON, RIDER].sort())
  })

  test('the summary: raised → accepted → answered → done per month and category; on time, overdue now, median days', async () => {
    const id = await raise(cloud, freshAuthor(cloud), { title: '汇总测试：新议题', category: 'safety' })
    await advance(cloud, [moves.accept(id), moves.deliberate(id), moves.answer(id)])
    const s = data(await cloud.call('topics', 'townSummary', { months: 3 }, { openid: VISITOR }))
    const month = businessDate(new Date()).slice(0, 7)
    expect(s.months).toHaveLength(3)
    expect(s.months[2]).toBe(month)
    const row = s.rows.find((r) => r.month === month && r.category === 'safety')
    expect(row).toMatchObject({ categoryLabel: '安全', raised: 1, accepted: 1, answered: 1, answeredOnTime: 1, done: 0 })
    const inMonths = cloud.db.find('topics', { monthKey: { $in: s.months } })
    expect(s.totals.raised).toBe(inMonths.length)
    expect(s.totals.overdueNow).toBe(1) // 秀沿路的厕所
    expect(s.totals.withdrawn).toBe(1)
    expect(s.totals.medianDaysToAnswer).not.toBeNull()
    expect(s.shareTitle).toMatch(/^近 3 个月：小哥提出 \d+ 件，已答复 \d+ 件，已办结 \d+ 件$/)
    const kangqiao = data(await cloud.call('topics', 'townSummary', { groupId: 'grp-kangqiao' }, { openid: VISITOR }))
    expect(kangqiao.totals).toMatchObject({ raised: 1, overdueNow: 1 })
    expect(
      data(await cloud.call('topics', 'townSummary', { groupId: GROUP, months: 12 }, { openid: VISITOR })).totals.raised,
    ).toBeGreaterThan(4)
  })
})

const DEMO_LIAISON = 'o-demo-liaison-li'
