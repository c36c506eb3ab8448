/**
 * @jest-environment jsdom
 *
 * The built weapp 我的 as a verified rider with a booking (王强, demo canteen): my next 爱心餐 with
 * its pickup code opens the booking; 我的爱心餐预约 opens my bookings.
 */
import { loadWeappPage } from './helpers/weapp'
import { cloudUrl, needBuiltWeapp } from './me-helpers'

test('我的 as a rider: my next 爱心餐 and the way to my bookings', async () => {
  needBuiltWeapp()
  const page = await loadWeappPage('pages/me/index', { cloudUrl: cloudUrl(), openid: 'o-demo-admin-wang' })
  await page.waitForText('我的下一顿爱心餐')
  expect(page.text()).toContain('取餐码 JJK7MX')
  expect(page.text()).toContain('我的爱心餐预约')
  await page.tap('.me__next-meal')
  const entry = page.page.querySelectorAll('.me__entry').find((n) => (n.dom.textContent ?? '').includes('我的爱心餐预约'))
  if (!entry) throw new Error('no 我的爱心餐预约 entry')
  entry.dispatchEvent('tap')
  await new Promise((r) => setTimeout(r, 50))
  expect(page.navigations).toEqual([
    { api: 'navigateTo', url: '/pkg-canteen/booking/index?bookingId=bk-demo-wang-tomorrow' },
    { api: 'navigateTo', url: '/pkg-canteen/mine/index' },
  ])
})
