/**
 * e2e helper: the local cloud (demo data, serving dist/h5 at /) + Debian's Chromium through
 * playwright-core, at a phone viewport. Every page records console errors, page errors and any
 * request that tries to leave 127.0.0.1, so a test can assert there were none.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import type { LocalCloudOptions } from '../../../emulator'
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud'

export const REPO = join(__dirname, '../../..')
export const SCREENSHOTS = join(REPO, 'screenshots')

// CommonJS: shared with the .mjs scripts and jest's CommonJS setup files
export const { CHROMIUM_ARGS } = require('../../../scripts/local-cloud-process.cjs') as { CHROMIUM_ARGS: string[] }

export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(p)) throw new Error(`Chromium not found at ${p}: apt-get install -y chromium fonts-noto-cjk (.ci/run does this)`)
  return p
}

export interface Watched {
  page: Page
  consoleErrors: string[]
  outsideRequests: string[]
}

export interface E2E {
  cloud: TestCloud
  browser: Browser
  /** A fresh phone-sized browser context acting as `openid` (dev-login cookie), optionally opened from a group. */
  open(path: string, as?: { openid?: string; group?: string }): Promise<Watched>
  shot(page: Page, name: string): Promise<string>
  close(): Promise<void>
}

export async function startE2E(opts: LocalCloudOptions = {}): Promise<E2E> {
  if (!existsSync(join(REPO, process.env.XG_DIST ?? 'dist', 'h5/index.html')))
    throw new Error('dist/h5 is missing: run npm run build:h5 (npm test does)')
  const cloud = await startTestCloud({ seed: 'demo', ...opts })
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  const contexts: BrowserContext[] = []
  mkdirSync(SCREENSHOTS, { recursive: true })
  return {
    cloud,
    browser,
    async open(path, as = {}) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        isMobile: true,
        hasTouch: true,
        reducedMotion: 'reduce',
      })
      contexts.push(context)
      if (as.openid) await context.addCookies([{ name: 'xg_local_openid', value: as.openid, url: cloud.url }])
      const page = await context.newPage()
      const watched: Watched = { page, consoleErrors: [], outsideRequests: [] }
      page.on('console', (m) => {
        if (m.type() === 'error') watched.consoleErrors.push(m.text())
      })
      page.on('pageerror', (e) => watched.consoleErrors.push(String(e)))
      page.on('request', (r) => {
        const u = new URL(r.url())
        if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol))
          watched.outsideRequests.push(r.url())
      })
      const sep = path.includes('?') ? '&' : '?'
      const url = as.group ? `${cloud.url}/?group=${encodeURIComponent(as.group)}#${path}` : `${cloud.url}/#${path}`
      void sep
      await page.goto(url, { waitUntil: 'networkidle' })
      return watched
    },
    async shot(page, name) {
      const file = join(SCREENSHOTS, `${name}.png`)
      await page.waitForTimeout(300)
      await page.screenshot({ path: file, fullPage: false })
      return file
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined)
      await browser.close()
      await cloud.stop()
    },
  }
}
