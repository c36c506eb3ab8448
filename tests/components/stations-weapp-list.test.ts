/**
 * @jest-environment jsdom
 *
 * The built weapp 驿站 tab in miniprogram-simulate, talking to the local cloud (demo town):
 * without a location (simulate has no getFuzzyLocation) it says the list is sorted from the town
 * centre, shows stations with Chinese service labels, a filter tap sends one new list call, and a
 * station card leads to the detail page in the pkg-stations subpackage.
 */
import { loadWeappPage } from './helpers/weapp'

const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string

test('驿站 tab: town-centre note, Chinese services, filter, tap → detail', async () => {
  const page = await loadWeappPage('pages/stations/index', { cloudUrl, openid: 'o-demo-rider-zhang' })
  await page.waitForText('万达广场红色加油站')
  const first = page.calls.find((c) => c.name === 'stations')?.data ?? {}
  if (first.location) expect(page.text()).not.toContain('未获取到你的位置')
  else expect(page.text()).toContain('未获取到你的位置，按周浦镇中心由近到远排列')
  expect(page.text()).toMatch(/\d+(\.\d)? (公里|米)/)
  expect(page.text()).toContain('手机充电')
  expect(page.text()).not.toContain('phone_charging')
  expect(page.text()).toContain('扫码签到')
  expect(page.calls.filter((c) => c.name === 'stations')).toHaveLength(1)

  await page.tap('.chip') // 现在开放
  await page.waitForText('正在更新', 2000).catch(() => undefined)
  const lists = page.calls.filter((c) => c.name === 'stations')
  expect(lists).toHaveLength(2)
  expect(lists[1].data).toMatchObject({ action: 'listStations', openNow: true })

  await page.waitForText('开放中')
  await page.tap('.station-card')
  expect(page.navigations[0]?.api).toBe('navigateTo')
  expect(page.navigations[0]?.url).toMatch(/^\/pkg-stations\/detail\/index\?stationId=st-/)
})
