/**
 * The 食堂 subpackage pages of the built weapp and what each must show and do, for the
 * one-page-per-file tests weapp-pkg-canteen-*.test.ts (against the components layer's local cloud
 * with the demo canteen: 王强 has a booking tomorrow at 11:30, 刘阿姨 keeps the canteen).
 */
import { loadWeappPage } from './weapp'

export interface CanteenCase {
  page: string
  openid: string
  query?: Record<string, string>
  shows: string[]
  tap?: string
  /** which of the elements matching `tap` (default the first) */
  tapIndex?: number
  /** after the tap: a cloud call with this action, a navigation to a URL matching this, or this text */
  after?: { action?: string; navigate?: RegExp; text?: string }
}

const canteenId = 'canteen-zhoupu'
const staff = 'o-demo-staff-canteen'

export const CANTEEN_CASES: CanteenCase[] = [
  {
    page: 'pkg-canteen/booking/index',
    openid: 'o-demo-admin-wang',
    query: { bookingId: 'bk-demo-wang-tomorrow' },
    shows: ['取餐码', 'JJK 7MX', '周浦小哥食堂', '11:30–12:00'],
    // 延长保温 (the second button; 改到下一个时段 is the first)
    tap: '.button-secondary',
    tapIndex: 1,
    after: { action: 'runningLate' },
  },
  {
    page: 'pkg-canteen/mine/index',
    openid: 'o-demo-admin-wang',
    shows: ['待取餐', '取餐码 JJK7MX', '爱心餐 A'],
    tap: '.mine__row',
    after: { navigate: /^\/pkg-canteen\/booking\/index\?bookingId=bk-demo-wang-tomorrow$/ },
  },
  {
    page: 'pkg-canteen/console/index',
    openid: staff,
    query: { canteenId },
    shows: ['确认取餐', '今日一览', '保温柜', '在用 0 / 24 个'],
    tap: '.chip',
    after: { navigate: /^\/pkg-canteen\/plan\/index\?canteenId=canteen-zhoupu$/ },
  },
  {
    page: 'pkg-canteen/plan/index',
    openid: staff,
    query: { canteenId },
    shows: ['时段', '10:30–11:00', '爱心餐 A'],
    tap: '.section-header__action',
    after: { text: '加一个时段' },
  },
  {
    page: 'pkg-canteen/dish/index',
    openid: staff,
    query: { canteenId },
    shows: ['红烧鸡腿', '菜品（24）'],
    tap: '.dishes__row',
    after: { text: '保存菜品' },
  },
  {
    page: 'pkg-canteen/export/index',
    openid: staff,
    query: { canteenId },
    shows: ['补贴台账', '每份补贴'],
    tap: '.export__day',
    after: { action: 'exportCsv' },
  },
  {
    page: 'pkg-canteen/settings/index',
    openid: staff,
    query: { canteenId },
    shows: ['开餐前多少分钟截止预约', '几次爽约暂停预约'],
    tap: '.settings__save',
    after: { action: 'setPolicy' },
  },
  { page: 'pkg-canteen/pauses/index', openid: 'o-demo-liaison-li', shows: ['没有被暂停预约的小哥'] },
]

/** Load the page as its person; it shows its main content and its primary tap does what it says. */
export async function checkCanteenPage(page: string): Promise<void> {
  const c = CANTEEN_CASES.find((x) => x.page === page)
  if (!c) throw new Error(`no case for ${page}`)
  const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string
  const g = globalThis as unknown as { wx?: Record<string, unknown> }
  g.wx = {
    ...(g.wx ?? {}),
    showToast: () => undefined,
    showModal: () => undefined,
    getStorageSync: () => '',
    setStorageSync: () => undefined,
  }
  const p = await loadWeappPage(c.page, { cloudUrl, openid: c.openid, query: c.query })
  for (const text of c.shows) await p.waitForText(text, 10000)
  if (!c.tap) return
  const before = p.calls.length
  const nodes = p.page.querySelectorAll(c.tap)
  const node = nodes[c.tapIndex ?? 0]
  if (!node) throw new Error(`no element ${c.tap}[${c.tapIndex ?? 0}] on ${c.page}; text: ${p.text().slice(0, 300)}`)
  node.dispatchEvent('tap')
  const until = Date.now() + 5000
  if (c.after?.action) {
    while (!p.calls.slice(before).some((x) => x.data.action === c.after?.action) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 50))
    expect(p.calls.slice(before).map((x) => x.data.action)).toContain(c.after.action)
  }
  if (c.after?.navigate) {
    while (!p.navigations.length && Date.now() < until) await new Promise((r) => setTimeout(r, 50))
    expect(p.navigations.map((n) => n.url)).toEqual([expect.stringMatching(c.after.navigate)])
  }
  if (c.after?.text) await p.waitForText(c.after.text, 5000)
}
