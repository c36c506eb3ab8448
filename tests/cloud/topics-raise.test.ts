/**
 * Raising a topic through the gateway → topics function → wx-server-sdk → local cloud: a verified
 * rider's topic is stored with its group, category and search words and the liaison is told;
 * visitors are refused; bad input and rejected content change nothing; a retried requestId answers
 * the first topic (also when sent at once); five a day; photos only from the rider's own topics
 * folder, shown to others after their content check; similar open topics suggested before posting.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import {
  code,
  DEMO,
  data,
  deliverVerdict,
  fileExists,
  GROUP,
  LIAISON,
  makeRiders,
  RIDER,
  RIDER2,
  raise,
  requestId,
  snapshot,
  T,
  TOWN,
  topicDoc,
  uploadOwn,
  uploadTo,
  VISITOR,
  withOpenapiDown,
} from './topics-helpers'

const base = { title: '沪南公路路口没有红绿灯', description: '这个路口车多，骑手过马路很危险，希望装一个红绿灯。', category: 'traffic' }

describe('topics: raising a topic', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo' })
  })
  afterAll(() => cloud.stop())

  test('a verified rider raises a topic: stored with its group and words, the author follows it, the liaison is told', async () => {
    const place = { text: '沪南公路周园路口', point: { lat: 31.1139, lng: 121.5654 } }
    const r = data(await cloud.call('topics', 'createTopic', { ...base, requestId: requestId(), place }, { openid: RIDER }))
    expect(r).toMatchObject({ created: true, status: 'submitted' })
    const doc = topicDoc(cloud, r.id)
    expect(doc).toMatchObject({
      title: base.title,
      category: 'traffic',
      categoryLabel: '通行',
      groupId: GROUP,
      groupName: '周浦万达骑手之家群',
      authorOpenid: RIDER,
      authorName: '张伟',
      supportCount: 0,
      threshold: 10,
      place: { text: place.text, point: place.point },
      location: { type: 'Point', coordinates: [121.5654, 31.1139] },
    })
    expect(doc.terms).toEqual(expect.arrayContaining(['红绿', '路口', '灯']))
    expect(Object.keys(doc.followers)).toEqual([RIDER])
    expect(doc.timeline).toEqual([expect.objectContaining({ kind: 'raised', status: 'submitted', actor: '张伟', text: '提出议题' })])
    const told = cloud.db.find('notifications', { openid: LIAISON, title: '新议题待受理' })
    expect(told.map((n) => n.text)).toEqual([`周浦万达骑手之家群有新议题：《${base.title}》，请受理并定答复期限`])
    // anyone reads it, on the list and in full
    const page = data(await cloud.call('topics', 'getTopic', { topicId: r.id }, { openid: 'o-someone-new' }))
    expect(page).toMatchObject({ title: base.title, statusLabel: '已提交', place: { text: place.text }, me: { canSupport: false } })
    expect(page.me.why).toMatch(/认证/)
  })

  test('visitors, staff and a rider whose verification is gone cannot raise one; nothing stored', async () => {
    const revoked = 'o-raise-revoked'
    cloud.db.insert('users', [
      { _id: revoked, nickname: '老骑手', roles: ['rider'], groupIds: [GROUP], verification: 'rejected', createdAt: new Date() },
    ])
    const before = snapshot(cloud)
    for (const openid of [VISITOR, 'o-raise-newcomer', DEMO.staff.station, revoked, LIAISON]) {
      const r = await cloud.call('topics', 'createTopic', { ...base, requestId: requestId() }, { openid })
      expect([openid, code(r)]).toEqual([openid, 'PERMISSION_DENIED'])
    }
    expect(snapshot(cloud)).toBe(before)
  })

  test('bad input: empty or over-long texts, unknown category, bad request id, foreign photos — INVALID_ARGUMENT, nothing stored', async () => {
    const othersPhoto = await uploadOwn(cloud, RIDER2, 'topics')
    const wrongFolder = await uploadOwn(cloud, RIDER, 'reports')
    const noFolder = await uploadTo(cloud, RIDER, null) // uploads/<openid>/…, not a topics photo
    // another rider's topics folder cannot even be written (the storage security rule)
    await expect(uploadTo(cloud, RIDER, `topics/${RIDER2}/mine.png`)).rejects.toThrow(/storage security rule/)
    const before = snapshot(cloud)
    const bad: Record<string, unknown>[] = [
      { ...base, title: '' },
      { ...base, title: '   太短 ' },
      { ...base, title: '题'.repeat(31) },
      { ...base, description: '' },
      { ...base, description: '说'.repeat(501) },
      { ...base, category: 'nope' },
      { ...base, category: 'Traffic!' },
      { ...base, requestId: 'x' },
      { ...base, requestId: undefined },
      { ...base, photos: [othersPhoto] },
      { ...base, photos: [wrongFolder] },
      { ...base, photos: [noFolder] },
      { ...base, photos: ['https://evil.example/a.png'] },
      { ...base, place: { text: '' } },
      { ...base, place: { text: '路口', point: { lat: 200, lng: 0 } } },
      { ...base, groupId: 'grp-kangqiao' },
    ]
    for (const b of bad) {
      const r = await cloud.raw('topics', { action: 'createTopic', requestId: requestId(), ...b }, { openid: RIDER })
      expect([JSON.stringify(b).slice(0, 60), code(r)]).toEqual([JSON.stringify(b).slice(0, 60), 'INVALID_ARGUMENT'])
    }
    expect(snapshot(cloud)).toBe(before)
  })

  test('content that does not pass the check (risky or review) is CONTENT_REJECTED and not stored; a failed check refuses too', async () => {
    const before = snapshot(cloud)
    const cases = [
      { ...base, title: '帮忙刷单的群' },
      { ...base, description: '本地测试违规词，这里写了十个字以上' },
      { ...base, place: { text: '赌博一条街' } },
      { ...base, description: '招人日结工资先交押金，十个字以上' },
    ]
    for (const c of cases) {
      const r = await cloud.call('topics', 'createTopic', { ...c, requestId: requestId() }, { openid: RIDER })
      expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', message: '内容未通过安全检查，请修改后再试' } })
    }
    const down = await withOpenapiDown(cloud, () =>
      cloud.call('topics', 'createTopic', { ...base, requestId: requestId() }, { openid: RIDER }),
    )
    expect(code(down)).toBe('INTERNAL')
    expect(snapshot(cloud)).toBe(before)
  })

  test('the same requestId makes one topic, sent again or five times at once', async () => {
    const rid = requestId()
    const first = data(await cloud.call('topics', 'createTopic', { ...base, title: '重复提交测试一', requestId: rid }, { openid: RIDER2 }))
    const again = data(await cloud.call('topics', 'createTopic', { ...base, title: '重复提交测试一', requestId: rid }, { openid: RIDER2 }))
    expect(again).toEqual({ id: first.id, created: false, status: 'submitted' })
    const rid2 = requestId()
    const burst = await Promise.all(
      Array.from({ length: 5 }, () =>
        cloud.call('topics', 'createTopic', { ...base, title: '重复提交测试二', requestId: rid2 }, { openid: RIDER2 }),
      ),
    )
    const ids = new Set(burst.map((r) => data(r).id))
    expect(ids.size).toBe(1)
    expect(burst.map((r) => data(r).created).filter(Boolean)).toHaveLength(1)
    expect(cloud.db.find('topics', { title: '重复提交测试二' })).toHaveLength(1)
    // the same requestId from another rider is another topic
    const other = data(
      await cloud.call('topics', 'createTopic', { ...base, title: '重复提交测试一', requestId: rid }, { openid: DEMO.admin.wang }),
    )
    expect(other.id).not.toBe(first.id)
  })

  test('at most five topics a day per rider', async () => {
    const [rider] = makeRiders(cloud, 'raise-daily', 1)
    for (let i = 0; i < 5; i++) await raise(cloud, rider, { title: `今天的第 ${i + 1} 个议题` })
    const sixth = await cloud.call('topics', 'createTopic', { ...base, requestId: requestId() }, { openid: rider })
    expect(sixth).toMatchObject({ ok: false, error: { code: 'RESOURCE_EXHAUSTED' } })
  })

  test('photos: own uploads only; others see them once the check passes; a failed one is removed and the author told', async () => {
    const [ok1, ok2] = [await uploadOwn(cloud, RIDER, 'topics'), await uploadOwn(cloud, RIDER, 'topics')]
    const id = await raise(cloud, RIDER, { title: '路面塌陷有个大坑', photos: [ok1, ok2] })
    expect(topicDoc(cloud, id)).toMatchObject({ photos: [ok1, ok2], pendingMedia: [ok1, ok2], photoCount: 2 })
    const other = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER2 }))
    expect(other.photos).toEqual([])
    const mine = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER }))
    expect(mine.photos).toHaveLength(2)
    expect(mine.photosPending).toBe(2)
    await deliverVerdict(cloud, ok1, 'pass')
    await deliverVerdict(cloud, ok2, 'risky')
    const after = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER2 }))
    expect(after.photos).toHaveLength(1)
    expect(topicDoc(cloud, id)).toMatchObject({ photos: [ok1], pendingMedia: [] })
    expect(await fileExists(cloud, ok2)).toBe(false)
    expect(cloud.db.find('notifications', { openid: RIDER, title: '图片未通过审核' })).toHaveLength(1)
    const tooMany = await Promise.all(Array.from({ length: 7 }, () => uploadOwn(cloud, RIDER, 'topics')))
    expect(code(await cloud.call('topics', 'createTopic', { ...base, requestId: requestId(), photos: tooMany }, { openid: RIDER }))).toBe(
      'INVALID_ARGUMENT',
    )
  })

  test('before posting: similar open topics — same category nearby, or a similar title; never closed or hidden ones', async () => {
    const near = data(
      await cloud.call(
        'topics',
        'suggestSimilar',
        { title: '小区门口不让停车', category: 'traffic', point: { lat: 31.1207, lng: 121.5715 } },
        { openid: RIDER },
      ),
    ).similar
    expect(near[0]).toMatchObject({ id: T.ebikeBan, statusLabel: '议事中', supportCount: 37 })
    expect(near[0].why).toMatch(/^同类，相距 \d+ 米$/)
    const worded = data(await cloud.call('topics', 'suggestSimilar', { title: '电动车不让进小区' }, { openid: VISITOR })).similar
    expect(worded.map((s) => s.id)).toContain(T.ebikeBan)
    expect(worded.map((s) => s.id)).not.toContain(T.ebikeGate) // withdrawn
    const lights = data(await cloud.call('topics', 'suggestSimilar', { title: '沈梅路路灯坏了' }, { openid: RIDER })).similar
    expect(lights.map((s) => s.id)).not.toContain(T.nightLight) // done
    const none = data(
      await cloud.call('topics', 'suggestSimilar', { title: '食堂的饭菜太咸', category: 'other' }, { openid: TOWN }),
    ).similar
    expect(none).toEqual([])
  })
})

describe('topics: what I can do here', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo' })
  })
  afterAll(() => cloud.stop())

  test('a verified rider raises; a visitor is told how to get verified; liaison and town manage', async () => {
    expect(data(await cloud.call('topics', 'myTopicRole', {}, { openid: RIDER }))).toMatchObject({
      canRaise: true,
      canManage: false,
      hint: null,
    })
    const visitor = data(await cloud.call('topics', 'myTopicRole', {}, { openid: VISITOR }))
    expect(visitor).toMatchObject({ canRaise: false, canManage: false })
    expect(visitor.hint).toMatch(/认证成为小哥后就能提议题/)
    expect(data(await cloud.call('topics', 'myTopicRole', {}, { openid: LIAISON }))).toMatchObject({
      canRaise: false,
      canManage: true,
      isTown: false,
    })
    expect(data(await cloud.call('topics', 'myTopicRole', {}, { openid: TOWN }))).toMatchObject({ canManage: true, isTown: true })
  })
})
