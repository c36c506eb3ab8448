/**
 * @jest-environment jsdom
 *
 * The built weapp 议事 tab in miniprogram-simulate against the local cloud (demo town): topics with
 * their status and public clock, 提一个议题 for a verified rider, a card opens its topic.
 */
import { loadWeappPage } from './helpers/weapp'
import { cloudUrl } from './topics-helpers'

test('议事 lists topics with the clock; a card opens the topic; 提一个议题 opens the form', async () => {
  const page = await loadWeappPage('pages/topics/index', { cloudUrl: cloudUrl(), openid: 'o-demo-rider-zhang' })
  await page.waitForText('外卖电动车禁止进入小区')
  await page.waitForText('提一个议题')
  const text = page.text()
  expect(text).toMatch(/还剩 \d+ 天答复/)
  expect(text).toMatch(/已逾期 \d+ 天/)
  expect(text).toContain('人也遇到')
  expect(text).toContain('提一个议题')
  expect(text).not.toMatch(/undefined|null|NaN/)
  await page.tap('.topic-card')
  expect(page.navigations[0]).toEqual({ api: 'navigateTo', url: expect.stringMatching(/^\/pkg-topics\/detail\/index\?topicId=tp-/) })
  await page.tap('.topics__raise')
  expect(page.navigations[1]).toEqual({ api: 'navigateTo', url: '/pkg-topics/raise/index' })
})
