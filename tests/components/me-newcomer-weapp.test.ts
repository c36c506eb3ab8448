/**
 * @jest-environment jsdom
 *
 * The built weapp 我的 for a rider who did not open the app from a group card (miniprogram-simulate,
 * local cloud): no dead end — the page says what to do in a rider's words (open it from the group
 * card, or scan the liaison's invite code), and 扫邀请码加入 scans (wx.scanCode) and opens the join
 * page with the invite's token.
 */
import { loadWeappPage } from './helpers/weapp'
import { cloudUrl, needBuiltWeapp } from './me-helpers'

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345'

test('我的 for a newcomer in no group: told how to join, and the scan button opens the invite', async () => {
  needBuiltWeapp()
  const g = globalThis as unknown as { wx?: Record<string, unknown> }
  g.wx = {
    ...(g.wx ?? {}),
    scanCode: (o: { success?: (r: unknown) => void; complete?: () => void }) => {
      o.success?.({ result: `https://xgzj.example.cn/join?t=${TOKEN}`, scanType: 'QR_CODE', errMsg: 'scanCode:ok' })
      o.complete?.()
    },
  }
  const page = await loadWeappPage('pages/me/index', { cloudUrl: cloudUrl(), openid: 'o-comp-newcomer-no-group' })
  await page.waitForText('认证成为小哥')
  expect(page.text()).toContain('从小哥微信群里点小程序卡片打开，或扫联络员给的邀请码')
  expect(page.text()).toContain('未认证')
  await page.tap('.me__verify-action')
  const until = Date.now() + 3000
  while (page.navigations.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 30))
  expect(page.navigations).toEqual([{ api: 'navigateTo', url: `/pkg-me/join/index?t=${TOKEN}` }])
})
