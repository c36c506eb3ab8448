/**
 * @jest-environment jsdom
 *
 * 我的 of the built weapp with the micro-front entries: the liaison sees the queue, the roster, saved
 * replies and settings of her current group (and no 问联络员); a tap opens the queue.
 */
import { loadWeappPage } from './helpers/weapp'

test('我的 shows the liaison’s micro-front entries and the queue opens', async () => {
  const g = globalThis as unknown as { wx?: Record<string, unknown> }
  g.wx = { ...(g.wx ?? {}), getStorageSync: () => '', setStorageSync: () => undefined }
  const me = await loadWeappPage('pages/me/index', { cloudUrl: process.env.XG_COMPONENTS_CLOUD as string, openid: 'o-demo-liaison-li' })
  await me.waitForText('待回答的问题')
  for (const entry of ['我们群的微阵地', '值班表', '常用回复', '微阵地设置']) expect(me.text()).toContain(entry)
  expect(me.text()).not.toContain('问联络员')
  const entries = me.page.querySelectorAll('.me-front .me__entry')
  entries[1].dispatchEvent('tap')
  await new Promise((r) => setTimeout(r, 50))
  expect(me.navigations).toEqual([{ api: 'navigateTo', url: '/pkg-front/queue/index?groupId=grp-zhoupu-wanda' }])
})
