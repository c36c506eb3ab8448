/**
 * @jest-environment jsdom
 *
 * The built weapp 我的 as the town office (miniprogram-simulate, local cloud with the demo town):
 * 镇里工作台 opens the town console in the pkg-me subpackage, 我的通知 opens the notices page.
 */
import { loadWeappPage } from './helpers/weapp'
import { cloudUrl, needBuiltWeapp } from './me-helpers'

test('我的 as town: the town console entry and my notices', async () => {
  needBuiltWeapp()
  const page = await loadWeappPage('pages/me/index', { cloudUrl: cloudUrl(), openid: 'o-demo-town-office' })
  await page.waitForText('镇里工作台')
  expect(page.text()).toContain('没有新通知')
  expect(page.text()).toContain('指派联络员和站点人员、变更记录')
  // appointed by the town: no verification tag, no verification card, no group card without groups
  expect(page.text()).not.toContain('未认证')
  expect(page.text()).not.toContain('认证成为小哥')
  expect(page.text()).not.toContain('还没有加入小哥群')
  await page.tap('.me__notices')
  await page.tap('.me__entries .me__entry')
  expect(page.navigations).toEqual([
    { api: 'navigateTo', url: '/pkg-me/notices/index' },
    { api: 'navigateTo', url: '/pkg-me/town/index' },
  ])
})
