/**
 * @jest-environment jsdom
 *
 * The BUILT weapp 首页 (dist/weapp, `npm run build:weapp` first) rendered by miniprogram-simulate
 * with WeChat's own template compiler: the real Taro runtime, reconciler and base.wxml.
 * Only `wx.cloud.callFunction` is answered here (by the envelope the `home` function returns),
 * because this checks the client shell — the page shows the data, the empty states and the
 * 重试 state — not the function (tests/cloud covers that through the local cloud).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

const WEAPP = path.resolve(__dirname, '../..', process.env.XG_DIST ?? 'dist', 'weapp')
const built = existsSync(path.join(WEAPP, 'app.js'))
const describeBuilt = built ? describe : describe.skip

type Answer = { result?: unknown } | Error
let nextAnswer: Answer = new Error('not set')
const calls: { name: string; data: Record<string, unknown> }[] = []

interface Rendered {
  dom: HTMLElement
  attach(parent: HTMLElement): void
}
interface Simulate {
  load(componentPath: string, tagName?: string, options?: { rootPath?: string }): string
  render(id: string): Rendered
  sleep(ms?: number): Promise<void>
}

const HOME = {
  now: '2026-11-26T11:40:00+08:00',
  greeting: '中午好，王师傅',
  me: { nickname: '王师傅', roles: ['rider'], verified: true },
  stations: [{ id: 's1', name: '人民路红色加油站', address: '人民路 88 号', openNow: true, hoursHint: '开放到 21:00', services: ['热饭'] }],
  canteen: null,
  topics: [],
  notices: [],
}

/** Loads app.js once (App/getApp defined) and presents each Page() as a Component for simulate. */
function loadPage(route: string): { simulate: Simulate; id: string } {
  jest.resetModules()
  const simulate = require('miniprogram-simulate') as Simulate
  const g = globalThis as unknown as Record<string, unknown>
  const wxGlobal = (g.wx ?? {}) as Record<string, unknown>
  g.wx = wxGlobal
  wxGlobal.cloud = {
    init: () => undefined,
    callFunction: (options: { name: string; data: Record<string, unknown> }) => {
      calls.push({ name: options.name, data: options.data })
      return nextAnswer instanceof Error ? Promise.reject(nextAnswer) : Promise.resolve(nextAnswer)
    },
  }
  wxGlobal.stopPullDownRefresh = () => undefined
  let app: Record<string, unknown> = {}
  g.App = (config: Record<string, unknown>) => {
    app = config
  }
  g.getApp = () => app
  g.getCurrentPages = () => []
  g.Page = (config: Record<string, (...args: unknown[]) => unknown>) => {
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value
    ;(g.Component as (definition: unknown) => void)({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown> & { onLoad: (q: unknown) => void; onShow: () => void }) {
          this.route = route
          this.__route__ = route
          this.onLoad({})
          this.onShow()
        },
        ready(this: { onReady?: () => void }) {
          this.onReady?.()
        },
      },
    })
  }
  require(path.join(WEAPP, 'app.js'))
  ;(app.onLaunch as ((o: unknown) => void) | undefined)?.call(app, { path: route, query: {} })
  const id = simulate.load(path.join(WEAPP, route), undefined, { rootPath: WEAPP })
  return { simulate, id }
}

describeBuilt('weapp 首页 (built output in miniprogram-simulate)', () => {
  // One page load per file: the built chunks register themselves on `wx` only once.
  test('failure → 重试 state; 重试 → one home.getHome call fills the first screen', async () => {
    nextAnswer = { result: 'Internal error' } // not an envelope
    const { simulate, id } = loadPage('pages/index/index')
    const page = simulate.render(id) as Rendered & { querySelector(selector: string): { dispatchEvent(name: string): void } | null }
    page.attach(document.createElement('parent-wrapper'))
    await simulate.sleep(50)
    const text = () => page.dom.textContent ?? ''

    expect(calls).toEqual([{ name: 'home', data: { action: 'getHome' } }])
    expect(text()).toContain('首页没有加载出来')
    expect(text()).toContain('网络不给力，请稍后重试')

    nextAnswer = Object.assign(new Error('cloud.callFunction:fail'), { errCode: -1 })
    page.querySelector('.state-view__action')?.dispatchEvent('tap')
    await simulate.sleep(50)
    expect(calls).toHaveLength(2)
    expect(text()).toContain('首页没有加载出来')

    nextAnswer = { result: { ok: true, data: HOME } }
    page.querySelector('.state-view__action')?.dispatchEvent('tap')
    await simulate.sleep(50)
    expect(calls).toHaveLength(3)
    expect(text()).toContain('中午好，王师傅')
    expect(text()).toContain('人民路红色加油站')
    expect(text()).toContain('今天食堂不供餐')
    expect(text()).toContain('还没有议题')
    expect(text()).toContain('暂时没有公告')
    expect(text()).not.toContain('重试')
  })
})
