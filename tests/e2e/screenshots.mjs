#!/usr/bin/env node
/**
 * npm run screenshots — every page of the H5 build, at a phone viewport, as seen by the demo
 * people, served by the real local cloud with demo data (no canned answers). Also the error state
 * (the gateway failing) and the offline state. Saves PNGs to screenshots/ for looking at them.
 * Console errors, page errors and any request leaving 127.0.0.1 are reported (exit 1).
 *
 *   npm run build:h5 && npm run build:weapp && npm run screenshots [-- --out screenshots]
 * (the page list comes from dist/weapp/app.json, so both builds must exist)
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import localCloud from '../../scripts/local-cloud-process.cjs'

const { CHROMIUM_ARGS, spawnLocalCloud } = localCloud

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const DIST = join(ROOT, process.env.XG_DIST ?? 'dist')
const outArg = process.argv.indexOf('--out')
const OUT = resolve(ROOT, outArg > 0 ? process.argv[outArg + 1] : 'screenshots')

function pages() {
  const app = JSON.parse(readFileSync(join(DIST, 'weapp/app.json'), 'utf8'))
  const subs = (app.subpackages ?? app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))
  return [...app.pages, ...subs]
}

/** Query strings of pages that show one thing (opened without it they show their "not found" state). */
const QUERY = {
  'pkg-stations/detail/index': 'stationId=st-wanda',
  'pkg-stations/report/index': 'stationId=st-wanda',
  'pkg-stations/console/index': 'stationId=st-wanda',
  'pkg-stations/print-code/index': 'stationId=st-wanda',
  'pkg-stations/edit/index': 'stationId=st-wanda',
  // 微阵地 (fronts): the demo group, its storm warning and 陈磊's question
  'pkg-front/front/index': 'groupId=grp-zhoupu-wanda',
  'pkg-front/notice/index': 'id=nt-heat-safety',
  'pkg-front/post/index': 'groupId=grp-zhoupu-wanda',
  'pkg-front/figures/index': 'id=nt-heat-safety',
  'pkg-front/notices/index': 'groupId=grp-zhoupu-wanda',
  'pkg-front/ask/index': 'groupId=grp-zhoupu-wanda',
  'pkg-front/question/index': 'id=q-insurance',
  'pkg-front/queue/index': 'groupId=grp-zhoupu-wanda',
  'pkg-front/faq/index': 'groupId=grp-zhoupu-wanda',
  'pkg-front/roster/index': 'groupId=grp-zhoupu-wanda',
  'pkg-front/term/index': 'groupId=grp-zhoupu-wanda',
  'pkg-front/handovers/index': 'groupId=grp-zhoupu-wanda',
  'pkg-front/settings/index': 'groupId=grp-zhoupu-wanda',
  // 议事 (topics): the demo's e-bike topic
  'pkg-topics/detail/index': 'topicId=tp-ebike-ban',
  'pkg-topics/manage/index': 'topicId=tp-ebike-ban',
  'pkg-canteen/booking/index': 'bookingId=bk-demo-wang-tomorrow',
  'pkg-canteen/console/index': 'canteenId=canteen-zhoupu',
  'pkg-canteen/plan/index': 'canteenId=canteen-zhoupu',
  'pkg-canteen/dish/index': 'canteenId=canteen-zhoupu',
  'pkg-canteen/export/index': 'canteenId=canteen-zhoupu',
  'pkg-canteen/settings/index': 'canteenId=canteen-zhoupu',
}

const PEOPLE = [
  ['rider', 'o-demo-admin-wang'],
  ['visitor', 'o-demo-visitor-zhao'],
  ['liaison', 'o-demo-liaison-li'],
  ['station-staff', 'o-demo-staff-station'],
  ['canteen-staff', 'o-demo-staff-canteen'],
  ['town', 'o-demo-town-office'],
]

async function main() {
  if (!existsSync(join(DIST, 'h5/index.html')) || !existsSync(join(DIST, 'weapp/app.json'))) {
    console.error('build first: npm run build:h5 && npm run build:weapp')
    process.exit(2)
  }
  mkdirSync(OUT, { recursive: true })
  const { url, stop } = await spawnLocalCloud({ seed: 'demo' })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const problems = []
  const shoot = async (name, path, openid, setup) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      isMobile: true,
      hasTouch: true,
      reducedMotion: 'reduce',
    })
    await context.addCookies([{ name: 'xg_local_openid', value: openid, url }])
    const page = await context.newPage()
    page.on('console', (m) => m.type() === 'error' && !setup && problems.push(`${name}: console: ${m.text()}`))
    page.on('pageerror', (e) => problems.push(`${name}: page error: ${e}`))
    page.on('request', (r) => {
      const h = new URL(r.url()).hostname
      if (r.url().startsWith('http') && h !== '127.0.0.1') problems.push(`${name}: request left the machine: ${r.url()}`)
    })
    if (setup) await setup(page, context)
    const query = QUERY[path] ? `?${QUERY[path]}` : ''
    await page.goto(`${url}/?group=G-demo-zhoupu-wanda#/${path}${query}`, { waitUntil: 'networkidle' })
    await page.waitForTimeout(600)
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true })
    await context.close()
  }
  try {
    for (const path of pages()) {
      const slug = path.replace(/\/index$/, '').replace(/[/]/g, '-')
      for (const [who, openid] of PEOPLE) {
        if (who !== 'rider' && !/^pages\/(index|me)$/.test(path.replace(/\/index$/, '')) && !path.startsWith('pkg')) continue
        await shoot(`${slug}--${who}`, path, openid)
      }
    }
    await shoot('pages-index--gateway-error', 'pages/index/index', 'o-demo-admin-wang', (page) =>
      page.route('**/api/functions/**', (route) => route.fulfill({ status: 500, body: 'Internal Server Error' })),
    )
    await shoot('pages-index--offline', 'pages/index/index', 'o-demo-admin-wang', (page) =>
      page.route('**/api/functions/**', (route) => route.abort('internetdisconnected')),
    )
  } finally {
    await browser.close()
    await stop()
  }
  console.log(`screenshots in ${OUT}`)
  if (problems.length) {
    console.error(problems.join('\n'))
    process.exit(1)
  }
}

await main()
