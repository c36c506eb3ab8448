/**
 * The 微阵地 (pkg-front) pages of the built weapp and what each must show and do, for the
 * one-page-per-file tests weapp-pkg-front-*.test.ts (the built chunks register on `wx` once per file).
 * The taps change nothing other page tests read (one 收到 of 赵刚, one settings save with the same values).
 */
import { loadWeappPage, type WeappPage } from './helpers/weapp'

export interface FrontCase {
  page: string
  openid: string
  query?: Record<string, string>
  shows: string
  tap?: string
  tapIndex?: number
  /** after the tap: a cloud call with this action, this text on the page, or a navigation to this url prefix */
  after?: { action?: string; text?: string; navigateTo?: string }
}

const G = { groupId: 'grp-zhoupu-wanda' }

export const FRONT_CASES: FrontCase[] = [
  {
    page: 'pkg-front/front/index',
    openid: 'o-demo-rider-zhang',
    query: G,
    shows: '今晚有雷阵雨',
    tap: '.fr-front__door--ask',
    after: { navigateTo: '/pkg-front/ask/index' },
  },
  {
    page: 'pkg-front/notice/index',
    openid: 'o-demo-visitor-zhao',
    query: { id: 'nt-night-school' },
    shows: '青年夜校本周四开课',
    tap: '.fr-ackbar__ack',
    after: { action: 'ackNotice', text: '已收到' },
  },
  {
    page: 'pkg-front/post/index',
    openid: 'o-demo-admin-wang',
    query: G,
    shows: '发到周浦万达骑手之家群',
    tap: '.chip',
    tapIndex: 1,
    after: { text: '安全提醒会同时用微信消息通知' },
  },
  {
    page: 'pkg-front/figures/index',
    openid: 'o-demo-admin-wang',
    query: { id: 'nt-heat-safety' },
    shows: '还没看',
    tap: '.console__tab',
    tapIndex: 2,
    after: { text: '张伟' },
  },
  {
    page: 'pkg-front/notices/index',
    openid: 'o-demo-rider-zhang',
    query: G,
    shows: '职业伤害保障',
    tap: '.console__tab',
    tapIndex: 1,
    after: { text: '谁有多的电动车雨披' },
  },
  {
    page: 'pkg-front/ask/index',
    openid: 'o-demo-rider-chen',
    query: G,
    shows: '问联络员 李敏',
    tap: '.fr-ask__faq .fr-row',
    tapIndex: 1,
    after: { navigateTo: '/pkg-front/faq/index' },
  },
  {
    page: 'pkg-front/mine/index',
    openid: 'o-demo-rider-zhang',
    shows: '15 元爱心餐需要带什么证件吗？',
    tap: '.fr-qrow',
    after: { navigateTo: '/pkg-front/question/index?id=' },
  },
  {
    page: 'pkg-front/question/index',
    openid: 'o-demo-liaison-li',
    query: { id: 'q-insurance' },
    shows: '陈磊',
    tap: '.fr-liaison__askback',
    after: { text: '先写想请他补充什么' },
  },
  {
    page: 'pkg-front/queue/index',
    openid: 'o-demo-liaison-li',
    query: G,
    shows: '职业伤害保障怎么查',
    tap: '.console__tab',
    tapIndex: 1,
    after: { text: '头盔在小区门口被人拿走了' },
  },
  {
    page: 'pkg-front/replies/index',
    openid: 'o-demo-liaison-li',
    shows: '查职业伤害保障',
    tap: '.fr-replies__add',
    after: { text: '短名字' },
  },
  {
    page: 'pkg-front/faq/index',
    openid: 'o-demo-rider-zhang',
    query: G,
    shows: '15 元爱心餐需要带证件吗？',
    tap: '.fr-faq__q',
    after: { text: '凭取餐码取餐' },
  },
  {
    page: 'pkg-front/roster/index',
    openid: 'o-demo-liaison-li',
    query: G,
    shows: '现在值班：王强',
    tap: '.fr-roster__plan',
    after: { text: '谁来值班' },
  },
  {
    page: 'pkg-front/term/index',
    openid: 'o-demo-admin-wang',
    query: G,
    shows: '你正在值班',
    tap: '.fr-term__post',
    after: { navigateTo: '/pkg-front/post/index' },
  },
  { page: 'pkg-front/handovers/index', openid: 'o-demo-liaison-li', query: G, shows: '上周下雨多' },
  {
    page: 'pkg-front/settings/index',
    openid: 'o-demo-liaison-li',
    query: G,
    shows: '联络员回复时间',
    tap: '.fr-settings__save',
    after: { action: 'updateSettings' },
  },
]

async function until(check: () => boolean, what: string, p: WeappPage): Promise<void> {
  const end = Date.now() + 5000
  while (!check()) {
    if (Date.now() > end) throw new Error(`${what} did not happen; text: ${p.text().slice(0, 300)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Load the page as its person; it shows its main content and its primary tap does what it says. */
export async function checkFrontPage(page: string): Promise<void> {
  const c = FRONT_CASES.find((x) => x.page === page)
  if (!c) throw new Error(`no case for ${page}`)
  const g = globalThis as unknown as { wx?: Record<string, unknown> }
  g.wx = {
    ...(g.wx ?? {}),
    navigateBack: () => Promise.resolve(),
    showToast: () => undefined,
    showModal: () => Promise.resolve({ confirm: false }),
    getStorageSync: () => '',
    setStorageSync: () => undefined,
    requestSubscribeMessage: (o: { success?: (r: unknown) => void }) => o.success?.({}),
  }
  const p = await loadWeappPage(c.page, { cloudUrl: process.env.XG_COMPONENTS_CLOUD as string, openid: c.openid, query: c.query })
  await p.waitForText(c.shows, 10000)
  if (!c.tap) return
  const before = p.calls.length
  const nodes = p.page.querySelectorAll(c.tap)
  const node = nodes[c.tapIndex ?? 0]
  if (!node) throw new Error(`no element ${c.tap}[${c.tapIndex ?? 0}] on ${c.page}; text: ${p.text().slice(0, 300)}`)
  node.dispatchEvent('tap')
  const after = c.after ?? {}
  if (after.action) await until(() => p.calls.slice(before).some((x) => x.data.action === after.action), `a ${after.action} call`, p)
  if (after.text) await p.waitForText(after.text, 5000)
  if (after.navigateTo)
    await until(() => p.navigations.some((n) => n.url.startsWith(after.navigateTo as string)), `navigation to ${after.navigateTo}`, p)
}
