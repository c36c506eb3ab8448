/**
 * Telling people through the local cloud's subscribe-message outbox: the author, supporters and
 * followers are told of each change they asked for (in-app always); a WeChat message goes out only
 * while they have consents for that topic — counted per topic and template, so a busy topic cannot
 * spend a consent given for another; template data within the keyword limits; the hourly timer marks
 * an overdue topic once (public timeline, followers and liaison told) and reminds the liaison a day
 * before the date.
 */
import { templateId } from '../../cloudfunctions/_lib/notify'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { advance, code, data, freshAuthor, LIAISON, moves, RIDER, RIDER2, raise, shanghaiDate, T, topicDoc } from './topics-helpers'

const PROGRESS = templateId('topicProgress')
const SESSION = templateId('topicSession')

describe('topics: telling people', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo' })
  })
  afterAll(() => cloud.stop())

  const pushedTo = (openid: string, templateId = PROGRESS) =>
    cloud.openapi.outbox().filter((m) => m.touser === openid && m.templateId === templateId)
  const inApp = (openid: string, title = '议题进展通知') => cloud.db.find('notifications', { openid, title }, { sort: { createdAt: 1 } })

  test('one consent, one WeChat message; the rest in the app; the count is per topic', async () => {
    cloud.openapi.clearOutbox()
    const author = freshAuthor(cloud)
    const supporter = freshAuthor(cloud, 'supporter')
    // the supporter accepted one progress message in WeChat, and tells the function so
    cloud.openapi.recordSubscription(supporter, [PROGRESS, PROGRESS])
    const id = await raise(cloud, author, { title: '通知测试：桥下积水很深' })
    const other = await raise(cloud, freshAuthor(cloud), { title: '通知测试：另一个议题' })
    data(await cloud.call('topics', 'support', { topicId: id, accepted: ['progress'] }, { openid: supporter }))
    data(await cloud.call('topics', 'support', { topicId: other, accepted: ['progress'] }, { openid: supporter }))
    await advance(cloud, [moves.accept(id), moves.deliberate(id)])
    // one message for this topic went out (accepted); the session news came in the app only
    expect(pushedTo(supporter)).toHaveLength(1)
    expect(pushedTo(supporter)[0]).toMatchObject({ page: `pkg-topics/detail/index?topicId=${id}` })
    expect(topicDoc(cloud, id).followers[supporter].consents.progress).toBe(0)
    expect(inApp(supporter).map((n) => n.text)).toEqual([
      expect.stringMatching(/已受理：\d+月\d+日前答复$/),
      expect.stringMatching(/议事中：.*议事会$/),
    ])
    // the consent given for the other topic is still there for it
    await advance(cloud, [moves.accept(other)])
    expect(pushedTo(supporter)).toHaveLength(2)
    expect(pushedTo(supporter)[1].page).toContain(other)
    // the author (no consent) is told in the app of every step; the liaison who moved it is not told of their own move
    expect(inApp(author)).toHaveLength(2)
    expect(pushedTo(author)).toEqual([])
    expect(inApp(LIAISON).filter((n) => n.text.includes('桥下积水'))).toEqual([])
  })

  test('template data fits the keyword limits (thing ≤ 20, phrase ≤ 5 汉字, time)', async () => {
    cloud.openapi.clearOutbox()
    const author = freshAuthor(cloud)
    cloud.openapi.recordSubscription(author, Array(6).fill(PROGRESS))
    const longTitle = '这是一个很长的议题标题，超过了订阅消息二十个字的限制'
    const id = await raise(cloud, author, { title: longTitle, accepted: ['progress', 'progress', 'progress'] })
    expect(
      code(await cloud.call('topics', 'follow', { topicId: id, accepted: ['progress', 'progress', 'progress'] }, { openid: author })),
    ).toBe('OK')
    await advance(cloud, [moves.accept(id), moves.deliberate(id), moves.answer(id, 'adopted'), moves.implement(id), moves.done(id)])
    const sent = pushedTo(author)
    expect(sent.map((m) => m.data.phrase2.value)).toEqual(['已受理', '议事中', '已答复', '落实中', '已完成'])
    for (const m of sent) {
      expect([...m.data.thing1.value].length).toBeLessThanOrEqual(20)
      expect([...m.data.thing3.value].length).toBeLessThanOrEqual(20)
      expect(m.data.thing1.value).toMatch(/…$/)
      expect(m.data.time4.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    }
    expect(sent[2].data.thing3.value).toBe('采纳，负责：周浦镇社区管理办')
  })

  test('followers choose the news: answers only means no message for the council session', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    const follower = freshAuthor(cloud, 'follower')
    data(await cloud.call('topics', 'follow', { topicId: id, kinds: ['answered'] }, { openid: follower }))
    await advance(cloud, [moves.accept(id), moves.deliberate(id), moves.answer(id)])
    expect(inApp(follower).map((n) => n.text)).toEqual([expect.stringMatching(/已答复：部分采纳/)])
  })

  test('riders signed up for a session get the session template while consents last', async () => {
    cloud.openapi.clearOutbox()
    const id = await raise(cloud, freshAuthor(cloud))
    await advance(cloud, [moves.accept(id), moves.deliberate(id)])
    const rider = freshAuthor(cloud, 'seat')
    cloud.openapi.recordSubscription(rider, [SESSION])
    data(await cloud.call('topics', 'signUp', { topicId: id, accepted: ['session'] }, { openid: rider }))
    data(await cloud.call('topics', 'updateSession', { topicId: id, place: '镇政府 3 楼', reason: '会议室调整' }, { openid: LIAISON }))
    data(await cloud.call('topics', 'updateSession', { topicId: id, seats: 30, reason: '多加座位' }, { openid: LIAISON }))
    const sent = pushedTo(rider, SESSION)
    expect(sent).toHaveLength(1)
    expect(sent[0].data).toMatchObject({ thing3: { value: '镇政府 3 楼' } })
    expect(inApp(rider, '议事会提醒')).toHaveLength(2)
  })

  test('the hourly timer: an overdue topic is marked once, publicly, followers and the liaison told; a reminder a day before', async () => {
    const late = await raise(cloud, freshAuthor(cloud), { title: '逾期测试：天桥坏了' })
    await advance(cloud, [moves.accept(late, 3)])
    data(await cloud.call('topics', 'support', { topicId: late }, { openid: RIDER2 }))
    // the answer date passed two days ago (the stored date moved back, as if accepted a week ago)
    const past = shanghaiDate(-2)
    const dueAt = new Date(`${shanghaiDate(-1)}T00:00:00+08:00`)
    const doc = topicDoc(cloud, late)
    cloud.db.insert('topics', [{ ...doc, _id: 'tp-overdue-copy', dueDate: past, dueAt }])
    const soon = await raise(cloud, freshAuthor(cloud), { title: '提醒测试：明天到期' })
    await advance(cloud, [moves.accept(soon, 1)])
    const first = await cloud.runTrigger('topics', 'deadlines')
    expect(first.ok && (first.result as { ok: boolean; data: unknown })).toMatchObject({
      ok: true,
      data: { overdue: 1, reminded: expect.any(Number) },
    })
    const copy = topicDoc(cloud, 'tp-overdue-copy')
    expect(copy.timeline.pop()).toMatchObject({
      kind: 'overdue',
      actor: '系统',
      text: expect.stringMatching(/^已超过答复期限（\d+月\d+日），尚未答复$/),
    })
    const page = data(await cloud.call('topics', 'getTopic', { topicId: 'tp-overdue-copy' }, { openid: RIDER }))
    expect(page.clock).toMatchObject({ state: 'overdue', text: '已逾期 2 天', daysOverdue: 2 })
    expect(cloud.db.find('notifications', { openid: RIDER2, text: { $regex: '逾期测试：天桥坏了》已逾期' } })).toHaveLength(1)
    expect(cloud.db.find('notifications', { openid: LIAISON, title: '议题已逾期' })).toHaveLength(1)
    expect(cloud.db.find('notifications', { openid: LIAISON, title: '议题快到答复期限', text: { $regex: '提醒测试' } })).toHaveLength(1)
    // the next hour: nothing new
    const again = await cloud.runTrigger('topics', 'deadlines')
    expect(again.ok && (again.result as { data: unknown }).data).toEqual({ overdue: 0, reminded: 0 })
    expect(topicDoc(cloud, 'tp-overdue-copy').timeline.filter((e: { kind: string }) => e.kind === 'overdue')).toHaveLength(1)
    // the overdue demo topic is listed as overdue for everyone
    const overdue = data(await cloud.call('topics', 'listTopics', { status: 'overdue' }, { openid: RIDER }))
    expect(overdue.topics.map((t) => t.id)).toEqual(expect.arrayContaining([T.toilet, 'tp-overdue-copy']))
    expect(overdue.topics.every((t) => t.clock.state === 'overdue')).toBe(true)
  })
})
