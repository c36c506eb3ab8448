/**
 * @jest-environment jsdom
 *
 * The built weapp 办理 page for the liaison: the moves the topic allows now; 受理 with its answer date
 * moves the topic, and the page shows the new status.
 */
import { loadWeappPage } from './helpers/weapp'
import { calledAfter, cloudUrl, freshTopic } from './topics-helpers'

test('办理议题 offers 受理 / 撤回; 受理 sets the public answer date', async () => {
  const topicId = await freshTopic('页面测试：桥洞下积水', 'o-demo-admin-wang')
  const page = await loadWeappPage('pkg-topics/manage/index', { cloudUrl: cloudUrl(), openid: 'o-demo-liaison-li', query: { topicId } })
  await page.waitForText('下一步')
  expect(page.text()).toContain('受理')
  expect(page.text()).toContain('撤回')
  await page.tap('.chip')
  await page.waitForText('书面答复期限（含当天）')
  const before = page.calls.length
  await page.tap('.manage__submit')
  expect(await calledAfter(page, before, 'setStatus')).toMatchObject({
    topicId,
    to: 'accepted',
    dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  })
  await page.waitForText('已受理')
  expect(page.text()).toContain('安排议事会')
})
