/**
 * A rider's question becomes a consultation topic in one step (topics.createTopic with
 * fromQuestionId): only the liaison of the question's group or town; the topic is the question's
 * group's, records fromQuestion and the liaison as author and nothing of the asker; the question
 * gets topicId; again (also twice at once, also with another requestId) → the same topic; a rider,
 * an admin, another group's liaison → PERMISSION_DENIED and nothing stored; unknown → NOT_FOUND.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { CHEN, LI, question, rid, SUN, TOWN, WANG, WU, ZHANG, ZHOUPU } from './fronts-helpers'
import { code, data, snapshot } from './topics-helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

const QUESTION_TEXT = '沪南公路周园路口晚上没有路灯，送餐过马路很危险，能不能装个灯？'
const topicParams = (questionId: string, extra: Record<string, unknown> = {}) => ({
  title: '周园路口晚上没有路灯',
  description: QUESTION_TEXT,
  category: 'traffic',
  requestId: rid(),
  fromQuestionId: questionId,
  ...extra,
})
const raiseFrom = (questionId: string, openid: string, extra: Record<string, unknown> = {}) =>
  cloud.call('topics', 'createTopic', topicParams(questionId, extra), { openid })

async function ask(asker: string, text = QUESTION_TEXT): Promise<string> {
  const r = await cloud.call('fronts', 'ask', { groupId: ZHOUPU, text, category: 'traffic', requestId: rid() }, { openid: asker })
  return data(r).id
}
const topicsOf = (questionId: string) => cloud.db.find('topics', { 'fromQuestion.id': questionId }, { limit: 100 })
const everything = () => snapshot(cloud, ['topics', 'topic_follows', 'questions', 'notifications'])

test('the liaison turns a question into a topic: the group’s, from the question, the liaison as author, no asker anywhere; the question links it', async () => {
  const qid = await ask(CHEN)
  const before = data(await cloud.call('fronts', 'getQuestion', { questionId: qid }, { openid: LI }))
  expect(before.me.canRaiseTopic).toBe(true)
  expect(data(await cloud.call('fronts', 'getQuestion', { questionId: qid }, { openid: CHEN })).me.canRaiseTopic).toBe(false)

  const r = data(await raiseFrom(qid, LI))
  expect(r).toMatchObject({ created: true, status: 'submitted' })
  const [doc] = topicsOf(qid)
  expect(doc._id).toBe(r.id)
  expect(doc).toMatchObject({
    fromQuestion: { id: qid, groupId: ZHOUPU },
    groupId: ZHOUPU,
    groupName: '周浦万达骑手之家群',
    authorOpenid: LI,
    authorName: '李敏（专职联络员）',
    description: QUESTION_TEXT,
  })
  expect(doc.timeline).toEqual([expect.objectContaining({ kind: 'raised', actor: '李敏（专职联络员）' })])
  // the asker stays anonymous: neither their openid nor their name is stored on the topic
  const stored = JSON.stringify(doc)
  expect(stored).not.toContain(CHEN)
  expect(stored).not.toContain('陈磊')
  expect(Object.keys(doc.followers)).toEqual([LI])
  // and nobody reading the topic sees them either
  const page = JSON.stringify(data(await cloud.call('topics', 'getTopic', { topicId: r.id }, { openid: ZHANG })))
  expect(page).not.toContain(CHEN)
  expect(page).not.toContain('陈磊')
  // the question now points at the topic; both the asker and the liaison read it
  expect(question(cloud, qid).topicId).toBe(r.id)
  for (const who of [CHEN, LI]) {
    const q = data(await cloud.call('fronts', 'getQuestion', { questionId: qid }, { openid: who }))
    expect([who, q.topicId, q.me.canRaiseTopic]).toEqual([who, r.id, false])
  }
  // the group's liaison is told of the new topic, as for any topic
  expect(cloud.db.find('notifications', { openid: LI, title: '新议题待受理' }).length).toBeGreaterThan(0)
})

test('again (a new tap, another requestId, or town) → the same topic, created false', async () => {
  const qid = await ask(CHEN, '夜里骑车回家，秀沿路那段没有路灯，怎么反映？')
  const first = data(await raiseFrom(qid, LI))
  const before = everything()
  for (const [who, extra] of [
    [LI, {}],
    [LI, { title: '另一个标题：秀沿路没有路灯' }],
    [TOWN, {}],
  ] as const) {
    const again = data(await raiseFrom(qid, who, extra))
    expect([who, again]).toEqual([who, { id: first.id, created: false, status: 'submitted' }])
  }
  expect(topicsOf(qid)).toHaveLength(1)
  expect(everything()).toBe(before)
})

test('two liaison taps at once (same requestId, or two requestIds) make one topic', async () => {
  for (const same of [true, false]) {
    const qid = await ask(ZHANG, same ? '驿站的充电柜坏了好几天了，谁来修？' : '万达门口电动车停车区被占了，怎么办？')
    const requestId = rid()
    const [a, b] = await Promise.all([
      raiseFrom(qid, LI, same ? { requestId } : {}),
      raiseFrom(qid, same ? LI : TOWN, same ? { requestId } : {}),
    ])
    expect(data(a).id).toBe(data(b).id)
    expect([data(a).created, data(b).created].sort()).toEqual([false, true])
    expect(topicsOf(qid)).toHaveLength(1)
    expect(question(cloud, qid).topicId).toBe(data(a).id)
  }
})

test('town may turn a question into a topic: still the question’s group', async () => {
  const qid = await ask(ZHANG, '食堂的饭卡可以给家里人用吗？想问问规定。')
  const r = data(await raiseFrom(qid, TOWN, { category: 'other' }))
  expect(r.created).toBe(true)
  expect(topicsOf(qid)[0]).toMatchObject({ groupId: ZHOUPU, authorOpenid: TOWN, fromQuestion: { id: qid, groupId: ZHOUPU } })
  expect(question(cloud, qid).topicId).toBe(r.id)
})

test('a rider (the asker too), an admin, another group’s liaison → PERMISSION_DENIED, nothing stored; unknown question → NOT_FOUND', async () => {
  const qid = await ask(CHEN, '送餐进写字楼要登记，很耽误时间，能不能协调？')
  const before = everything()
  for (const who of [CHEN, ZHANG, WU, WANG, SUN]) {
    expect([who, code(await raiseFrom(qid, who))]).toEqual([who, 'PERMISSION_DENIED'])
  }
  expect(everything()).toBe(before)
  expect(question(cloud, qid).topicId).toBeUndefined()
  expect(code(await raiseFrom('q-no-such-question', LI))).toBe('NOT_FOUND')
  expect(everything()).toBe(before)
  // the liaison may still not raise an ordinary topic (not a verified rider)
  const plain = await cloud.call('topics', 'createTopic', { ...topicParams(qid), fromQuestionId: undefined }, { openid: LI })
  expect(code(plain)).toBe('PERMISSION_DENIED')
})

test('content checks apply: a rejected title stores nothing and leaves the question unlinked', async () => {
  const qid = await ask(CHEN, '有没有人知道哪里可以便宜修车？')
  const before = everything()
  expect(code(await raiseFrom(qid, LI, { title: '帮忙刷单的群' }))).toBe('CONTENT_REJECTED')
  expect(everything()).toBe(before)
})
