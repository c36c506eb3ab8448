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
const built = existsSync(path.join(WEAPP, 'app.js'))

;(built ? test : test.skip)('我的 as the admin on duty this week: 值班中 on the group', async () => {
  const page = await loadWeappPage('pages/me/index', { cloudUrl, openid: 'o-demo-admin-wang' })
  await page.waitForText('周浦万达骑手之家群')
  expect(page.text()).toContain('值班中')
})
