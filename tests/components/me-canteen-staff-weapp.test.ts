/**
 * @jest-environment jsdom
 *
 * The built weapp 我的 as the canteen's staff (刘阿姨): 核销取餐 opens the canteen console; no
 * verification asked of someone the town appointed.
 */
import { loadWeappPage } from './helpers/weapp'
import { cloudUrl, needBuiltWeapp } from './me-helpers'

test('我的 as canteen staff: 核销取餐 opens the canteen console', async () => {
  needBuiltWeapp()
  const page = await loadWeappPage('pages/me/index', { cloudUrl: cloudUrl(), openid: 'o-demo-staff-canteen' })
  await page.waitForText('核销取餐')
  expect(page.text()).not.toContain('未认证')
  expect(page.text()).not.toContain('驿站管理')
  await page.tap('.me__entries .me__entry')
  expect(page.navigations).toEqual([{ api: 'navigateTo', url: '/pkg-canteen/console/index' }])
})
