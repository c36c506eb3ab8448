/**
 * @jest-environment jsdom
 *
 * The built weapp 我的 as the group's liaison: the liaison's entries are shown (no rider
 * verification card) and 认证审核与群成员 opens the liaison console in the pkg-me subpackage.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { loadWeappPage, WEAPP } from './helpers/weapp'

const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string
const built = existsSync(path.join(WEAPP, 'app.js'))

;(built ? test : test.skip)('我的 as liaison: the console entry leads to the liaison console', async () => {
  const page = await loadWeappPage('pages/me/index', { cloudUrl, openid: 'o-demo-liaison-li' })
  await page.waitForText('认证审核与群成员')
  expect(page.text()).toContain('党员联络员')
  expect(page.text()).not.toContain('认证成为小哥')
  await page.tap('.me__entry')
  expect(page.navigations).toEqual([{ api: 'navigateTo', url: '/pkg-me/liaison/index' }])
})
