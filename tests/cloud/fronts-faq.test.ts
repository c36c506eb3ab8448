/**
 * fronts: the FAQ. The liaison publishes a good answer rewritten for everyone; the asker never
 * reaches it (no openid, no name in the stored entry or the answers; the asker's nickname and mobile
 * numbers taken out of the texts); the front page shows the first entries; publishing and removing
 * are audited; riders and other liaisons are refused.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { CHEN, group, LI, rid, SUN, WANG, ZHANG, ZHOUPU } from './fronts-helpers'
import { auditOf, code, data, snapshot } from './helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
  data(await cloud.call('users', 'updateProfile', { phone: '13912345678' }, { openid: CHEN }))
})
afterAll(() => cloud.stop())

async function answered(text: string): Promise<string> {
  const { id } = data(
    await cloud.call('fronts', 'ask', { groupId: ZHOUPU, text, category: 'insurance', requestId: rid() }, { openid: CHEN }),
  )
  data(
    await cloud.call(
      'fronts',
      'answer',
      { questionId: id, text: '打开“上海人社”小程序查询，陈磊你也可以打 13912345678 找我。' },
      { openid: LI },
    ),
  )
  return id
}

test('published without the asker: no openid or name stored or answered, nickname and phone taken out', async () => {
  const id = await answered('我是陈磊，手机 13912345678，职业伤害保障怎么查？')
  const faq = data(
    await cloud.call(
      'fronts',
      'publishFaq',
      {
        questionId: id,
        question: '陈磊问：职业伤害保障怎么查？（13912345678）',
        answer: '打开“上海人社”小程序查询，陈磊你也可以打 13912345678 找我。',
      },
      { openid: LI },
    ),
  )
  expect(faq).toEqual({
    id: `faq-${id}`,
    question: '某骑手问：职业伤害保障怎么查？（（手机号已隐去））',
    answer: '打开“上海人社”小程序查询，某骑手你也可以打 （手机号已隐去） 找我。',
    category: 'insurance',
    publishedAt: expect.any(String),
  })
  const stored = cloud.db.find('faq', { _id: faq.id })[0]
  const text = JSON.stringify(stored)
  expect(text).not.toContain(CHEN)
  expect(text).not.toContain('陈磊')
  expect(text).not.toContain('13912345678')
  const list = data(await cloud.call('fronts', 'listFaq', { groupId: ZHOUPU }, { openid: ZHANG }))
  expect(JSON.stringify(list)).not.toMatch(/陈磊|o-demo-rider-chen|13912345678|fromQuestionId/)
  expect(list).toMatchObject({ groupName: '周浦万达骑手之家群', canEdit: false })
  expect(list.items[0]).toMatchObject({ id: faq.id })
  // the front page shows it first, and the count
  const front = data(await cloud.call('fronts', 'getFront', { groupId: ZHOUPU }, { openid: ZHANG }))
  expect(front.faq[0]).toEqual({ id: faq.id, question: faq.question })
  expect(front.faqCount).toBe(cloud.db.find('faq', { groupId: ZHOUPU, state: 'live' }).length)
  expect(group(cloud, ZHOUPU).front.activity[0]).toMatchObject({ kind: 'faq' })
  expect(auditOf(cloud, { action: 'faqPublish' })).toEqual([
    expect.objectContaining({ actorOpenid: LI, scopeKind: 'group', scopeId: ZHOUPU }),
  ])
  // the question now links to it; publishing it again is CONFLICT
  expect(data(await cloud.call('fronts', 'getQuestion', { questionId: id }, { openid: LI }))).toMatchObject({
    faqId: faq.id,
    me: { canPublishFaq: false },
  })
  expect(
    code(await cloud.call('fronts', 'publishFaq', { questionId: id, question: '再发一次行吗？', answer: '不行的哦' }, { openid: LI })),
  ).toBe('CONFLICT')
})

test('refused: a rider, the admin on duty, another group’s liaison, an unanswered question, rejected text — nothing stored', async () => {
  const id = await answered('夜里骑车被查了，要罚款吗？')
  const { id: open } = data(
    await cloud.call('fronts', 'ask', { groupId: ZHOUPU, text: '还没回答的问题', requestId: rid() }, { openid: CHEN }),
  )
  const before = snapshot(cloud, ['faq', 'questions', 'groups'])
  const ok = { questionId: id, question: '夜里骑车被查了要罚款吗？', answer: '不按规定戴头盔会被罚。' }
  expect(code(await cloud.call('fronts', 'publishFaq', ok, { openid: ZHANG }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('fronts', 'publishFaq', ok, { openid: WANG }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('fronts', 'publishFaq', ok, { openid: SUN }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('fronts', 'publishFaq', { ...ok, questionId: open }, { openid: LI }))).toBe('FAILED_PRECONDITION')
  expect(code(await cloud.call('fronts', 'publishFaq', { ...ok, answer: '加微信 1234567 领红包' }, { openid: LI }))).toBe(
    'CONTENT_REJECTED',
  )
  expect(code(await cloud.call('fronts', 'publishFaq', { ...ok, question: '短' }, { openid: LI }))).toBe('INVALID_ARGUMENT')
  expect(snapshot(cloud, ['faq', 'questions', 'groups'])).toEqual(before)
})

test('removed by the liaison: gone from the list and the front page, audited; published again later', async () => {
  const id = await answered('万达驿站能不能给电动车充电？')
  const faq = data(
    await cloud.call(
      'fronts',
      'publishFaq',
      { questionId: id, question: '万达驿站能给电动车充电吗？', answer: '能，门口有 12 个充电口。' },
      { openid: LI },
    ),
  )
  expect(code(await cloud.call('fronts', 'unpublishFaq', { faqId: faq.id }, { openid: ZHANG }))).toBe('PERMISSION_DENIED')
  expect(data(await cloud.call('fronts', 'unpublishFaq', { faqId: faq.id }, { openid: LI }))).toEqual({ ok: true })
  expect(data(await cloud.call('fronts', 'listFaq', { groupId: ZHOUPU }, { openid: ZHANG })).items.map((f) => f.id)).not.toContain(faq.id)
  const front = data(await cloud.call('fronts', 'getFront', { groupId: ZHOUPU }, { openid: ZHANG }))
  expect(front.faq.map((f) => f.id)).not.toContain(faq.id)
  expect(front.faqCount).toBe(cloud.db.find('faq', { groupId: ZHOUPU, state: 'live' }).length)
  expect(auditOf(cloud, { action: 'faqRemove' })).toHaveLength(1)
  expect(code(await cloud.call('fronts', 'unpublishFaq', { faqId: 'faq-nowhere' }, { openid: LI }))).toBe('NOT_FOUND')
  const again = data(
    await cloud.call(
      'fronts',
      'publishFaq',
      { questionId: id, question: '万达驿站能给电动车充电吗？', answer: '能，门口有 12 个充电口，免费。' },
      { openid: LI },
    ),
  )
  expect(again).toMatchObject({ id: faq.id, answer: '能，门口有 12 个充电口，免费。' })
})
