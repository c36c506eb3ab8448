/**
 * The product's first screen in Chromium: the H5 build served by the local cloud with demo data,
 * everything through the real gateway and functions. Chinese, no console errors, nothing leaves
 * the machine.
 */
import { type E2E, startE2E } from './helpers/browser'

describe('first screen (H5 in Chromium, local cloud with demo data)', () => {
  let e2e: E2E
  beforeAll(async () => {
    e2e = await startE2E()
  }, 60000)
  afterAll(() => e2e?.close())

  test('a verified rider sees greeting and the nearest open stations; a station card opens that station', async () => {
    const w = await e2e.open('/pages/index/index', { openid: 'o-demo-admin-wang' })
    const { page } = w
    // Which stations are open depends on the hour; two demo stations are open 24 hours, so at any
    // time of day at least one open station card is shown.
    await page.locator('.station__name').first().waitFor({ timeout: 15000 })
    const text = await page.locator('body').textContent()
    expect(text).toContain('王强')
    expect(text).toMatch(/\d+(\.\d+)? ?(米|公里)|就在附近/)
    expect(text).not.toMatch(/undefined|null|NaN|Error|马上上线/)
    await e2e.shot(page, 'e2e-home-rider')
    const name = (await page.locator('.station__name').first().textContent()) ?? ''
    await page.locator('.station__name').first().click()
    await page.waitForURL(/pkg-stations\/detail\/index\?stationId=/, { timeout: 15000 })
    await page.getByText(name).filter({ visible: true }).first().waitFor({ timeout: 15000 })
    expect(w.consoleErrors).toEqual([])
    expect(w.outsideRequests).toEqual([])
  }, 60000)

  test('a newcomer with no cookie still gets a first screen (fresh visitor identity)', async () => {
    const w = await e2e.open('/pages/index/index')
    await w.page.getByText('骑手朋友').first().waitFor({ timeout: 15000 })
    await e2e.shot(w.page, 'e2e-home-newcomer')
    expect(w.consoleErrors).toEqual([])
    expect(w.outsideRequests).toEqual([])
  }, 60000)

  test('every tab opens without errors', async () => {
    for (const tab of ['stations', 'canteen', 'topics', 'me']) {
      const w = await e2e.open(`/pages/${tab}/index`, { openid: 'o-demo-rider-zhang' })
      await w.page.waitForTimeout(500)
      const text = (await w.page.locator('body').textContent()) ?? ''
      expect(text.length).toBeGreaterThan(10)
      expect(text).toMatch(/[\u4e00-\u9fff]/)
      await e2e.shot(w.page, `e2e-tab-${tab}`)
      expect(w.consoleErrors).toEqual([])
      expect(w.outsideRequests).toEqual([])
    }
  }, 90000)
})
