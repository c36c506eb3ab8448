/**
 * @jest-environment jsdom
 *
 * The BUILT weapp 首页 (dist/weapp) in miniprogram-simulate with WeChat's template compiler, its
 * `wx.cloud.callFunction` going to the local cloud's gateway (demo town): the first screen comes
 * from ONE home.getHome call; a network failure shows 重试, and 重试 recovers; a tap on 我的 leads
 * to the 我的 tab.
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
    expect(home.text()).toContain('今晚有雷阵雨')
  })

  test('tapping my card opens the 我的 tab', async () => {
    await home.tap('.home__me')
    expect(home.navigations).toEqual([{ api: 'switchTab', url: '/pages/me/index' }])
  })
})
