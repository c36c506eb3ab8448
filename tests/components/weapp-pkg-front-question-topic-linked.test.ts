/**
 * @jest-environment jsdom
 *
 * The built weapp question page once the liaison turned the question into a topic: the asker sees
 * 已转为议题 (and no 转为议题), and the row opens the topic.
 */
import { loadWeappPage } from './helpers/weapp'
import { freshQuestion, stubWx } from './question-topic-helpers'
import { call, cloudUrl } from './topics-helpers'

test('the asker sees 已转为议题 and it opens the topic', async () => {
  const text = '万达门口的电动车停车区总被汽车占，送餐没地方停。'
  const id = await freshQuestion(text)
  const topic = await call(
    'topics',
    'createTopic',
    { title: '万达门口电动车停车区被占', description: text, category: 'parking', requestId: `cmp-link-${Date.now()}`, fromQuestionId: id },
    'o-demo-liaison-li',
  )
  stubWx()
  const page = await loadWeappPage('pkg-front/question/index', { cloudUrl: cloudUrl(), openid: 'o-demo-rider-chen', query: { id } })
  await page.waitForText('已转为议题', 10000)
  expect(page.page.querySelectorAll('.fr-question__to-topic').length).toBe(0)
  await page.tap('.fr-question__topic')
  expect(page.navigations).toContainEqual({ api: 'navigateTo', url: `/pkg-topics/detail/index?topicId=${topic.id}` })
})
