/**
 * @jest-environment jsdom
 *
 * The built weapp 我的 as a liaison: 爱心餐暂停预约 (riders of my groups paused for no-shows) comes
 * after the liaison console and opens the pause list.
 */
import { loadWeappPage } from './helpers/weapp'
import { cloudUrl, needBuiltWeapp } from './me-helpers'

test('我的 as liaison: 爱心餐暂停预约 opens the list of paused riders', async () => {
  needBuiltWeapp()
  const page = await loadWeappPage('pages/me/index', { cloudUrl: cloudUrl(), openid: 'o-demo-liaison-li' })
  await page.waitForText('爱心餐暂停预约')
  const entries = page.page.querySelectorAll('.me__entries .me__entry')
  expect(
    entries
      .map((n) => (n.dom.textContent ?? '').replace(/\s+/g, ''))
      .map((t) => t.slice(0, 8))
      .slice(0, 2),
  ).toEqual(['认证审核与群成员', '爱心餐暂停预约爽'])
  entries[1].dispatchEvent('tap')
  await new Promise((r) => setTimeout(r, 50))
  expect(page.navigations).toEqual([{ api: 'navigateTo', url: '/pkg-canteen/pauses/index' }])
})
