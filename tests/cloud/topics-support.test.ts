/**
 * 我也遇到 through the local cloud: counted once however often it is sent — 30 riders and the same
 * rider 20 times, all at once, give exactly +31 (one record per rider, one key per rider on the
 * topic); withdrawn and given again; the threshold makes a written answer mandatory once (timeline,
 * liaison and author told); who may support; following with the kinds of news and the consents.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import {
  advance,
  code,
  data,
  freshAuthor,
  LIAISON,
  makeRiders,
  moves,
  RIDER,
  RIDER2,
  raise,
  snapshot,
  T,
  TOWN,
  topicDoc,
  VISITOR,
} from './topics-helpers'

describe('topics: supports and follows', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo', poolSize: 4 })
  })
  afterAll(() => cloud.stop())

  test('30 riders and the same rider 20 times, all at once: exactly 31 supports, one record each', async () => {
    const id = await raise(cloud, RIDER, { title: '并发支持测试：路口太堵' })
    const crowd = makeRiders(cloud, 'crowd', 30)
    const calls = [...crowd.map((o) => ({ o })), ...Array.from({ length: 20 }, () => ({ o: RIDER2 }))]
    const answers = await Promise.all(calls.map(({ o }) => cloud.call('topics', 'support', { topicId: id }, { openid: o })))
    expect(answers.map(code).filter((c) => c !== 'OK')).toEqual([])
    const doc = topicDoc(cloud, id)
    expect(doc.supportCount).toBe(31)
    expect(Object.keys(doc.supporters).sort()).toEqual([...crowd, RIDER2].sort())
    expect(cloud.db.find('topic_supports', { topicId: id })).toHaveLength(31)
    expect(cloud.db.find('topic_supports', { topicId: id, openid: RIDER2 })).toHaveLength(1)
    // supporters follow it (counted once each)
    expect(doc.followerCount).toBe(31)
    expect(cloud.db.find('topic_follows', { topicId: id })).toHaveLength(31)
    // the threshold (10) was crossed once: one timeline entry, answer required
    expect(doc.answerRequired).toBe(true)
    expect(doc.timeline.filter((e: { kind: string }) => e.kind === 'threshold')).toHaveLength(1)
    const page = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER2 }))
    expect(page).toMatchObject({ supportCount: 31, answerRequired: true, me: { supported: true, following: true } })
    expect(page.timeline.map((e) => e.text)).toContain('已有 10 位小哥遇到同样的问题，须书面答复')
    const told = cloud.db.find('notifications', { title: '议题须书面答复' }).map((n) => n.openid)
    expect(told.sort()).toEqual([LIAISON, RIDER].sort())
  })

  test('withdraw and support again: -1 then +1, never below, sent twice counts once', async () => {
    const id = await raise(cloud, RIDER, { title: '撤回支持测试：路边没有停车位' })
    expect(data(await cloud.call('topics', 'support', { topicId: id }, { openid: RIDER2 }))).toEqual({
      supported: true,
      supportCount: 1,
      answerRequired: false,
    })
    const twice = await Promise.all([1, 2].map(() => cloud.call('topics', 'withdrawSupport', { topicId: id }, { openid: RIDER2 })))
    expect(twice.map((r) => data(r).supportCount)).toEqual([0, 0])
    expect(cloud.db.find('topic_supports', { topicId: id, openid: RIDER2 })[0]).toMatchObject({ active: false })
    expect(data(await cloud.call('topics', 'withdrawSupport', { topicId: id }, { openid: RIDER2 })).supportCount).toBe(0)
    expect(data(await cloud.call('topics', 'support', { topicId: id }, { openid: RIDER2 })).supportCount).toBe(1)
    expect(cloud.db.find('topic_supports', { topicId: id, openid: RIDER2 })).toEqual([expect.objectContaining({ active: true })])
    const list = data(await cloud.call('topics', 'listTopics', { scope: 'all' }, { openid: RIDER2 }))
    expect(list.topics.find((t) => t.id === id)).toMatchObject({ supported: true, supportCount: 1 })
  })

  test('who may support: not visitors, not the author; not a closed or hidden topic — nothing changes', async () => {
    const id = await raise(cloud, RIDER, { title: '谁能支持测试：充电桩不够' })
    const before = snapshot(cloud)
    expect(code(await cloud.call('topics', 'support', { topicId: id }, { openid: VISITOR }))).toBe('PERMISSION_DENIED')
    expect(code(await cloud.call('topics', 'support', { topicId: id }, { openid: 'o-newcomer-x' }))).toBe('PERMISSION_DENIED')
    expect(code(await cloud.call('topics', 'support', { topicId: id }, { openid: LIAISON }))).toBe('PERMISSION_DENIED')
    expect(await cloud.call('topics', 'support', { topicId: id }, { openid: RIDER })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '这是你提的议题，有进展会通知你' },
    })
    expect(code(await cloud.call('topics', 'support', { topicId: 'tp-nowhere' }, { openid: RIDER2 }))).toBe('NOT_FOUND')
    expect(code(await cloud.raw('topics', { action: 'support', topicId: 'x/../y' }, { openid: RIDER2 }))).toBe('INVALID_ARGUMENT')
    expect(code(await cloud.call('topics', 'support', { topicId: T.nightLight }, { openid: RIDER2 }))).toBe('FAILED_PRECONDITION')
    expect(snapshot(cloud)).toBe(before)
    // a supporter of a closed topic keeps the record: withdrawing is refused
    const closed = await raise(cloud, RIDER, { title: '结束后撤回测试：井盖松了' })
    data(await cloud.call('topics', 'support', { topicId: closed }, { openid: RIDER2 }))
    await advance(cloud, [{ topicId: closed, to: 'withdrawn', kind: 'solved', reason: '物业已经修好了' }])
    expect(code(await cloud.call('topics', 'withdrawSupport', { topicId: closed }, { openid: RIDER2 }))).toBe('FAILED_PRECONDITION')
    expect(topicDoc(cloud, closed).supportCount).toBe(1)
  })

  test('the threshold counts when the topic was raised; town changing it applies to topics raised later', async () => {
    data(await cloud.call('topics', 'updateTopicConfig', { supportThreshold: 3 }, { openid: TOWN }))
    const id = await raise(cloud, freshAuthor(cloud), { title: '门槛测试：晚上没有路灯' })
    const three = makeRiders(cloud, 'threshold', 3)
    for (const o of three.slice(0, 2)) data(await cloud.call('topics', 'support', { topicId: id }, { openid: o }))
    expect(topicDoc(cloud, id).answerRequired).toBe(false)
    expect(data(await cloud.call('topics', 'support', { topicId: id }, { openid: three[2] }))).toMatchObject({
      supportCount: 3,
      answerRequired: true,
    })
    // withdrawing below the threshold does not undo the duty to answer
    data(await cloud.call('topics', 'withdrawSupport', { topicId: id }, { openid: three[2] }))
    expect(topicDoc(cloud, id)).toMatchObject({ supportCount: 2, answerRequired: true, threshold: 3 })
    data(await cloud.call('topics', 'updateTopicConfig', { supportThreshold: 10 }, { openid: TOWN }))
    expect(topicDoc(cloud, id).threshold).toBe(3)
  })

  test('follow: anyone may follow a live topic, choose the news, give consents; unfollow; the author stays told', async () => {
    const author = freshAuthor(cloud)
    const id = await raise(cloud, author, { title: '关注测试：驿站的水不够喝' })
    expect(
      data(await cloud.call('topics', 'follow', { topicId: id, accepted: ['progress'], kinds: ['answered'] }, { openid: VISITOR })),
    ).toEqual({
      following: true,
      consents: 1,
    })
    expect(data(await cloud.call('topics', 'follow', { topicId: id, accepted: ['progress', 'session'] }, { openid: VISITOR }))).toEqual({
      following: true,
      consents: 2,
    })
    const doc = topicDoc(cloud, id)
    expect(doc.followerCount).toBe(1)
    expect(doc.followers[VISITOR]).toMatchObject({ kinds: ['answered'], consents: { progress: 2, session: 1, moderation: 0 } })
    const listed = data(await cloud.call('topics', 'listTopics', { scope: 'followed' }, { openid: VISITOR }))
    expect(listed.topics.map((t) => t.id)).toEqual([id])
    expect(data(await cloud.call('topics', 'unfollow', { topicId: id }, { openid: VISITOR }))).toEqual({ following: false, consents: 0 })
    expect(topicDoc(cloud, id).followerCount).toBe(0)
    expect(data(await cloud.call('topics', 'listTopics', { scope: 'followed' }, { openid: VISITOR })).topics).toEqual([])
    expect(code(await cloud.call('topics', 'unfollow', { topicId: id }, { openid: author }))).toBe('FAILED_PRECONDITION')
    // the author giving consents adds to their own entry, not to the follower count
    expect(data(await cloud.call('topics', 'follow', { topicId: id, accepted: ['progress'] }, { openid: author })).consents).toBe(1)
    expect(topicDoc(cloud, id).followerCount).toBe(0)
    expect(code(await cloud.raw('topics', { action: 'follow', topicId: id, kinds: ['everything'] }, { openid: RIDER2 }))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(code(await cloud.call('topics', 'follow', { topicId: T.nightLight }, { openid: RIDER2 }))).toBe('FAILED_PRECONDITION')
  })

  test('supports of a moved topic stay; a topic in 议事中 can still be supported', async () => {
    const id = await raise(cloud, freshAuthor(cloud), { title: '推进后支持测试：小区门口积水' })
    await advance(cloud, [moves.accept(id), moves.deliberate(id)])
    expect(data(await cloud.call('topics', 'support', { topicId: id }, { openid: RIDER2 })).supportCount).toBe(1)
  })
})
