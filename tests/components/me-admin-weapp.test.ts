/**
 * @jest-environment jsdom
 *
 * The built weapp 我的 as the demo admin 王强 (miniprogram-simulate, local cloud with the demo
 * town): his group shows 值班中 during his seeded duty week (one page load per file).
 */
import { loadWeappPage } from './helpers/weapp'
import { cloudUrl, needBuiltWeapp } from './me-helpers'

test('我的 as the admin on duty this week: 值班中 on the group', async () => {
  needBuiltWeapp()
  const page = await loadWeappPage('pages/me/index', { cloudUrl: cloudUrl(), openid: 'o-demo-admin-wang' })
  await page.waitForText('周浦万达骑手之家群')
  expect(page.text()).toContain('值班中')
  expect(page.text()).toContain('已认证')
  // entries appear when their features land: none of the old "coming soon" ones (the micro-front's
  // 发布群公告 / 我的值班 / 问联络员 have landed: weapp-front-me.test.ts; 我提的议题 too)
  for (const gone of ['马上上线', '这个功能']) expect(page.text()).not.toContain(gone)
  for (const landed of ['发布群公告', '我的值班', '问联络员', '我提的议题']) expect(page.text()).toContain(landed)
})
