/**
 * @jest-environment jsdom
 *
 * The built weapp 我的 in miniprogram-simulate, wired to the local cloud (demo town): a rider whose
 * verification is pending sees it from ONE users.getMe call, their group, and 查看申请 leads to the
 * verification page of the pkg-me subpackage.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { loadWeappPage, WEAPP } from './helpers/weapp'

const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string
/** A missing build fails the test (never skips it): run `npm run build:weapp` first. */
const built = existsSync(path.join(WEAPP, 'app.js'))
const needBuild = () => {
  if (!built) throw new Error(`no weapp build at ${WEAPP}: run npm run build:weapp first`)
}

test('我的: pending verification, my group, and the way to the verification page', async () => {
  needBuild()
  const page = await loadWeappPage('pages/me/index', { cloudUrl, openid: 'o-demo-visitor-zhao' })
  await page.waitForText('认证审核中')
  expect(page.text()).toContain('赵刚')
  expect(page.text()).toContain('审核中')
  expect(page.text()).toContain('周浦万达骑手之家群')
  expect(page.calls.filter((c) => c.name === 'users')).toEqual([{ name: 'users', data: { action: 'getMe' } }])
  expect(page.calls.some((c) => c.name === 'home')).toBe(false)
  await page.tap('.me__verify-action')
  expect(page.navigations).toEqual([{ api: 'navigateTo', url: '/pkg-me/verify/index' }])
})
