/**
 * @jest-environment jsdom
 *
 * The built weapp 我的 as the group's liaison: appointed by the town, so never shown 未认证 nor
 * asked to 认证成为小哥; only entries that open something; 认证审核与群成员 opens the liaison
 * console in the pkg-me subpackage.
 */
import { loadWeappPage } from './helpers/weapp'
import { cloudUrl, needBuiltWeapp } from './me-helpers'

test('我的 as liaison: the console entry leads to the liaison console', async () => {
  needBuiltWeapp()
  const page = await loadWeappPage('pages/me/index', { cloudUrl: cloudUrl(), openid: 'o-demo-liaison-li' })
  await page.waitForText('认证审核与群成员')
  expect(page.text()).toContain('党员联络员')
  expect(page.text()).not.toContain('认证成为小哥')
  expect(page.text()).not.toContain('未认证')
  expect(page.text()).not.toContain('马上上线')
  expect(page.text()).not.toContain('待回答的问题')
  await page.tap('.me__entry')
  expect(page.navigations).toEqual([{ api: 'navigateTo', url: '/pkg-me/liaison/index' }])
})
