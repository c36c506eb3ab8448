/**
 * @jest-environment jsdom
 *
 * The built weapp topic page (pkg-topics/detail) against the local cloud: the clock in words, the
 * threshold, the timeline and the discussion; 我也遇到 sends a support and the page shows it.
 */
import { loadWeappPage } from './helpers/weapp'
import { calledAfter, cloudUrl, freshTopic } from './topics-helpers'

test('议题详情 shows the clock, timeline and comments; 我也遇到 counts the rider', async () => {
  const topicId = await freshTopic('页面测试：十字路口晚上太黑')
  const page = await loadWeappPage('pkg-topics/detail/index', { cloudUrl: cloudUrl(), openid: 'o-demo-rider-chen', query: { topicId } })
  await page.waitForText('页面测试：十字路口晚上太黑')
  const text = page.text()
  expect(text).toContain('等待联络员受理，受理后会公开答复期限')
  expect(text).toContain('再有 10 人遇到，联络员就须书面答复')
  expect(text).toContain('提出议题')
  expect(text).toContain('还没有人评论')
  expect(text).not.toMatch(/undefined|null|NaN/)
  const before = page.calls.length
  await page.tap('.support-bar__support')
  expect(await calledAfter(page, before, 'support')).toMatchObject({ topicId })
  await page.waitForText('已支持 · 撤回')
  expect(page.text()).toContain('再有 9 人遇到')
})
