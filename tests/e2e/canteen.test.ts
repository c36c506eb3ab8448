/**
 * The 15-yuan meal in Chromium (H5 build, local cloud with the demo canteen, everything through the
 * gateway): a rider books an off-peak slot from the 食堂 tab (slot → 确认预约), canteen staff put
 * the meal in a heated locker from the console, the rider sees the locker number on the booking,
 * staff confirm the pickup by typing the code, and the month's subsidy ledger moves by 15 元.
 * The off-peak slot is today's, with its instants set an hour from now, so the journey works
 * whatever the hour (placing a meal is for today's bookings only).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { newSlotDoc } from '../../cloudfunctions/_domain/meal-plan'
import { businessDate } from '../../cloudfunctions/_lib/time'
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { pushVerdict } from '../cloud/helpers'
import { type E2E, REPO, SCREENSHOTS, startE2E } from './helpers/browser'

const RIDER = DEMO.rider.zhang
const STAFF = DEMO.staff.canteen
const CANTEEN = DEMO.canteen.zhoupu
const text = async (page: Page) => (await page.locator('body').textContent()) ?? ''

describe('canteen (H5 in Chromium)', () => {
  let e2e: E2E
  let bookingId = ''
  let code = ''
  const today = businessDate(new Date())

  beforeAll(async () => {
    e2e = await startE2E()
    const [canteen] = e2e.cloud.db.find('canteens', { _id: CANTEEN })
    const [menu] = e2e.cloud.db.find('meal_menus', { _id: `${CANTEEN}_${today}` })
    const m = (min: number) => new Date(Date.now() + min * 60_000)
    e2e.cloud.db.insert('meal_slots', [
      {
        ...newSlotDoc(canteen, menu, { date: today, start: '23:40', end: '23:55', capacity: 20, offPeak: true }, new Date()),
        startsAt: m(60),
        endsAt: m(90),
        cutoffAt: m(30),
        settleAt: m(120),
      },
    ])
  }, 60000)
  afterAll(() => e2e?.close())

  const month = () => today.slice(0, 7)
  const drawn = async () => {
    const r = await e2e.cloud.call('meals', 'ledger', { canteenId: CANTEEN, month: month() }, { openid: STAFF })
    if (!r.ok) throw new Error(r.error.message)
    return r.data.drawnFen
  }

  test('a rider books an off-peak slot in two taps and gets a pickup code with its QR', async () => {
    const w = await e2e.open('/pages/canteen/index', { openid: RIDER })
    const { page } = w
    await page.getByText('23:40–23:55').waitFor({ timeout: 15000 })
    const cell = page.locator('.slot', { hasText: '23:40–23:55' })
    expect(await cell.textContent()).toContain('错峰')
    await e2e.shot(page, 'e2e-canteen-tab')
    await cell.click()
    await page.getByText('确认预约').waitFor()
    expect(await page.locator('.choice--on').textContent()).toContain('爱心餐 A')
    await e2e.shot(page, 'e2e-canteen-confirm')
    await page.getByText('确认预约').click()
    await page.locator('.ticket__code').waitFor({ timeout: 15000 })
    bookingId = new URL(page.url().replace('#', '')).searchParams.get('bookingId') ?? ''
    expect(bookingId).toMatch(/^bk-/)
    code = ((await page.locator('.ticket__code').textContent()) ?? '').replace(/\s/g, '')
    expect(code).toMatch(/^[ACDEFHJKMNPRTUVWXY3479]{6}$/)
    // the QR on the screen reads back (ZBar) as what the counter's scanner expects
    const qrFile = join(SCREENSHOTS, 'e2e-canteen-qr.png')
    await page.locator('.pickup-qr').screenshot({ path: qrFile })
    const zbar = ['/usr/bin/zbarimg', '/usr/local/bin/zbarimg'].find((p) => existsSync(p))
    if (!zbar) throw new Error('zbarimg not found: apt-get install -y zbar-tools (.ci/run does this)')
    expect(spawnSync(zbar, ['-q', '--raw', qrFile], { encoding: 'utf8' }).stdout.trim()).toBe(`XGMEAL:${code}`)
    expect(await text(page)).toContain('放餐后通知你柜号')
    await e2e.shot(page, 'e2e-canteen-booking')
    expect(w.consoleErrors).toEqual([])
    expect(w.outsideRequests).toEqual([])
  }, 90000)

  test('canteen staff put the meal in a heated locker; the rider sees the locker number', async () => {
    expect(bookingId).not.toBe('')
    const staff = await e2e.open(`/pkg-canteen/console/index?canteenId=${CANTEEN}`, { openid: STAFF })
    const row = staff.page.locator('.handover', { hasText: code })
    await row.waitFor({ timeout: 15000 })
    await row.getByText('放入保温柜').click()
    await staff.page.locator('.handover', { hasText: '1 号柜' }).waitFor({ timeout: 15000 })
    expect(await text(staff.page)).toContain('在用 1 / 24 个')
    await e2e.shot(staff.page, 'e2e-canteen-console-placed')

    const rider = await e2e.open(`/pkg-canteen/booking/index?bookingId=${bookingId}`, { openid: RIDER })
    await rider.page.locator('.ticket__locker').waitFor({ timeout: 15000 })
    expect(await rider.page.locator('.ticket__locker').textContent()).toBe('1 号柜')
    expect(await text(rider.page)).toContain('1 号保温柜，保留到')
    await e2e.shot(rider.page, 'e2e-canteen-booking-locker')
    expect([...staff.consoleErrors, ...rider.consoleErrors]).toEqual([])
  }, 90000)

  test('staff confirm the pickup by the code; the subsidy ledger moves by 15 元', async () => {
    const before = await drawn()
    const staff = await e2e.open(`/pkg-canteen/console/index?canteenId=${CANTEEN}`, { openid: STAFF })
    await staff.page.getByText('确认取餐').first().waitFor({ timeout: 15000 })
    await staff.page.locator('.pickup__input input').fill(code.toLowerCase())
    await staff.page.locator('.pickup__confirm').click()
    await staff.page.locator('.pickup__last').waitFor({ timeout: 15000 })
    expect(await staff.page.locator('.pickup__last').textContent()).toContain('补贴 15 元')
    await staff.page.getByText('在用 0 / 24 个').waitFor({ timeout: 15000 })
    await e2e.shot(staff.page, 'e2e-canteen-pickup')
    expect((await drawn()) - before).toBe(1500)

    const ledger = await e2e.open(`/pkg-canteen/export/index?canteenId=${CANTEEN}`, { openid: STAFF })
    await ledger.page.getByText('已领取', { exact: true }).waitFor({ timeout: 15000 })
    expect(await ledger.page.locator('.rows__row', { hasText: '已领取' }).textContent()).toContain(`${(before + 1500) / 100} 元`)
    await e2e.shot(ledger.page, 'e2e-canteen-ledger')

    const rider = await e2e.open(`/pkg-canteen/booking/index?bookingId=${bookingId}`, { openid: RIDER })
    await rider.page.getByText('已取餐').first().waitFor({ timeout: 15000 })
    expect([...staff.consoleErrors, ...ledger.consoleErrors, ...rider.consoleErrors]).toEqual([])
  }, 90000)

  test('staff give a dish a photo; once it passes the content check riders see it on the menu', async () => {
    const staff = await e2e.open(`/pkg-canteen/dish/index?canteenId=${CANTEEN}`, { openid: STAFF })
    await staff.page.locator('.dishes__row', { hasText: '红烧鸡腿' }).click()
    await staff.page.getByText('保存菜品').waitFor({ timeout: 15000 })
    const [chooser] = await Promise.all([staff.page.waitForEvent('filechooser'), staff.page.locator('.dish-form__photo').click()])
    await chooser.setFiles(join(REPO, 'src/assets/tabbar/canteen-active.png'))
    await staff.page.locator('.dish-form__image').waitFor({ timeout: 15000 })
    await staff.page.getByText('保存菜品').click()
    await staff.page.locator('.dishes__row', { hasText: '红烧鸡腿' }).getByText('照片审核中').waitFor({ timeout: 15000 })
    await e2e.shot(staff.page, 'e2e-canteen-dish-photo')

    const rider = await e2e.open('/pages/canteen/index', { openid: RIDER })
    const dish = rider.page.locator('.dish', { hasText: '红烧鸡腿' }).first()
    await dish.waitFor({ timeout: 15000 })
    // until WeChat's photo check passes, riders see the dish without its photo
    expect(await dish.locator('.dish__photo--none').count()).toBe(1)
    const [saved] = e2e.cloud.db.find('meal_dishes', { canteenId: CANTEEN, name: '红烧鸡腿' })
    await pushVerdict(e2e.cloud, String(saved.photo), 'pass')
    await rider.page.reload({ waitUntil: 'networkidle' })
    await dish.waitFor({ timeout: 15000 })
    await dish.locator('img').waitFor({ timeout: 15000 })
    expect(await dish.locator('.dish__photo--none').count()).toBe(0)
    expect(await dish.locator('img').getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    await dish.scrollIntoViewIfNeeded()
    await e2e.shot(rider.page, 'e2e-canteen-menu-photo')
    expect([...staff.consoleErrors, ...rider.consoleErrors]).toEqual([])
  }, 90000)
})
