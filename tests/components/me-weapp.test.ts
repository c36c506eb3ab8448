/**
 * @jest-environment jsdom
 *
 * The built weapp 我的 in miniprogram-simulate, wired to the local cloud (demo town): a rider whose
 * verification is pending sees it from ONE users.getMe call, their group, and 查看申请 leads to the
 * verification page of the pkg-me subpackage.
 */
import { loadWeappPage } from './helpers/weapp'
import { cloudUrl, needBuiltWeapp } from './me-helpers'

test('我的: pending verification, my group, and the way to the verification page', async () => {
  needBuiltWeapp()
  const page = await loadWeappPage('pages/me/index', { cloudUrl: cloudUrl(), openid: 'o-demo-visitor-zhao' })
  await page.waitForText('认证审核中')
  expect(page.text()).toContain('赵刚')
  expect(page.text()).toContain('审核中')
  expect(page.text()).toContain('周浦万达骑手之家群')
  expect(page.calls.filter((c) => c.name === 'users')).toEqual([{ name: 'users', data: { action: 'getMe' } }])
  expect(page.calls.some((c) => c.name === 'home')).toBe(false)
  await page.tap('.me__verify-action')
  expect(page.navigations).toEqual([{ api: 'navigateTo', url: '/pkg-me/verify/index' }])
})
