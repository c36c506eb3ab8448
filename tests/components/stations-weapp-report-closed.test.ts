/**
 * @jest-environment jsdom
 *
 * The built weapp report page of a station closed for repairs: nothing to choose, the page says
 * the station is closed and leads back.
 */
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { loadWeappPage } from './helpers/weapp'

const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string

test('反映问题 at a closed station: nothing offered, it says why', async () => {
  const page = await loadWeappPage('pkg-stations/report/index', {
    cloudUrl,
    openid: DEMO.rider.zhang,
    query: { stationId: DEMO.station.closedRepair },
  })
  await page.waitForText('驿站暂停开放')
  expect(page.text()).toContain('恢复开放后才能反映问题')
  expect(page.page.querySelectorAll('.report__option')).toHaveLength(0)
})
