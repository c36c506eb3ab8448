/**
 * The subpackage pages of the built weapp and what each must show and do, for the one-page-per-file
 * tests tests/components/weapp-pkg-*.test.ts (the built chunks register on `wx` once per file).
 */
import { loadWeappPage } from './weapp'

export interface Case {
  page: string
  openid: string
  query?: Record<string, string>
  shows: string
  tap?: string
  /** which of the elements matching `tap` (default the first) */
  tapIndex?: number
  /** after the tap: a cloud call with this action, or this text on the page */
  after?: { action?: string; text?: string }
}

export const CASES: Case[] = [
  {
    page: 'pkg-me/profile/index',
    openid: 'o-demo-rider-zhang',
    shows: '平台或公司',
    tap: '.profile__save',
    after: { action: 'updateProfile' },
  },
  { page: 'pkg-me/verify/index', openid: 'o-demo-rider-new-in-town', shows: '请先加入小哥群' },
  { page: 'pkg-me/liaison/index', openid: 'o-demo-liaison-li', shows: '赵刚', tap: '.console__tab', tapIndex: 1, after: { text: '王强' } },
  { page: 'pkg-me/join/index', openid: 'o-demo-rider-chen', query: { t: 'not-a-real-invite-token-000000000' }, shows: '没能加入' },
  { page: 'pkg-me/privacy/index', openid: 'o-demo-rider-zhang', shows: '我们用到的信息' },
  { page: 'pkg-me/notices/index', openid: 'o-demo-rider-zhang', shows: '通知' },
  {
    page: 'pkg-me/town/index',
    openid: 'o-demo-town-office',
    shows: '镇里工作台',
    tap: '.console__tab',
    tapIndex: 1,
    after: { text: '周浦万达骑手之家群' },
  },
  {
    page: 'pkg-stations/report/index',
    openid: 'o-demo-rider-zhang',
    query: { stationId: 'st-wanda' },
    shows: '万达广场红色加油站',
    tap: '.report__option',
    after: { text: '提交' },
  },
  { page: 'pkg-stations/console/index', openid: 'o-demo-staff-station', shows: '万达广场红色加油站' },
  { page: 'pkg-stations/print-code/index', openid: 'o-demo-town-office', query: { stationId: 'st-wanda' }, shows: '万达广场红色加油站' },
  { page: 'pkg-stations/edit/index', openid: 'o-demo-town-office', query: { stationId: 'st-wanda' }, shows: '基本信息' },
]

/** Load the page as its person; it shows its main content and its primary tap does what it says. */
export async function checkSubpackagePage(page: string): Promise<void> {
  const c = CASES.find((x) => x.page === page)
  if (!c) throw new Error(`no case for ${page}`)
  const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string
  const g = globalThis as unknown as { wx?: Record<string, unknown> }
  g.wx = {
    ...(g.wx ?? {}),
    navigateBack: () => Promise.resolve(),
    showToast: () => undefined,
    showModal: () => undefined,
    getStorageSync: () => '',
    setStorageSync: () => undefined,
  }
  const p = await loadWeappPage(c.page, { cloudUrl, openid: c.openid, query: c.query })
  await p.waitForText(c.shows, 10000)
  if (!c.tap) return
  const before = p.calls.length
  if (c.tapIndex) {
    const nodes = p.page.querySelectorAll(c.tap)
    if (!nodes[c.tapIndex]) throw new Error(`no element ${c.tap}[${c.tapIndex}] on ${c.page}`)
    nodes[c.tapIndex].dispatchEvent('tap')
  } else await p.tap(c.tap)
  if (c.after?.action) {
    const until = Date.now() + 5000
    while (!p.calls.slice(before).some((x) => x.data.action === c.after?.action) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 50))
    expect(p.calls.slice(before).map((x) => x.data.action)).toContain(c.after.action)
  }
  if (c.after?.text) await p.waitForText(c.after.text, 5000)
}
