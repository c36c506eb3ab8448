/**
 * @jest-environment jsdom
 *
 * The built weapp 首页's 大家在议的事: the live topics most riders met with their clock; a row opens
 * the topic, 全部议题 the tab.
 */
import { loadWeappPage } from './helpers/weapp'
import { cloudUrl } from './topics-helpers'

test('首页 topic rows open the topic', async () => {
  const page = await loadWeappPage('pages/index/index', { cloudUrl: cloudUrl(), openid: 'o-demo-rider-zhang' })
  await page.waitForText('大家在议的事')
  expect(page.text()).toMatch(/外卖电动车禁止进入小区.*议事中.*人也遇到.*还剩 \d+ 天答复/)
  await page.tap('.home-topic')
  expect(page.navigations).toEqual([{ api: 'navigateTo', url: '/pkg-topics/detail/index?topicId=tp-ebike-ban' }])
})
