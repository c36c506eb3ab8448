/**
 * @jest-environment jsdom
 *
 * The built weapp station detail of a station closed for repairs (demo 周东路驿站), against the
 * local cloud: it says it is closed, why and until when — never "现在能用的服务 … 各项服务正常" —
 * shows its services greyed, and offers nothing to report.
 */
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { loadWeappPage } from './helpers/weapp'

const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string

test('a station closed for repairs says so and offers nothing', async () => {
  const page = await loadWeappPage('pkg-stations/detail/index', {
    cloudUrl,
    openid: DEMO.rider.zhang,
    query: { stationId: DEMO.station.closedRepair },
  })
  await page.waitForText('周东路驿站')
  const text = page.text()
  expect(text).toContain('驿站暂停开放，现在不提供服务')
  expect(text).toContain('原因：内部装修，预计下月恢复开放')
  expect(text).toContain('恢复时间待定')
  expect(text).toContain('恢复开放后提供的服务')
  expect(text).not.toContain('现在能用的服务')
  expect(text).not.toContain('各项服务正常')
  expect(text).not.toMatch(/undefined|null|NaN/)
  expect(page.page.querySelectorAll('.detail__report')).toHaveLength(0)
  expect(page.page.querySelectorAll('.svc-icons--dim')).toHaveLength(1)
})
