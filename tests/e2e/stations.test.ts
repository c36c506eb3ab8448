/**
 * Stations in Chromium (H5 build, local cloud with demo data, everything through the gateway):
 * a rider near 万达 finds the nearest open station with phone charging, opens it, reports the
 * charger broken; station staff resolve it in the console; the rider's badge disappears.
 * Which station is nearest-and-open depends on the real Shanghai time (万达 closes at 23:00,
 * the 24 h store never), so the test follows whatever the list puts first.
 */
import type { Page } from 'playwright-core'
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { type E2E, startE2E, type Watched } from './helpers/browser'

const RIDER = DEMO.rider.zhang
const TOWN = DEMO.town
const STAFF = 'o-e2e-station-staff'
const NEAR_WANDA = { latitude: 31.1168, longitude: 121.5746 }

async function withLocation(e2e: E2E, w: Watched) {
  await w.page.context().grantPermissions(['geolocation'], { origin: e2e.cloud.url })
  await w.page.context().setGeolocation(NEAR_WANDA)
  await w.page.reload({ waitUntil: 'networkidle' })
}

const text = async (page: Page) => (await page.locator('body').textContent()) ?? ''

describe('stations (H5 in Chromium)', () => {
  let e2e: E2E
  let stationId = ''
  beforeAll(async () => {
    e2e = await startE2E({ functionEnv: { STATION_CHECKIN_SECRET: 'e2e-checkin-secret-0123456789' } })
    const ids = e2e.cloud.db.find('stations', {}, { limit: 100 }).map((s) => String(s._id))
    e2e.cloud.db.insert('users', [
      { _id: STAFF, nickname: '驿站值班员', roles: ['staff'], groupIds: [], staffOf: { station: ids }, createdAt: new Date() },
    ])
  }, 60000)
  afterAll(() => e2e?.close())

  test('a rider finds the nearest open station with phone charging and reports the charger broken', async () => {
    const w = await e2e.open('/pages/stations/index', { openid: RIDER })
    await withLocation(e2e, w)
    const { page } = w
    await page.locator('.station-card').first().waitFor({ timeout: 15000 })
    expect(await text(page)).not.toContain('未获取到你的位置')
    await e2e.shot(page, 'e2e-stations-list')

    await page.locator('.chip', { hasText: '现在开放' }).click()
    await page.locator('.chip', { hasText: '手机充电' }).click()
    await page.locator('.chip--on', { hasText: '手机充电' }).waitFor()
    await page.waitForLoadState('networkidle')
    await page.locator('.stations__loading').waitFor({ state: 'detached' })
    const first = page.locator('.station-card').first()
    const firstText = (await first.textContent()) ?? ''
    expect(firstText).toContain('开放中')
    expect(firstText).toContain('手机充电')
    await e2e.shot(page, 'e2e-stations-filtered')

    await first.click()
    await page.locator('.detail__hint').waitFor({ timeout: 15000 })
    stationId = new URL(page.url().replace('#', '')).searchParams.get('stationId') ?? ''
    expect(stationId).toMatch(/^st-/)
    expect(await text(page)).toContain('本周已有')
    expect(await text(page)).toContain('各项服务正常')
    await e2e.shot(page, 'e2e-station-detail')

    await page.getByText('反映问题（坏了、没水、没开门）').click()
    await page.getByText('手机充电：充电器坏了').click()
    await page.getByText('提交：手机充电：充电器坏了').click()
    await page.getByText('谢谢你的反映').waitFor({ timeout: 15000 })
    expect(await text(page)).toContain('已经告诉驿站工作人员')
    await page.getByText('返回驿站').click()
    await page.locator('#svc-phone_charging.svc-icon--reported').waitFor({ timeout: 15000 })
    expect(await text(page)).toContain('充电器坏了（1 人反映，待确认）')
    await e2e.shot(page, 'e2e-station-detail-reported')
    expect(w.consoleErrors).toEqual([])
    expect(w.outsideRequests).toEqual([])
  }, 90000)

  test('station staff resolve it in the console; the rider sees the badge gone and the outcome', async () => {
    expect(stationId).not.toBe('')
    const staff = await e2e.open(`/pkg-stations/console/index?stationId=${stationId}`, { openid: STAFF })
    await staff.page.getByText('待处理的问题（1）').waitFor({ timeout: 15000 })
    expect(await text(staff.page)).toContain('充电器坏了')
    await e2e.shot(staff.page, 'e2e-station-console')
    await staff.page.getByText('修改开放时间 / 节假日').click()
    await staff.page.getByText('保存开放时间').waitFor()
    await staff.page.locator('.hours-editor').scrollIntoViewIfNeeded()
    await e2e.shot(staff.page, 'e2e-station-console-hours')
    await staff.page.locator('.console__problem').getByText('已修好').click()
    await staff.page.getByText('没有待处理的问题').waitFor({ timeout: 15000 })
    expect(staff.consoleErrors).toEqual([])

    const rider = await e2e.open(`/pkg-stations/detail/index?stationId=${stationId}`, { openid: RIDER })
    await rider.page.locator('.detail__hint').waitFor({ timeout: 15000 })
    expect(await rider.page.locator('.svc-icon--reported').count()).toBe(0)
    const body = await text(rider.page)
    expect(body).not.toContain('待确认')
    expect(body).toContain('我反映的问题')
    expect(body).toContain('已修好')
    // The rider accepted the outcome message when reporting: it went out as a WeChat subscribe message too.
    const pushed = e2e.cloud.openapi.outbox().filter((m) => m.touser === RIDER)
    expect(pushed).toHaveLength(1)
    await e2e.shot(rider.page, 'e2e-station-detail-fixed')
    expect(rider.consoleErrors).toEqual([])
    expect(rider.outsideRequests).toEqual([])
  }, 60000)

  test('location refused: the list says it is sorted from the town centre; the printable code renders', async () => {
    const w = await e2e.open('/pages/stations/index', { openid: RIDER })
    await w.page.locator('.station-card').first().waitFor({ timeout: 15000 })
    expect(await text(w.page)).toContain('未获取到你的位置，按周浦镇中心由近到远排列')

    // Weak network: the saved list is shown and stays usable.
    await w.page.route('**/api/functions/**', (route) => route.abort('internetdisconnected'))
    await w.page.reload({ waitUntil: 'domcontentloaded' })
    await w.page.getByText(/网络不给力，显示的是 \d+ 分钟前保存的列表/).waitFor({ timeout: 20000 })
    expect(await w.page.locator('.station-card').count()).toBeGreaterThan(3)
    await e2e.shot(w.page, 'e2e-stations-offline')
    await w.page.unroute('**/api/functions/**')
    w.consoleErrors.splice(0) // the aborted requests are logged as errors by the browser

    const staff = await e2e.open(`/pkg-stations/print-code/index?stationId=${stationId}`, { openid: STAFF })
    await staff.page.locator('.qr__cell--dark').first().waitFor({ timeout: 15000 })
    expect(await text(staff.page)).toContain('扫码签到')
    await e2e.shot(staff.page, 'e2e-station-print-code')
    expect(w.consoleErrors).toEqual([])
    expect(staff.consoleErrors).toEqual([])
  }, 60000)

  test('town creates a station: bad coordinates are refused with a clear message, then it is saved', async () => {
    const w = await e2e.open('/pkg-stations/edit/index', { openid: TOWN })
    const { page } = w
    await page.getByText('新建驿站').first().waitFor({ timeout: 15000 })
    const inputs = page.locator('.edit input')
    await inputs.nth(0).fill('沈梅路骑手加油站')
    await inputs.nth(1).fill('周浦镇沈梅路 88 号')
    await inputs.nth(2).fill('131.1')
    await inputs.nth(3).fill('121.57')
    await page.locator('.edit__services .chip', { hasText: '手机充电' }).click()
    await page.locator('.edit__services .chip', { hasText: '热饭' }).click()
    await page.locator('.hours-editor__add', { hasText: '新建驿站' }).click()
    await page.getByText('没有保存').waitFor({ timeout: 15000 })
    expect(await text(page)).toContain('参数不正确：location.lat')
    await page.getByText('知道了').click()
    expect(e2e.cloud.db.find('stations', { name: '沈梅路骑手加油站' })).toHaveLength(0)

    await inputs.nth(2).fill('31.121')
    await e2e.shot(page, 'e2e-station-edit')
    await page.locator('.hours-editor__add', { hasText: '新建驿站' }).click()
    await page.getByText('沈梅路骑手加油站').first().waitFor({ timeout: 15000 })
    await page.locator('.console__hours').waitFor({ timeout: 15000 })
    const saved = e2e.cloud.db.find('stations', { name: '沈梅路骑手加油站' })
    expect(saved).toHaveLength(1)
    expect(saved[0].services).toEqual(['phone_charging', 'heating'])
    expect(w.consoleErrors).toEqual([])
  }, 60000)

  test('导航过去 in the browser: the address, 复制地址 and a map link (no request leaves the machine); a closed station says so', async () => {
    const w = await e2e.open(`/pkg-stations/detail/index?stationId=${DEMO.station.wanda}`, { openid: RIDER })
    const { page } = w
    await page.locator('.detail__hint').waitFor({ timeout: 15000 })
    expect(await text(page)).toContain('电话：021-58110000')
    await page.locator('.detail__navigate').click()
    await page.locator('.navigate-panel').waitFor()
    expect(await page.locator('.navigate-panel__address').textContent()).toContain('年家浜路 518 号')
    const href = (await page.locator('a.navigate-panel__link').getAttribute('href')) ?? ''
    expect(href).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=121\.5746,31\.1168&name=/)
    await page.getByText('复制地址').click()
    await page.getByText(/地址已复制|没能复制/).waitFor({ timeout: 5000 })
    await page.locator('.navigate-panel').scrollIntoViewIfNeeded()
    await e2e.shot(page, 'e2e-station-detail-navigate-h5')
    expect(w.consoleErrors).toEqual([])
    expect(w.outsideRequests).toEqual([])

    const closed = await e2e.open(`/pkg-stations/detail/index?stationId=${DEMO.station.closedRepair}`, { openid: RIDER })
    await closed.page.getByText('驿站暂停开放，现在不提供服务').waitFor({ timeout: 15000 })
    const body = await text(closed.page)
    expect(body).toContain('内部装修')
    expect(body).not.toContain('现在能用的服务')
    expect(body).not.toContain('各项服务正常')
    expect(await closed.page.locator('.detail__report').count()).toBe(0)
    await e2e.shot(closed.page, 'e2e-station-detail-closed')
    expect(closed.consoleErrors).toEqual([])
  }, 60000)

  test('the town edits the phone as text: 021-58110000 is shown with its dash and saved as typed', async () => {
    const w = await e2e.open(`/pkg-stations/edit/index?stationId=${DEMO.station.wanda}`, { openid: TOWN })
    const { page } = w
    const phone = page.locator('input[placeholder="021-58110000"]')
    await page.getByText('基本信息').waitFor({ timeout: 15000 })
    await page.waitForFunction(
      () => (document.querySelector('input[placeholder="021-58110000"]') as HTMLInputElement | null)?.value === '021-58110000',
      undefined,
      { timeout: 15000 },
    )
    await phone.fill('021-58119999')
    await page.locator('.hours-editor__add', { hasText: '保存驿站资料' }).click()
    await page.locator('.console__hours').waitFor({ timeout: 15000 })
    expect(e2e.cloud.db.find('stations', { _id: DEMO.station.wanda })[0].phone).toBe('021-58119999')
    expect(w.consoleErrors).toEqual([])
  }, 60000)
})
