/**
 * @jest-environment jsdom
 *
 * The built weapp 我的 as the demo admin 王强 (miniprogram-simulate, local cloud with the demo
 * town): his group shows 值班中 during his seeded duty week (one page load per file).
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

test('我的 as the admin on duty this week: 值班中 on the group', async () => {
  needBuild()
  const page = await loadWeappPage('pages/me/index', { cloudUrl, openid: 'o-demo-admin-wang' })
  await page.waitForText('周浦万达骑手之家群')
  expect(page.text()).toContain('值班中')
  expect(page.text()).toContain('已认证')
  // entries appear when their features land: none of the old "coming soon" ones
  for (const gone of ['发布群公告', '值班表', '我的爱心餐预约', '我提的议题', '问联络员']) expect(page.text()).not.toContain(gone)
})
