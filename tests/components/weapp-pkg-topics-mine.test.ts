/**
 * @jest-environment jsdom
 *
 * The built weapp 我提的议题 (我的 › 我提的议题) for 张伟: his topics with status and the public
 * clock, never another rider's; a card opens the topic; 我关注的 asks the server for the followed ones.
 */
import { loadWeappPage } from './helpers/weapp'
import { calledAfter, cloudUrl } from './topics-helpers'

test('我提的议题 lists my topics, opens one, and switches to the ones I follow', async () => {
  const page = await loadWeappPage('pkg-topics/mine/index', { cloudUrl: cloudUrl(), openid: 'o-demo-rider-zhang' })
  await page.waitForText('外卖电动车禁止进入小区，送餐只能步行 800 米')
  const text = page.text()
  expect(text).toContain('大件快递存放难')
  expect(text).toContain('沈梅路夜间路灯坏了好几盏')
  expect(text).not.toContain('秀沿路一带找不到能用的厕所') // 吴's topic
  expect(text).toMatch(/共 \d+ 个议题|加载更多/)
  expect(text).not.toMatch(/undefined|null|NaN/)
  expect(page.calls.find((c) => c.data.action === 'listTopics')?.data).toMatchObject({ scope: 'mine' })
  await page.tap('.topic-card')
  expect(page.navigations[0]).toEqual({ api: 'navigateTo', url: expect.stringMatching(/^\/pkg-topics\/detail\/index\?topicId=tp-/) })
  const before = page.calls.length
  page.page.querySelectorAll('.chip')[1].dispatchEvent('tap')
  expect(await calledAfter(page, before, 'listTopics')).toMatchObject({ scope: 'followed' })
  await page.waitForText('万达广场周边换电柜太少') // 张伟 supports 吴's charging topic, so he follows it
})
