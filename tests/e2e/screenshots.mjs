#!/usr/bin/env node
/**
 * Screenshots of the H5 build at a phone viewport, for looking at the UI (not a test suite).
 *
 *   npm run build:h5 && node tests/e2e/screenshots.mjs [--out screenshots]
 *
 * Serves dist/h5 from a tiny static server on 127.0.0.1 and answers
 * `POST /api/functions/home` itself.
 *
 * ┌───────────────────────────────────────────────────────────────────────────────────────┐
 * │ PREVIEW STUB: the HomeData below is canned, realistic sample data that exists ONLY in   │
 * │ this script, so the pages can be looked at before the local cloud serves the gateway.  │
 * │ The app code has no canned data. Once `npm run cloud` serves /api/functions, point this │
 * │ script at it (or drop the stub) rather than growing the stub.                          │
 * └───────────────────────────────────────────────────────────────────────────────────────┘
 *
 * Shots: every tab page with data; 首页 as a first-time visitor with nothing to show (empty
 * states); 首页 and 我的 when the gateway answers HTTP 500 (error state). Console errors,
 * page errors and failed requests are reported and make the script exit non-zero.
 * Nothing leaves 127.0.0.1: Chromium's resolver maps every other host to NOTFOUND.
 */

import { mkdir, readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const DIST = join(ROOT, 'dist', 'h5')
const outArg = process.argv.indexOf('--out')
const OUT = resolve(ROOT, outArg > 0 ? process.argv[outArg + 1] : 'screenshots')

// ---------------------------------------------------------------- PREVIEW STUB (data) ----
const FULL_HOME = {
  now: '2026-11-26T11:40:00+08:00',
  greeting: '中午好，王师傅',
  me: { nickname: '王师傅', roles: ['rider', 'admin'], verified: true },
  stations: [
    {
      id: 'st-renmin',
      name: '人民路红色加油站',
      address: '人民路 88 号（邮政支局旁）',
      openNow: true,
      hoursHint: '开放到 21:00，还有 9 小时',
      services: ['热饭', '饮水', '充电', '休息', '卫生间'],
    },
    {
      id: 'st-xinhua',
      name: '新华社区驿站',
      address: '新华街 12 号社区服务中心一楼',
      openNow: true,
      hoursHint: '还有 45 分钟关门',
      services: ['饮水', '充电', '应急药箱'],
    },
  ],
  canteen: {
    name: '镇政府小哥食堂',
    date: '2026-11-26',
    priceYuan: 15,
    slots: [
      { label: '11:00 – 11:30', offPeak: true, left: 12 },
      { label: '13:30 – 14:00', offPeak: true, left: 20 },
      { label: '17:00 – 17:30', offPeak: true, left: 0 },
      { label: '18:00 – 18:30', offPeak: false, left: 3 },
    ],
  },
  topics: [
    { id: 'tp-1', title: '阳光花园小区不让电动车进，送餐只能步行 800 米', status: 'scheduled', supporters: 46 },
    { id: 'tp-2', title: '人民路驿站晚上能不能开到 22 点', status: 'open', supporters: 23 },
    { id: 'tp-3', title: '商业街取餐点增设临时停车位', status: 'done', supporters: 61 },
  ],
  notices: [
    { id: 'nt-1', title: '今晚有大风降温，骑行注意安全，驿站有姜茶', pinned: true, groupName: '城东骑手一群' },
    { id: 'nt-2', title: '周六上午 9 点夜校开课：电动车保养与安全', pinned: false, groupName: '城东骑手一群' },
  ],
}

const EMPTY_HOME = {
  now: '2026-11-26T22:10:00+08:00',
  greeting: '晚上好',
  me: { nickname: '微信用户', roles: ['visitor'], verified: false },
  stations: [],
  canteen: null,
  topics: [],
  notices: [],
}
// ------------------------------------------------------------ end of PREVIEW STUB data ----

/** What the stub gateway answers: 'full' | 'empty' | 'error' (HTTP 500, not an envelope). */
let gatewayMode = 'full'
const seenGroupHeaders = new Set()

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

async function serveStatic(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1')
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '')
  let file = join(DIST, rel)
  if (file !== DIST && !file.startsWith(DIST + sep)) {
    res.writeHead(403).end()
    return
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
    const body = await readFile(file)
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body)
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
  }
}

function readBody(req) {
  return new Promise((resolveBody) => {
    let data = ''
    req.on('data', (chunk) => {
      data += chunk
    })
    req.on('end', () => resolveBody(data))
  })
}

// ------------------------------------------------------------- PREVIEW STUB (gateway) ----
async function stubGateway(req, res, name) {
  const body = await readBody(req)
  if (req.headers['x-local-group']) seenGroupHeaders.add(String(req.headers['x-local-group']))
  let action
  try {
    action = JSON.parse(body).action
  } catch {
    action = undefined
  }
  const json = (status, value) => res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(value))

  if (gatewayMode === 'error') {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal Server Error')
    return
  }
  if (name === 'home' && action === 'getHome') {
    json(200, { ok: true, data: gatewayMode === 'empty' ? EMPTY_HOME : FULL_HOME })
    return
  }
  json(200, { ok: false, error: { code: 'NOT_FOUND', message: '预览桩没有这个接口' } })
}
// --------------------------------------------------------- end of PREVIEW STUB gateway ----

function startServer() {
  const server = createServer((req, res) => {
    const match = /^\/api\/functions\/([A-Za-z0-9_-]+)$/.exec(new URL(req.url, 'http://127.0.0.1').pathname)
    if (match && req.method === 'POST') {
      stubGateway(req, res, match[1]).catch(() => res.writeHead(500).end())
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end()
      return
    }
    serveStatic(req, res).catch(() => res.writeHead(500).end())
  })
  return new Promise((resolveServer) => {
    server.listen(0, '127.0.0.1', () => resolveServer(server))
  })
}

const SHOTS = [
  { file: 'index.png', mode: 'full', route: '/pages/index/index', query: '?group=g-chengdong-1', fullPage: true },
  { file: 'index-viewport.png', mode: 'full', route: '/pages/index/index', fullPage: false },
  { file: 'stations.png', mode: 'full', route: '/pages/stations/index', fullPage: true },
  { file: 'canteen.png', mode: 'full', route: '/pages/canteen/index', fullPage: true },
  { file: 'topics.png', mode: 'full', route: '/pages/topics/index', fullPage: true },
  { file: 'me.png', mode: 'full', route: '/pages/me/index', fullPage: true },
  { file: 'index-empty.png', mode: 'empty', route: '/pages/index/index', fullPage: true },
  { file: 'me-empty.png', mode: 'empty', route: '/pages/me/index', fullPage: true },
  {
    file: 'index-error.png',
    mode: 'error',
    route: '/pages/index/index',
    fullPage: false,
    // 重试 after the gateway recovers brings the page back without a reload.
    after: async (page, problems) => {
      gatewayMode = 'full'
      await page.getByText('重试', { exact: true }).click()
      const back = await page.waitForSelector('.home__greeting', { timeout: 10_000 }).catch(() => null)
      if (!back) problems.push('index-error.png: 重试 did not bring the home page back')
      await page.waitForTimeout(300)
      await page.screenshot({ path: join(OUT, 'index-after-retry.png') })
    },
  },
  { file: 'me-error.png', mode: 'error', route: '/pages/me/index', fullPage: false },
  // The gateway does not answer at all (connection refused / offline): same calm error state.
  { file: 'index-offline.png', mode: 'full', offline: true, route: '/pages/index/index', fullPage: false },
]

async function main() {
  try {
    await stat(join(DIST, 'index.html'))
  } catch {
    console.error('dist/h5/index.html is missing: run `npm run build:h5` first.')
    process.exit(2)
  }
  await mkdir(OUT, { recursive: true })
  const server = await startServer()
  const base = `http://127.0.0.1:${server.address().port}`

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  })

  const problems = []
  try {
    for (const shot of SHOTS) {
      gatewayMode = shot.mode
      // A fresh context per shot: no sessionStorage/cookies carried between states.
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      })
      const page = await context.newPage()
      if (shot.offline) await page.route('**/api/functions/**', (route) => route.abort('connectionrefused'))
      const gatewayFailsOnPurpose = shot.mode === 'error' || shot.offline
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return
        // Chromium logs the deliberate gateway failure (HTTP 500 / refused) as a console error.
        const expected = gatewayFailsOnPurpose && msg.location().url.includes('/api/functions/')
        if (!expected) problems.push(`${shot.file}: console error: ${msg.text()} (${msg.location().url})`)
      })
      page.on('pageerror', (err) => problems.push(`${shot.file}: page error: ${err.message}`))
      page.on('requestfailed', (req) => {
        if (!(shot.offline && req.url().includes('/api/functions/'))) problems.push(`${shot.file}: request failed: ${req.url()}`)
      })
      page.on('response', (res) => {
        const expected = gatewayFailsOnPurpose && res.url().includes('/api/functions/')
        if (res.status() >= 400 && !expected) problems.push(`${shot.file}: HTTP ${res.status()} ${res.url()}`)
      })

      await page.goto(`${base}/${shot.query ?? ''}#${shot.route}`, { waitUntil: 'networkidle' })
      await page.addStyleTag({ content: '*,*::before,*::after{animation-duration:0s!important;transition-duration:0s!important}' })
      // Let Taro's router finish its page transition and React commit the loaded state.
      await page
        .waitForFunction(() => !document.querySelector('.state-view--loading'), null, { timeout: 10_000 })
        .catch(() => {
          problems.push(`${shot.file}: still loading after 10 s`)
        })
      await page.waitForTimeout(600)
      if (shot.fullPage) {
        // Taro H5 scrolls inside the page element, not the document: grow the viewport to the
        // content so the whole page is in one picture (the tab bar stays fixed at the bottom).
        const height = await page.evaluate(() => {
          const heights = [document.documentElement.scrollHeight]
          for (const el of document.querySelectorAll('.taro_page, .taro-tabbar__panel, .page')) heights.push(el.scrollHeight)
          return Math.max(...heights)
        })
        const tabBar = await page.evaluate(() => document.querySelector('.weui-tabbar')?.getBoundingClientRect().height ?? 0)
        await page.setViewportSize({ width: 390, height: Math.max(844, Math.ceil(height + tabBar)) })
        await page.waitForTimeout(300)
      }
      await page.screenshot({ path: join(OUT, shot.file) })
      console.log(`saved ${join(OUT, shot.file)}`)
      if (shot.after) await shot.after(page, problems)
      await context.close()
    }
  } finally {
    await browser.close()
    server.close()
  }

  console.log(`X-Local-Group headers seen by the stub gateway: ${[...seenGroupHeaders].join(', ') || '(none)'}`)
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s):\n${problems.join('\n')}`)
    process.exit(1)
  }
  console.log('no console errors, page errors or failed requests')
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
