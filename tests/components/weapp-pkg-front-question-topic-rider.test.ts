/**
 * @jest-environment jsdom
 *
 * The built weapp question page for the asker of a question that is not a topic: no 转为议题 (only the
 * liaison and town may), no 已转为议题 row.
 */
import { loadWeappPage } from './helpers/weapp'
import { freshQuestion } from './question-topic-helpers'
import { cloudUrl } from './topics-helpers'

test('the asker does not see 转为议题', async () => {
  const text = '小区门口的充电桩总是坏的，能不能找人修一下？'
  const id = await freshQuestion(text)
  const page = await loadWeappPage('pkg-front/question/index', { cloudUrl: cloudUrl(), openid: 'o-demo-rider-chen', query: { id } })
  await page.waitForText('问题解决了，结束', 10000)
  expect(page.text()).not.toContain('转为议题')
  expect(page.page.querySelectorAll('.fr-question__to-topic').length).toBe(0)
})
