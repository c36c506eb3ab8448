/**
 * @jest-environment jsdom
 *
 * The built weapp station detail (pkg-stations subpackage) in miniprogram-simulate against the
 * local cloud: hours, services in Chinese, check-ins this week, and 反映问题 leads to the report page.
 */
import { loadWeappPage } from './helpers/weapp'

const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string

test('驿站详情 shows what works and leads to 反映问题', async () => {
  const page = await loadWeappPage('pkg-stations/detail/index', {
    cloudUrl,
    openid: 'o-demo-rider-zhang',
    query: { stationId: 'st-wanda' },
  })
  await page.waitForText('万达广场红色加油站')
  const text = page.text()
  expect(text).toContain('每天 07:00–23:00')
  expect(text).toContain('电瓶车充电/换电')
  expect(text).toContain('本周已有')
  expect(text).toContain('导航过去')
  expect(text).toContain('分享')
  expect(text).not.toMatch(/undefined|null|NaN/)
  await page.tap('.detail__report')
  expect(page.navigations).toEqual([{ api: 'navigateTo', url: '/pkg-stations/report/index?stationId=st-wanda' }])
})
