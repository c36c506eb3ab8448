/**
 * @jest-environment jsdom
 *
 * The built weapp 首页 when the network is down on first entry: the error state with 重试 (never a
 * blank page or an unhandled rejection), and 重试 fetching the first screen from the local cloud.
 */
import { loadWeappPage } from './helpers/weapp'

const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string

test('offline on first entry → 重试 → first screen from the local cloud', async () => {
  const unhandled: unknown[] = []
  const onUnhandled = (r: unknown) => unhandled.push(r)
  process.on('unhandledRejection', onUnhandled)
  const page = await loadWeappPage('pages/index/index', { cloudUrl, openid: 'o-demo-rider-zhang', failFirst: 1 })
  await page.waitForText('首页没有加载出来')
  expect(page.text()).toContain('网络不给力，请稍后重试')
  await page.tap('.state-view__action')
  await page.waitForText('张伟')
  expect(page.calls).toHaveLength(2)
  expect(page.text()).not.toContain('重试')
  process.off('unhandledRejection', onUnhandled)
  expect(unhandled).toEqual([])
})
