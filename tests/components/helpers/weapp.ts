/**
 * Render a page of the BUILT weapp (dist/weapp) in miniprogram-simulate with WeChat's own template
 * compiler, the real Taro runtime and reconciler — and `wx.cloud.callFunction` wired to a local
 * cloud gateway over HTTP (no canned data). Navigation APIs are recorded so a test can check where
 * a tap leads. Load ONE page per test file: the built chunks register on `wx` once per module registry.
 */
import http from 'node:http'
import path from 'node:path'

export const WEAPP = path.resolve(__dirname, '../../..', process.env.XG_DIST ?? 'dist', 'weapp')

interface SimNode {
  dispatchEvent(name: string, detail?: unknown): void
  querySelector(selector: string): SimNode | null
  querySelectorAll(selector: string): SimNode[]
  dom: HTMLElement
}
interface Rendered extends SimNode {
  attach(parent: HTMLElement): void
}
interface Simulate {
  load(componentPath: string, tagName?: string, options?: { rootPath?: string }): string
  render(id: string): Rendered
  sleep(ms?: number): Promise<void>
}

export interface WeappPage {
  page: Rendered
  text(): string
  /** Tap the first element matching `selector`; throws if there is none. */
  tap(selector: string): Promise<void>
  /** Wait until the page text contains `needle` (polling), or throw with the text seen. */
  waitForText(needle: string, timeoutMs?: number): Promise<void>
  calls: { name: string; data: Record<string, unknown> }[]
  navigations: { api: string; url: string }[]
  /** Make the next N callFunction calls fail as if the network were down. */
  failNext(n: number): void
}

function post(url: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body))
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(data.length), ...headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) })
          } catch {
            resolve({ status: res.statusCode ?? 0, json: text })
          }
        })
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}

export async function loadWeappPage(
  route: string,
  opts: { cloudUrl: string; openid: string; group?: string; query?: Record<string, string>; failFirst?: number },
): Promise<WeappPage> {
  jest.resetModules()
  const simulate = require('miniprogram-simulate') as Simulate
  const g = globalThis as unknown as Record<string, unknown>
  const wx = (g.wx ?? {}) as Record<string, unknown>
  g.wx = wx
  const calls: WeappPage['calls'] = []
  const navigations: WeappPage['navigations'] = []
  let failures = opts.failFirst ?? 0
  wx.cloud = {
    init: () => undefined,
    async callFunction(options: { name: string; data: Record<string, unknown> }) {
      calls.push({ name: options.name, data: options.data })
      if (failures > 0) {
        failures--
        throw Object.assign(new Error('cloud.callFunction:fail Error: network error'), { errCode: -1 })
      }
      const headers: Record<string, string> = { 'x-local-openid': opts.openid }
      if (opts.group) headers['x-local-group'] = opts.group
      const r = await post(`${opts.cloudUrl}/api/functions/${options.name}`, options.data ?? {}, headers)
      if (r.status !== 200) {
        const e = r.json as { errCode?: number; errMsg?: string }
        throw Object.assign(new Error(`cloud.callFunction:fail ${e.errMsg ?? r.status}`), { errCode: e.errCode ?? -1 })
      }
      return { result: r.json, errMsg: 'cloud.callFunction:ok', requestID: 'local' }
    },
  }
  for (const api of ['navigateTo', 'switchTab', 'redirectTo', 'reLaunch']) {
    wx[api] = (o: { url: string; success?: () => void; complete?: () => void }) => {
      navigations.push({ api, url: o.url })
      o.success?.()
      o.complete?.()
    }
  }
  wx.stopPullDownRefresh = () => undefined
  let app: Record<string, unknown> = {}
  g.App = (config: Record<string, unknown>) => {
    app = config
  }
  g.getApp = () => app
  g.getCurrentPages = () => []
  g.Page = (config: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value
    ;(g.Component as (definition: unknown) => void)({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown> & { onLoad: (q: unknown) => void; onShow: () => void }) {
          this.route = route
          this.__route__ = route
          this.onLoad(opts.query ?? {})
          this.onShow()
        },
        ready(this: { onReady?: () => void }) {
          this.onReady?.()
        },
      },
    })
  }
  require(path.join(WEAPP, 'app.js'))
  ;(app.onLaunch as ((o: unknown) => void) | undefined)?.call(app, { path: route, query: opts.query ?? {} })
  ;(app.onShow as ((o: unknown) => void) | undefined)?.call(app, { path: route, query: opts.query ?? {}, scene: opts.group ? 1008 : 1001 })
  const id = simulate.load(path.join(WEAPP, route), undefined, { rootPath: WEAPP })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  const text = () => page.dom.textContent ?? ''
  return {
    page,
    text,
    calls,
    navigations,
    failNext: (n) => {
      failures = n
    },
    async tap(selector) {
      const node = page.querySelector(selector)
      if (!node) throw new Error(`no element ${selector} on ${route}; text: ${text().slice(0, 300)}`)
      node.dispatchEvent('tap')
      await simulate.sleep(30)
    },
    async waitForText(needle, timeoutMs = 8000) {
      const until = Date.now() + timeoutMs
      while (!text().includes(needle)) {
        if (Date.now() > until) throw new Error(`"${needle}" not shown on ${route} within ${timeoutMs} ms; text: ${text().slice(0, 400)}`)
        await simulate.sleep(50)
      }
    },
  }
}
