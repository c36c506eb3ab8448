/**
 * @jest-environment jsdom
 *
 * The built weapp raise page for a visitor: no form, but how to get verified, and the way to 我的.
 */
import { loadWeappPage } from './helpers/weapp'
import { cloudUrl } from './topics-helpers'

test('a visitor is told to get verified first and led to 我的', async () => {
  const page = await loadWeappPage('pkg-topics/raise/index', { cloudUrl: cloudUrl(), openid: 'o-demo-visitor-zhao' })
  await page.waitForText('认证后才能提议题')
  expect(page.text()).toContain('在“我的”里填写工种、拍工牌')
  await page.tap('.state-view__action')
  expect(page.navigations).toEqual([{ api: 'switchTab', url: '/pages/me/index' }])
})
