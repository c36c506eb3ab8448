/**
 * @jest-environment jsdom
 *
 * The built weapp 我的 as station staff (miniprogram-simulate, local cloud with the demo town):
 * appointed by the town, so no 未认证 and no request to verify; the one entry is the station console
 * that exists (驿站管理), and nothing only toasts "马上上线".
 */
import { loadWeappPage } from './helpers/weapp'
import { cloudUrl, needBuiltWeapp } from './me-helpers'

test('我的 as station staff: no verification asked, the station console entry opens it', async () => {
  needBuiltWeapp()
  const page = await loadWeappPage('pages/me/index', { cloudUrl: cloudUrl(), openid: 'o-demo-staff-station' })
  await page.waitForText('驿站管理')
  const text = page.text()
  expect(text).toContain('站点工作人员')
  for (const absent of ['未认证', '认证成为小哥', '去认证', '核销取餐', '马上上线'])
    expect([absent, text.includes(absent)]).toEqual([absent, false])
  await page.tap('.me__entries .me__entry')
  expect(page.navigations).toEqual([{ api: 'navigateTo', url: '/pkg-stations/console/index' }])
})
