/**
 * @jest-environment jsdom
 *
 * 首页 of the built weapp with the micro-front: the current group's pinned and latest notices from the
 * same single getHome call, 新 on the ones not read yet, a tap opens the notice page; 进微阵地 opens
 * the group's front page.
 */
import { loadWeappPage } from './helpers/weapp'

test('首页 lists the group’s notices and each opens its page', async () => {
  const home = await loadWeappPage('pages/index/index', {
    cloudUrl: process.env.XG_COMPONENTS_CLOUD as string,
    openid: 'o-demo-rider-chen',
  })
  await home.waitForText('今晚有雷阵雨，注意骑行安全')
  expect(home.calls).toEqual([{ name: 'home', data: { action: 'getHome' } }])
  expect(home.text()).toContain('周浦万达骑手之家群')
  expect(home.page.querySelectorAll('.home-front__row').length).toBeGreaterThanOrEqual(3)
  expect(home.text()).toContain('新') // 陈磊 has not read the night-school notice
  await home.tap('.home-front__row')
  expect(home.navigations).toEqual([{ api: 'navigateTo', url: '/pkg-front/notice/index?id=nt-heat-safety' }])
  home.navigations.length = 0
  await home.tap('.home-front .section-header__action')
  expect(home.navigations).toEqual([{ api: 'navigateTo', url: '/pkg-front/front/index' }])
})
