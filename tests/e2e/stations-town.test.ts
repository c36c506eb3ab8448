/**
 * The town's station editing in Chromium (H5 build, local cloud with demo data, through the
 * gateway): photos uploaded through `POST /api/storage/upload` and shown on the detail, the
 * station's group picked, a removed photo deleted from storage, permanent close behind a confirm
 * dialog; and 首页 using the location the 驿站 tab saved (never asking for it itself).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { deliverVerdict, fileExists } from '../cloud/stations-helpers'
import { type E2E, startE2E } from './helpers/browser'

const RIDER = 'o-demo-rider-zhang'
const TOWN = 'o-demo-town-office'
const NEAR_KANGQIAO = { latitude: 31.1102, longitude: 121.5906 }
const KANGQIAO_STATION = '工会户外职工爱心驿站（康沈路）'

const text = async (page: Page) => (await page.locator('body').textContent()) ?? ''

/** A small solid-colour PNG (so the screenshot shows it). */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Buffer) => {
    let c = 0xffffffff
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())])
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

describe('stations, town editing and 首页 location (H5 in Chromium)', () => {
  let e2e: E2E
  let photoFile = ''
  beforeAll(async () => {
    e2e = await startE2E()
    photoFile = join(mkdtempSync(join(tmpdir(), 'xg-station-photo-')), 'front.png')
    writeFileSync(photoFile, png(240, 160, [196, 54, 28]))
  }, 60000)
  afterAll(() => e2e?.close())

  test('town adds a photo and picks the group; the rider sees the photo; removing it deletes the file', async () => {
    const w = await e2e.open('/pkg-stations/edit/index?stationId=st-civic', { openid: TOWN })
    const { page } = w
    await page.getByText('照片（0/6）').waitFor({ timeout: 15000 })
    await page.getByText('康桥骑手互助群').waitFor({ timeout: 15000 })
    // An enabled button carries no disabled attribute at all (disabled="false" is greyed out by Taro's H5 CSS).
    expect(await page.locator('taro-button-core', { hasText: '添加照片' }).getAttribute('disabled')).toBeNull()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('添加照片（还可加 6 张）').click()])
    await chooser.setFiles(photoFile)
    await page.getByText('删除第 1 张').waitFor({ timeout: 15000 })
    expect(await text(page)).toContain('照片（1/6）')
    await page.locator('.edit__group', { hasText: '康桥骑手互助群' }).click()
    await page.locator('.edit__group--on', { hasText: '康桥骑手互助群' }).waitFor()
    await page.locator('.edit__photos').scrollIntoViewIfNeeded()
    await page.waitForTimeout(400)
    await e2e.shot(page, 'e2e-station-edit-photos')
    await page.locator('.hours-editor__add', { hasText: '保存驿站资料' }).click()
    await page.locator('.console__hours').waitFor({ timeout: 15000 })

    const saved = e2e.cloud.db.find('stations', { _id: 'st-civic' })[0]
    expect(saved.groupId).toBe('grp-kangqiao')
    expect(saved.photos).toHaveLength(1)
    const fileId = String(saved.photos[0])
    expect(fileId).toMatch(new RegExp(`^cloud://.+/stations/${TOWN}/`))
    expect(await fileExists(e2e.cloud, fileId)).toBe(true)
    expect(w.consoleErrors).toEqual([])

    // Riders see it once its content check has passed (the verdict WeChat pushes to contentcheck).
    const waiting = await e2e.open('/pkg-stations/detail/index?stationId=st-civic', { openid: RIDER })
    await waiting.page.locator('.detail__hint').waitFor({ timeout: 15000 })
    expect(await waiting.page.locator('.detail__photo').count()).toBe(0)
    await deliverVerdict(e2e.cloud, fileId, 'pass')

    const rider = await e2e.open('/pkg-stations/detail/index?stationId=st-civic', { openid: RIDER })
    const img = rider.page.locator('.detail__photo img, img.detail__photo').first()
    await img.waitFor({ timeout: 15000 })
    await rider.page.waitForFunction(
      () => {
        const el = document.querySelector('.detail__photo img, img.detail__photo') as HTMLImageElement | null
        return Boolean(el?.complete && el.naturalWidth > 0)
      },
      undefined,
      { timeout: 15000 },
    )
    await rider.page.locator('.detail__photos').scrollIntoViewIfNeeded()
    await e2e.shot(rider.page, 'e2e-station-detail-photo')
    expect(rider.consoleErrors).toEqual([])
    expect(rider.outsideRequests).toEqual([])

    // The town removes it again: saved without it, the file is gone from storage.
    const again = await e2e.open('/pkg-stations/edit/index?stationId=st-civic', { openid: TOWN })
    await again.page.getByText('删除第 1 张').click({ timeout: 15000 })
    await again.page.getByText('照片（0/6）').waitFor()
    expect(await again.page.locator('.edit__group--on').textContent()).toContain('康桥骑手互助群')
    await again.page.locator('.hours-editor__add', { hasText: '保存驿站资料' }).click()
    await again.page.locator('.console__hours').waitFor({ timeout: 15000 })
    expect(e2e.cloud.db.find('stations', { _id: 'st-civic' })[0].photos).toEqual([])
    expect(await fileExists(e2e.cloud, fileId)).toBe(false)
    expect(again.consoleErrors).toEqual([])
  }, 90000)

  test('town closes a station for good after confirming; riders no longer see it', async () => {
    const w = await e2e.open('/pkg-stations/console/index?stationId=st-xiuyan', { openid: TOWN })
    const { page } = w
    await page.getByText('永久关闭（先填写原因）').waitFor({ timeout: 15000 })
    await page.locator('input[placeholder="原因，如：内部装修 / 不再合作"]').fill('社区收回场地')
    expect(await page.locator('taro-button-core', { hasText: '永久关闭驿站' }).getAttribute('disabled')).toBeNull()
    await page.getByText('永久关闭驿站', { exact: true }).click()
    await page.getByText('永久关闭驿站？').waitFor()
    await e2e.shot(page, 'e2e-station-close-confirm')
    await page.getByText('再想想').click()
    expect(e2e.cloud.db.find('stations', { _id: 'st-xiuyan' })[0].status).toBe('open')

    await page.getByText('永久关闭驿站', { exact: true }).click()
    await page.getByText('永久关闭', { exact: true }).click()
    // The console moves on to another station: this one is no longer managed.
    await page.waitForFunction(
      () => {
        const t = document.querySelector('.page-lead__title')?.textContent ?? ''
        return t !== '' && !t.includes('繁荣社区党群服务站')
      },
      undefined,
      { timeout: 15000 },
    )
    expect(e2e.cloud.db.find('stations', { _id: 'st-xiuyan' })[0]).toMatchObject({ status: 'removed', closedReason: '社区收回场地' })
    expect(await page.locator('.console__picker .chip', { hasText: '繁荣社区党群服务站' }).count()).toBe(0)
    expect(w.consoleErrors).toEqual([])

    const rider = await e2e.open('/pages/stations/index', { openid: RIDER })
    await rider.page.locator('.station-card').first().waitFor({ timeout: 15000 })
    await rider.page.waitForLoadState('networkidle')
    expect(await text(rider.page)).not.toContain('繁荣社区党群服务站')
    expect(rider.consoleErrors).toEqual([])
  }, 60000)

  test('首页 uses the location the 驿站 tab saved: the same nearest station; without it, it never asks', async () => {
    // A rider who has never granted the location: 首页 does not ask and sends none.
    const fresh = await e2e.open('/pages/stations/index', { openid: RIDER })
    await fresh.page.addInitScript(() => {
      const w = window as unknown as { __geoAsks: number }
      w.__geoAsks = 0
      const geo = navigator.geolocation
      const original = geo.getCurrentPosition.bind(geo)
      geo.getCurrentPosition = (ok, fail, opts) => {
        w.__geoAsks++
        original(ok, fail, opts)
      }
    })
    const bodies: Record<string, unknown>[] = []
    fresh.page.on('request', (r) => {
      if (r.url().includes('/api/functions/home')) bodies.push(JSON.parse(r.postData() ?? '{}'))
    })
    await fresh.page.evaluate(() => localStorage.clear())
    await fresh.page.goto(`${e2e.cloud.url}/#/pages/index/index`, { waitUntil: 'networkidle' })
    await fresh.page.reload({ waitUntil: 'networkidle' }) // a fresh start on 首页, with the geolocation counter
    await fresh.page.locator('.station__name').first().waitFor({ timeout: 15000 })
    expect(await fresh.page.evaluate(() => (window as unknown as { __geoAsks: number }).__geoAsks)).toBe(0)
    expect(bodies.at(-1)).not.toHaveProperty('location')
    expect(await fresh.page.locator('.station__name').first().textContent()).not.toBe(KANGQIAO_STATION)

    // Granted on the 驿站 tab near 康桥: 首页 then lists the same nearest station first.
    const w = await e2e.open('/pages/stations/index', { openid: RIDER })
    await w.page.context().grantPermissions(['geolocation'], { origin: e2e.cloud.url })
    await w.page.context().setGeolocation(NEAR_KANGQIAO)
    await w.page.reload({ waitUntil: 'networkidle' })
    await w.page.locator('.station-card').first().waitFor({ timeout: 15000 })
    expect(await w.page.locator('.station-card').first().textContent()).toContain(KANGQIAO_STATION)
    const sent: Record<string, unknown>[] = []
    w.page.on('request', (r) => {
      if (r.url().includes('/api/functions/home')) sent.push(JSON.parse(r.postData() ?? '{}'))
    })
    await w.page.goto(`${e2e.cloud.url}/#/pages/index/index`, { waitUntil: 'networkidle' })
    await w.page.locator('.station__name').first().waitFor({ timeout: 15000 })
    expect(sent.at(-1)).toMatchObject({ action: 'getHome', location: { lat: 31.11, lng: 121.59 } })
    expect(await w.page.locator('.station__name').first().textContent()).toBe(KANGQIAO_STATION)
    await e2e.shot(w.page, 'e2e-home-nearest-from-saved-location')
    expect(w.consoleErrors).toEqual([])
    expect(w.outsideRequests).toEqual([])
  }, 60000)
})
