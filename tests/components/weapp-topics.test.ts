/**
 * @jest-environment jsdom
 *
 * The built weapp 议事 tab in miniprogram-simulate: its main content renders in Chinese and
 * its primary button leads where it says.
 */
import { loadWeappPage } from './helpers/weapp'

const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string

test('议事 tab shows its content and the primary tap leads to 首页', async () => {
  const page = await loadWeappPage('pages/topics/index', { cloudUrl, openid: 'o-demo-rider-zhang' })
  await page.waitForText('议事会商量')
  await page.tap('.state-view__action')
  expect(page.navigations).toEqual([{ api: 'switchTab', url: '/pages/index/index' }])
})
