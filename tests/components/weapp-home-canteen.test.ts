/**
 * @jest-environment jsdom
 *
 * The BUILT weapp 首页's canteen part against the local cloud (demo canteen, where 王强 has a
 * booking tomorrow): my next meal with its pickup code opens the booking; the canteen card opens
 * the 食堂 tab. Still one home.getHome call.
 */
import { loadWeappPage, type WeappPage } from './helpers/weapp'

const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string

describe('weapp 首页 canteen part (built output, local cloud)', () => {
  let home: WeappPage
  test('my next meal with its code, and today’s canteen card, from the one getHome call', async () => {
    home = await loadWeappPage('pages/index/index', { cloudUrl, openid: 'o-demo-admin-wang' })
    await home.waitForText('我的下一顿')
    await home.waitForText('取餐码 JJK7MX')
    expect(home.text()).toContain('周浦小哥食堂 · 15元爱心餐')
    expect(home.calls).toEqual([{ name: 'home', data: { action: 'getHome' } }])
  })

  test('the next meal opens its booking', async () => {
    await home.tap('.next-meal')
    expect(home.navigations).toEqual([{ api: 'navigateTo', url: '/pkg-canteen/booking/index?bookingId=bk-demo-wang-tomorrow' }])
    home.navigations.length = 0
  })

  test('去预约 opens the 食堂 tab', async () => {
    await home.tap('.section-header__action')
    expect(home.navigations).toEqual([{ api: 'switchTab', url: '/pages/canteen/index' }])
  })
})
