/**
 * @jest-environment jsdom
 *
 * The built weapp 全镇议事汇总 (public): raised → accepted → answered → done, on time, overdue now, per
 * month and category; 近一年 asks for twelve months.
 */
import { loadWeappPage } from './helpers/weapp'
import { calledAfter, cloudUrl } from './topics-helpers'

test('全镇议事汇总 shows the funnel and the months; a span chip reloads it', async () => {
  const page = await loadWeappPage('pkg-topics/summary/index', { cloudUrl: cloudUrl(), openid: 'o-demo-visitor-zhao' })
  await page.waitForText('按期答复')
  const text = page.text()
  for (const word of ['提出', '受理', '答复', '办结', '现在逾期未答复', '每月分类', '通行']) expect(text).toContain(word)
  expect(text).toMatch(/\d{4}年\d+月/)
  const before = page.calls.length
  page.page.querySelectorAll('.chip')[2].dispatchEvent('tap')
  expect(await calledAfter(page, before, 'townSummary')).toMatchObject({ months: 12 })
})
