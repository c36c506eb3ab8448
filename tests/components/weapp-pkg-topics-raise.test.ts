/**
 * @jest-environment jsdom
 *
 * The built weapp raise page against the local cloud: the categories from the town's list, what is
 * missing said in words, similar open topics while the title is typed.
 */
import { loadWeappPage } from './helpers/weapp'
import { calledAfter, cloudUrl, type } from './topics-helpers'

test('提一个议题 offers the categories, says what is missing and suggests similar topics', async () => {
  const page = await loadWeappPage('pkg-topics/raise/index', { cloudUrl: cloudUrl(), openid: 'o-demo-rider-zhang' })
  await page.waitForText('停车/充电')
  expect(page.text()).toContain('标题至少写 4 个字')
  const before = page.calls.length
  await type(page, '.form-input', '电动车不让进小区')
  await calledAfter(page, before, 'suggestSimilar', 4000)
  await page.waitForText('这些议题和你说的很像')
  expect(page.text()).toContain('外卖电动车禁止进入小区')
  expect(page.text()).toContain('请选一个分类')
})
