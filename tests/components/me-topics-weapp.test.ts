/**
 * @jest-environment jsdom
 *
 * The built weapp 我的 as a verified rider (张伟): 我提的议题 is among my services and opens my topics.
 */
import { loadWeappPage } from './helpers/weapp'
import { cloudUrl, needBuiltWeapp } from './me-helpers'

test('我的 shows 我提的议题 to a verified rider and opens it', async () => {
  needBuiltWeapp()
  const page = await loadWeappPage('pages/me/index', { cloudUrl: cloudUrl(), openid: 'o-demo-rider-zhang' })
  await page.waitForText('我提的议题')
  const entry = page.page.querySelectorAll('.me__entry').find((n) => (n.dom.textContent ?? '').includes('我提的议题'))
  if (!entry) throw new Error('no 我提的议题 entry')
  entry.dispatchEvent('tap')
  await new Promise((r) => setTimeout(r, 50))
  expect(page.navigations).toEqual([{ api: 'navigateTo', url: '/pkg-topics/mine/index' }])
})
