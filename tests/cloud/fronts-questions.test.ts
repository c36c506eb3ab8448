/**
 * fronts: Q&A with the liaison. Questions are private to the asker, the group's liaison and the
 * admin on duty (anyone else: NOT_FOUND); asked once per requestId; answered by the liaison only,
 * never once closed; the asker is told by subscribe message when they consented (in the app
 * always); saved replies are each liaison's own; bad input changes nothing; the group's waiting
 * counters stay equal to the questions, also when people act at once.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { CHEN, group, LI, LIU, question, rid, SUN, TOWN, WANG, WU, ZHANG, ZHAO, ZHOUPU } from './fronts-helpers'
import { code, data, snapshot, upload } from './helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

const ask = (as: string, text = '晚上几点以后电动车可以进小区？', extra: Record<string, unknown> = {}) =>
  cloud.call('fronts', 'ask', { groupId: ZHOUPU, text, category: 'traffic', requestId: rid(), ...extra }, { openid: as })
const waitingCount = () => cloud.db.find('questions', { groupId: ZHOUPU, state: 'waiting' }, { limit: 1000 }).length
const riderCount = () => cloud.db.find('questions', { groupId: ZHOUPU, state: 'rider' }, { limit: 1000 }).length
const counters = () => group(cloud, ZHOUPU).front as { waiting: number; riderWaiting: number }

test('a member asks (a visitor of the group too); once per requestId, also when sent twice at once', async () => {
  const requestId = rid()
  const [a, b] = await Promise.all([
    ask(ZHANG, '小区不让电动车进，送餐怎么办？', { requestId }),
    ask(ZHANG, '小区不让电动车进，送餐怎么办？', { requestId }),
  ])
  expect([data(a).id, data(b).id][0]).toBe(data(b).id)
  expect([data(a).created, data(b).created].sort()).toEqual([false, true])
  expect(cloud.db.find('questions', { askerOpenid: ZHANG, text: '小区不让电动车进，送餐怎么办？' })).toHaveLength(1)
  expect(data(await ask(ZHAO, '认证还没通过，可以先问问题吗？')).state).toBe('waiting')
  expect(counters().waiting).toBe(waitingCount())
  // not a member: refused; no group at all: told how to join
  expect(code(await ask(SUN))).toBe('PERMISSION_DENIED')
  expect(code(await ask(TOWN))).toBe('PERMISSION_DENIED')
  const lost = await cloud.call('fronts', 'ask', { text: '我还没进群', requestId: rid() }, { openid: 'o-nobody-in-no-group' })
  expect(code(lost)).toBe('FAILED_PRECONDITION')
})

test('private: the asker, the liaison and the admin on duty see it; another rider, another liaison, an admin off duty get NOT_FOUND', async () => {
  const { id } = data(await ask(CHEN, '我的保险单在哪里看？'))
  const asker = data(await cloud.call('fronts', 'getQuestion', { questionId: id }, { openid: CHEN }))
  expect(asker).toMatchObject({ askerName: null, me: { isAsker: true, canReply: true, canAnswer: false } })
  const liaison = data(await cloud.call('fronts', 'getQuestion', { questionId: id }, { openid: LI }))
  expect(liaison).toMatchObject({ askerName: '陈磊', me: { canAnswer: true, canPublishFaq: false } })
  expect(data(await cloud.call('fronts', 'getQuestion', { questionId: id }, { openid: WANG })).askerName).toBe('陈磊')
  for (const who of [ZHANG, SUN, LIU, WU, 'o-stranger']) {
    expect([who, code(await cloud.call('fronts', 'getQuestion', { questionId: id }, { openid: who }))]).toEqual([who, 'NOT_FOUND'])
  }
  expect(data(await cloud.call('fronts', 'myQuestions', {}, { openid: ZHANG })).items.map((q) => q.id)).not.toContain(id)
  expect(data(await cloud.call('fronts', 'myQuestions', {}, { openid: CHEN })).items.map((q) => q.id)).toContain(id)
  // the queue: the liaison and the admin on duty; answering: the liaison only
  expect(code(await cloud.call('fronts', 'queue', { groupId: ZHOUPU }, { openid: ZHANG }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('fronts', 'queue', { groupId: ZHOUPU }, { openid: LIU }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('fronts', 'queue', { groupId: ZHOUPU }, { openid: SUN }))).toBe('PERMISSION_DENIED')
  expect(data(await cloud.call('fronts', 'queue', { groupId: ZHOUPU }, { openid: WANG })).items.map((q) => q.id)).toContain(id)
  const before = snapshot(cloud, ['questions'])
  expect(code(await cloud.call('fronts', 'answer', { questionId: id, text: '我来答' }, { openid: WANG }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('fronts', 'answer', { questionId: id, text: '我来答' }, { openid: SUN }))).toBe('NOT_FOUND')
  expect(code(await cloud.call('fronts', 'reply', { questionId: id, text: '我来补充' }, { openid: ZHANG }))).toBe('NOT_FOUND')
  expect(code(await cloud.call('fronts', 'markHelpful', { questionId: id, helpful: true }, { openid: ZHANG }))).toBe('NOT_FOUND')
  expect(snapshot(cloud, ['questions'])).toEqual(before)
})

test('a photo with the question: the asker sees it at once, the liaison only once its check passes', async () => {
  const { pushVerdict } = await import('./helpers')
  const photo = await upload(cloud, ZHANG, 'questions')
  const { id } = data(await ask(ZHANG, '电动车充电口坏了，照片在这里', { photos: [photo] }))
  const seenBy = async (openid: string) => data(await cloud.call('fronts', 'getQuestion', { questionId: id }, { openid })).photos
  expect(await seenBy(ZHANG)).toEqual([expect.objectContaining({ fileId: photo, checking: true })])
  expect(await seenBy(LI)).toEqual([])
  await pushVerdict(cloud, photo, 'pass')
  expect(await seenBy(LI)).toEqual([expect.objectContaining({ fileId: photo, checking: false, url: expect.stringContaining('http') })])
  expect(data(await cloud.call('fronts', 'answer', { questionId: id, text: '收到照片，已经报修了' }, { openid: LI })).state).toBe(
    'answered',
  )
})

test('the queue: waiting ones by due time, the asker’s name for the liaison, counts from the group', async () => {
  const q = data(await cloud.call('fronts', 'queue', { groupId: ZHOUPU }, { openid: LI }))
  const due = q.items.map((i) => i.dueAt ?? '')
  expect(due).toEqual([...due].sort())
  expect(q.items.every((i) => i.state === 'waiting' && i.askerName)).toBe(true)
  expect(q.counts).toMatchObject({ waiting: waitingCount(), rider: riderCount() })
  const rider = data(await cloud.call('fronts', 'queue', { groupId: ZHOUPU, view: 'rider' }, { openid: LI }))
  expect(rider.items.map((i) => i.id)).toContain('q-helmet')
})

test('answer → the asker is told (subscribe message when consented, in the app always); helpful; closed ones cannot be answered', async () => {
  const { id } = data(await ask(CHEN, '上个月在万达门口摔了，平台说要找站点报备，这个报备到底去哪里报，需要带什么材料？'))
  cloud.openapi.recordSubscription(CHEN, ['tmpl-front-answer'])
  cloud.openapi.clearOutbox()
  expect(code(await cloud.call('fronts', 'markHelpful', { questionId: id, helpful: true }, { openid: CHEN }))).toBe('FAILED_PRECONDITION')
  data(await cloud.call('fronts', 'askBack', { questionId: id, text: '摔伤有没有去医院？有病历吗？' }, { openid: LI }))
  data(await cloud.call('fronts', 'reply', { questionId: id, text: '去了周浦医院，有病历' }, { openid: CHEN }))
  data(await cloud.call('fronts', 'answer', { questionId: id, text: '带病历和身份证到万达驿站找周师傅登记，我陪你去。' }, { openid: LI }))
  // one consent: the ask-back went as a message, the answer in the app only
  expect(cloud.openapi.outbox()).toEqual([
    expect.objectContaining({
      touser: CHEN,
      templateId: 'tmpl-front-answer',
      page: `pkg-front/question/index?id=${id}`,
      data: {
        thing1: { value: '上个月在万达门口摔了，平台说要找站点报…' },
        phrase2: { value: '请补充' },
        thing3: { value: '李敏（专职联络员）' },
      },
    }),
  ])
  expect(cloud.db.find('notifications', { openid: CHEN, template: 'frontAnswer' }).map((n) => n.text)).toEqual(
    expect.arrayContaining([expect.stringContaining('想请你补充'), expect.stringContaining('回复了你的问题')]),
  )
  const mine = data(await cloud.call('fronts', 'myQuestions', {}, { openid: CHEN })).items.find((q) => q.id === id)
  expect(mine).toMatchObject({ state: 'answered', newReply: true })
  data(await cloud.call('fronts', 'getQuestion', { questionId: id }, { openid: CHEN }))
  expect(data(await cloud.call('fronts', 'myQuestions', {}, { openid: CHEN })).items.find((q) => q.id === id)?.newReply).toBe(false)
  expect(data(await cloud.call('fronts', 'markHelpful', { questionId: id, helpful: true }, { openid: CHEN }))).toEqual({ helpful: true })

  expect(data(await cloud.call('fronts', 'closeQuestion', { questionId: id }, { openid: CHEN }))).toEqual({ id, state: 'closed' })
  const before = snapshot(cloud, ['questions', 'groups'])
  for (const [action, params, as] of [
    ['answer', { questionId: id, text: '再补一句' }, LI],
    ['askBack', { questionId: id, text: '还有吗' }, LI],
    ['reply', { questionId: id, text: '谢谢' }, CHEN],
    ['closeQuestion', { questionId: id }, LI],
  ] as const) {
    const r = await cloud.raw('fronts', { action, ...params }, { openid: as })
    expect([action, code(r)]).toEqual([action, 'FAILED_PRECONDITION'])
  }
  expect(snapshot(cloud, ['questions', 'groups'])).toEqual(before)
  expect(counters()).toMatchObject({ waiting: waitingCount(), riderWaiting: riderCount() })
})

test('bad input: too short, too long, rejected text, someone else’s photo, five open questions — nothing stored', async () => {
  const before = snapshot(cloud, ['questions', 'groups', 'media_checks'])
  const theirs = await upload(cloud, ZHANG, 'questions')
  const cases: [Record<string, unknown>, string][] = [
    [{ text: '嗯' }, 'INVALID_ARGUMENT'],
    [{ text: '问'.repeat(501) }, 'INVALID_ARGUMENT'],
    [{ text: '有没有人一起刷单，日结' }, 'CONTENT_REJECTED'],
    [{ photos: [theirs] }, 'INVALID_ARGUMENT'],
    [{ category: 'gossip' }, 'INVALID_ARGUMENT'],
    [{ groupId: 'grp-forged' }, 'PERMISSION_DENIED'],
    [{ requestId: '' }, 'INVALID_ARGUMENT'],
  ]
  for (const [extra, expected] of cases) expect([extra, code(await ask(WU, '这是一个正常的问题吗？', extra))]).toEqual([extra, expected])
  expect(snapshot(cloud, ['questions', 'groups', 'media_checks'])).toEqual(before)
  const open = cloud.db.find('questions', { askerOpenid: WU, state: { $in: ['waiting', 'rider'] } }).length
  for (let i = open; i < 5; i++) expect(code(await ask(WU, `第 ${i + 1} 个问题，想问问联络员`))).toBe('OK')
  const sixth = await ask(WU, '第六个问题还能问吗？')
  expect(code(sixth)).toBe('RESOURCE_EXHAUSTED')
  expect(sixth.ok ? '' : sixth.error.message).toMatch(/5 个问题/)
})

test('the liaison answering twice and the rider adding at once: every message kept, counters equal to the questions', async () => {
  const ids = await Promise.all([1, 2, 3].map(async (n) => data(await ask(ZHANG, `同时处理的问题 ${n}，请帮忙看看`)).id))
  await Promise.all(
    ids.flatMap((id) => [
      cloud.call('fronts', 'answer', { questionId: id, text: '第一条回答' }, { openid: LI }),
      cloud.call('fronts', 'answer', { questionId: id, text: '第二条回答' }, { openid: LI }),
      cloud.call('fronts', 'reply', { questionId: id, text: '我再补充一句' }, { openid: ZHANG }),
    ]),
  )
  for (const id of ids) {
    const q = question(cloud, id)
    expect((q.thread as { text: string }[]).map((m) => m.text).sort()).toEqual(['我再补充一句', '第一条回答', '第二条回答'].sort())
    expect(typeof (q.firstReplyAt as Date | undefined)?.getTime).toBe('function')
  }
  expect(counters()).toMatchObject({ waiting: waitingCount(), riderWaiting: riderCount() })
})

test('saved replies are each liaison’s own; using one counts; content-checked', async () => {
  const made = data(
    await cloud.call('fronts', 'saveReply', { title: '驿站位置', text: '万达驿站在年家浜路 518 号 1 号门旁。' }, { openid: LI }),
  )
  expect(code(await cloud.call('fronts', 'saveReply', { title: '违规', text: '高利贷找我' }, { openid: LI }))).toBe('CONTENT_REJECTED')
  expect(code(await cloud.call('fronts', 'saveReply', { title: '抢改', text: '改别人的', id: made.id }, { openid: SUN }))).toBe('NOT_FOUND')
  expect(code(await cloud.call('fronts', 'deleteReply', { id: made.id }, { openid: SUN }))).toBe('NOT_FOUND')
  expect(code(await cloud.call('fronts', 'listSavedReplies', {}, { openid: ZHANG }))).toBe('PERMISSION_DENIED')
  expect(data(await cloud.call('fronts', 'listSavedReplies', {}, { openid: SUN })).items).toEqual([])
  const { id } = data(await ask(CHEN, '万达驿站在哪里？'))
  data(await cloud.call('fronts', 'answer', { questionId: id, text: made.text, savedReplyId: made.id }, { openid: LI }))
  const list = data(await cloud.call('fronts', 'listSavedReplies', {}, { openid: LI })).items
  expect(list.find((r) => r.id === made.id)).toMatchObject({ uses: 1 })
  expect(list.map((r) => r.uses)).toEqual([...list.map((r) => r.uses)].sort((a, b) => b - a))
  expect(
    data(await cloud.call('fronts', 'saveReply', { id: made.id, title: '驿站位置', text: '万达驿站：年家浜路 518 号。' }, { openid: LI }))
      .text,
  ).toBe('万达驿站：年家浜路 518 号。')
  expect(data(await cloud.call('fronts', 'deleteReply', { id: made.id }, { openid: LI }))).toEqual({ ok: true })
  expect(code(await cloud.call('fronts', 'deleteReply', { id: made.id }, { openid: LI }))).toBe('NOT_FOUND')
})

test('settings: the liaison sets service hours and the target (audited); others refused; bad hours refused', async () => {
  const set = data(
    await cloud.call(
      'fronts',
      'updateSettings',
      { groupId: ZHOUPU, serviceHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' }, replyTargetMinutes: 60 },
      { openid: LI },
    ),
  )
  expect(set).toMatchObject({ serviceHoursText: '周一至周五 09:00–18:00', replyTargetMinutes: 60, editWindowMinutes: 30 })
  expect(data(await cloud.call('fronts', 'getSettings', { groupId: ZHOUPU }, { openid: LI })).replyTargetMinutes).toBe(60)
  expect(cloud.db.find('audit_log', { action: 'frontSettings' })).toEqual([
    expect.objectContaining({ actorOpenid: LI, scopeKind: 'group', scopeId: ZHOUPU }),
  ])
  const bad = { groupId: ZHOUPU, serviceHours: { days: [1], open: '18:00', close: '09:00' } }
  expect(code(await cloud.call('fronts', 'updateSettings', bad, { openid: LI }))).toBe('INVALID_ARGUMENT')
  expect(code(await cloud.call('fronts', 'updateSettings', { groupId: ZHOUPU, replyTargetMinutes: 5 }, { openid: LI }))).toBe(
    'INVALID_ARGUMENT',
  )
  expect(code(await cloud.call('fronts', 'updateSettings', { groupId: ZHOUPU }, { openid: LI }))).toBe('INVALID_ARGUMENT')
  expect(code(await cloud.call('fronts', 'updateSettings', { groupId: ZHOUPU, replyTargetMinutes: 90 }, { openid: SUN }))).toBe(
    'PERMISSION_DENIED',
  )
  expect(code(await cloud.call('fronts', 'updateSettings', { groupId: ZHOUPU, replyTargetMinutes: 90 }, { openid: WANG }))).toBe(
    'PERMISSION_DENIED',
  )
  expect(code(await cloud.call('fronts', 'getSettings', { groupId: ZHOUPU }, { openid: ZHANG }))).toBe('PERMISSION_DENIED')
  expect(
    cloud.db
      .find('audit_log', { via: 'fronts.updateSettings', outcome: 'denied' })
      .map((a) => a.actorOpenid)
      .sort(),
  ).toEqual([SUN, WANG].sort())
})
