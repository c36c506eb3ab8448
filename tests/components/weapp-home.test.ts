/**
 * @jest-environment jsdom
 *
 * The BUILT weapp 首页 (dist/weapp) in miniprogram-simulate with WeChat's template compiler, its
 * `wx.cloud.callFunction` going to the local cloud's gateway (demo town): the first screen comes
 * from ONE home.getHome call; a station card opens that station's detail; a tap on 我的 leads to
 * the 我的 tab.
 */
import { loadWeappPage, type WeappPage } from './helpers/weapp'

const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string

describe('weapp 首页 (built output, local cloud)', () => {
  let home: WeappPage
  test('one home.getHome call fills the first screen', async () => {
    expect(cloudUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    home = await loadWeappPage('pages/index/index', { cloudUrl, openid: 'o-demo-admin-wang' })
    await home.waitForText('王强')
    expect(home.calls).toEqual([{ name: 'home', data: { action: 'getHome' } }])
    // open stations depend on the hour; the demo town has two 24-hour ones, so one is always listed
    expect(home.page.querySelectorAll('.station__name').length).toBeGreaterThan(0)
    expect(home.text()).toMatch(/\d+(\.\d+)? ?(米|公里)|就在附近/)
  })

  test('a station card opens that station (not just the list)', async () => {
    await home.tap('.home__station-card')
    expect(home.navigations).toHaveLength(1)
    expect(home.navigations[0]).toMatchObject({ api: 'navigateTo' })
    expect(home.navigations[0].url).toMatch(/^\/pkg-stations\/detail\/index\?stationId=st-/)
    home.navigations.length = 0
  })

  test('tapping my card opens the 我的 tab', async () => {
    await home.tap('.home__me')
    expect(home.navigations).toEqual([{ api: 'switchTab', url: '/pages/me/index' }])
  })
})
