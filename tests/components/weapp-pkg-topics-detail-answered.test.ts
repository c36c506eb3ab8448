/**
 * @jest-environment jsdom
 *
 * The built weapp topic page of the demo's answered topic (部分采纳, 落实中): the answer, who is
 * responsible, the milestone on the timeline; a visitor is told how to take part.
 */
import { loadWeappPage } from './helpers/weapp'
import { cloudUrl } from './topics-helpers'

test('an answered topic shows 部分采纳, the reasons, who is responsible and the milestones', async () => {
  const page = await loadWeappPage('pkg-topics/detail/index', {
    cloudUrl: cloudUrl(),
    openid: 'o-demo-visitor-zhao',
    query: { topicId: 'tp-parcel' },
  })
  await page.waitForText('大件快递存放难')
  const text = page.text()
  expect(text).toContain('部分采纳')
  expect(text).toContain('负责：周浦镇社区管理办、各小区物业')
  expect(text).toContain('周浦花园存放点已启用')
  expect(text).toMatch(/在期限 \d+月\d+日 前答复了/)
  expect(text).toContain('认证成为小哥后，可以支持、评论和报名议事会')
  expect(page.page.querySelectorAll('.support-bar__support')).toHaveLength(0)
})
