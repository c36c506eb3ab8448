/**
 * @jest-environment jsdom
 *
 * The built weapp 议事 tab in miniprogram-simulate: until topics land it explains how a problem
 * reaches the council today (through the group's liaison) and offers no button that leads nowhere.
 */
import { loadWeappPage } from './helpers/weapp'

const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string

test('议事 tab explains the way through the liaison and promises nothing', async () => {
  const page = await loadWeappPage('pages/topics/index', { cloudUrl, openid: 'o-demo-rider-zhang' })
  await page.waitForText('议事会商量')
  expect(page.text()).toContain('告诉联络员')
  expect(page.text()).not.toMatch(/马上|即将|敬请期待/)
  expect(page.page.querySelectorAll('.state-view__action')).toHaveLength(0)
})
