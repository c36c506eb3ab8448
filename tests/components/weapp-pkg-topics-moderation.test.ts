/**
 * @jest-environment jsdom
 *
 * The built weapp 审核举报 for the liaison: the demo's spam comment hidden by three reports, with the
 * reasons; removing it needs a reason, then the function is called.
 */
import { loadWeappPage } from './helpers/weapp'
import { calledAfter, cloudUrl, type } from './topics-helpers'

test('审核举报 shows the hidden comment and its reasons; removal with a reason', async () => {
  const page = await loadWeappPage('pkg-topics/moderation/index', { cloudUrl: cloudUrl(), openid: 'o-demo-liaison-li' })
  await page.waitForText('加群领外卖红包')
  expect(page.text()).toContain('已隐藏')
  expect(page.text()).toContain('广告或刷屏 ×3')
  expect(page.text()).toContain('写好理由后才能恢复或删除')
  await type(page, '.form-input', '广告，删除')
  const before = page.calls.length
  await page.tap('.moderation__item .button-primary')
  expect(await calledAfter(page, before, 'moderate')).toMatchObject({
    kind: 'comment',
    id: 'tc-demo-spam',
    decision: 'remove',
    reason: '广告，删除',
  })
})
