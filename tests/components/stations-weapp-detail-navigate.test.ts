/**
 * @jest-environment jsdom
 *
 * The built weapp station detail (万达) against the local cloud: 导航过去 opens the station's point
 * in WeChat's map (`wx.openLocation`), and the phone is shown as text with its dash.
 */
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { loadWeappPage } from './helpers/weapp'

const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string

test('导航过去 calls openLocation with the station point; 021-58110000 keeps its dash', async () => {
  const opened: Record<string, unknown>[] = []
  const g = globalThis as unknown as { wx: Record<string, unknown> }
  g.wx = {
    ...(g.wx ?? {}),
    openLocation: (o: Record<string, unknown> & { success?: () => void }) => {
      opened.push(o)
      o.success?.()
    },
  }
  const page = await loadWeappPage('pkg-stations/detail/index', {
    cloudUrl,
    openid: DEMO.rider.zhang,
    query: { stationId: DEMO.station.wanda },
  })
  await page.waitForText('万达广场红色加油站')
  expect(page.text()).toContain('电话：021-58110000')
  await page.tap('.detail__navigate')
  expect(opened).toHaveLength(1)
  expect(opened[0]).toMatchObject({ latitude: 31.1168, longitude: 121.5746, name: '万达广场红色加油站' })
})
