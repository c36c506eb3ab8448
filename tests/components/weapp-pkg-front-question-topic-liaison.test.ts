/**
 * @jest-environment jsdom
 *
 * The built weapp question page for the group's liaison: a question not yet a topic offers 转为议题,
 * which opens the raise form from this question.
 */
import { loadWeappPage } from './helpers/weapp'
import { freshQuestion, stubWx } from './question-topic-helpers'
import { cloudUrl } from './topics-helpers'

test('the liaison sees 转为议题 and it opens the raise form with ?fromQuestion=', async () => {
  const id = await freshQuestion('秀沿路那段晚上没有路灯，送餐回来很危险，能反映一下吗？')
  stubWx()
  const page = await loadWeappPage('pkg-front/question/index', { cloudUrl: cloudUrl(), openid: 'o-demo-liaison-li', query: { id } })
  await page.waitForText('转为议题', 10000)
  expect(page.text()).not.toContain('已转为议题')
  await page.tap('.fr-question__to-topic')
  expect(page.navigations).toContainEqual({ api: 'navigateTo', url: `/pkg-topics/raise/index?fromQuestion=${id}` })
})
