/**
 * @jest-environment jsdom
 *
 * The built weapp 议事工作台 for the liaison: what to do next on each topic of their group, the urgent
 * first; a card opens the topic; 全部议题 lists every topic.
 */
import { loadWeappPage } from './helpers/weapp'
import { calledAfter, cloudUrl } from './topics-helpers'

test('议事工作台 lists the to-dos of the liaison group and opens a topic', async () => {
  const page = await loadWeappPage('pkg-topics/console/index', { cloudUrl: cloudUrl(), openid: 'o-demo-liaison-li' })
  await page.waitForText('受理并定答复期限')
  expect(page.text()).toContain('急 · ')
  expect(page.text()).not.toContain('秀沿路') // another group's topic
  await page.tap('.topic-card')
  expect(page.navigations[0].url).toMatch(/^\/pkg-topics\/detail\/index\?topicId=tp-/)
  const before = page.calls.length
  page.page.querySelectorAll('.chip')[1].dispatchEvent('tap')
  expect(await calledAfter(page, before, 'managedTopics')).toMatchObject({ view: 'all' })
})
