/**
 * @jest-environment jsdom
 *
 * The built weapp 议事设置 for town: the categories and the threshold; saving sends both.
 */
import { loadWeappPage } from './helpers/weapp'
import { calledAfter, cloudUrl } from './topics-helpers'

test('议事设置 shows the categories and the threshold, and saves them', async () => {
  const page = await loadWeappPage('pkg-topics/settings/index', { cloudUrl: cloudUrl(), openid: 'o-demo-town-office' })
  await page.waitForText('须书面答复的门槛')
  expect(page.text()).toContain('在用')
  const before = page.calls.length
  await page.tap('.settings__save')
  const sent = await calledAfter(page, before, 'updateTopicConfig')
  expect(sent).toMatchObject({ supportThreshold: 10 })
  expect((sent.categories as { label: string }[]).map((c) => c.label)).toEqual(['通行', '停车/充电', '快递存放', '安全', '权益', '其他'])
})
