/**
 * home.getHome's stations part: the nearest stations open right now (hours engine in
 * Asia/Shanghai, machine in UTC), Chinese service labels, nearest first from the rider's location.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'

const everyDay = [1, 2, 3, 4, 5, 6, 7]
const shNow = () => new Date(Date.now() + 8 * 3_600_000)
const pad = (n: number) => String(n).padStart(2, '0')

function station(id: string, lng: number, hours: unknown[], extra: Record<string, unknown> = {}) {
  return {
    _id: id,
    name: `驿站 ${id}`,
    address: '周浦镇测试路',
    location: { type: 'Point', coordinates: [lng, 31.1] },
    provider: 'town',
    services: ['phone_charging', 'heating', 'medkit'],
    hours,
    status: 'open',
    ...extra,
  }
}

describe('home.getHome stations', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud()
    const now = shNow()
    const today = now.getUTCDay() || 7
    const notToday = everyDay.filter((d) => d !== today)
    const h = now.getUTCHours()
    cloud.db.insert('stations', [
      // Nearest, but its days exclude today: 已休息, never "开放中".
      station('h-not-today', 121.5, [{ days: notToday, open: '00:00', close: '24:00' }]),
      // Closed an hour ago today.
      station(
        'h-closed',
        121.501,
        h >= 2 ? [{ days: everyDay, open: '00:00', close: `${pad(h - 1)}:00` }] : [{ days: notToday, open: '00:00', close: '24:00' }],
      ),
      station('h-open-far', 121.52, [{ days: everyDay, open: '00:00', close: '24:00' }]),
      station('h-open-near', 121.505, [{ days: everyDay, open: '00:00', close: '24:00' }], { services: ['phone_charging', 'wifi'] }),
      station('h-removed', 121.5, [{ days: everyDay, open: '00:00', close: '24:00' }], { status: 'removed' }),
    ])
  })
  afterAll(() => cloud.stop())

  test('only stations open now, nearest first, with Chinese service labels and distance', async () => {
    const r = await cloud.call('home', 'getHome', { location: { lat: 31.1, lng: 121.5 } }, { openid: 'o-rider' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.data.stations.map((s) => s.id)).toEqual(['h-open-near', 'h-open-far'])
    expect(r.data.stations[0].services).toEqual(['手机充电', 'Wi-Fi'])
    expect(r.data.stations[0].hoursHint).toBe('24 小时开放')
    expect(r.data.stations[0].distanceText).toMatch(/米$/)
    expect(r.data.stations.every((s) => s.openNow)).toBe(true)
  })

  test('the order follows the rider: from beside the far one it comes first, distances ascending', async () => {
    const r = await cloud.call('home', 'getHome', { location: { lat: 31.1, lng: 121.521 } }, { openid: 'o-rider' })
    expect(r.ok && r.data.stations.map((s) => s.id)).toEqual(['h-open-far', 'h-open-near'])
    const d = r.ok ? r.data.stations.map((s) => s.distanceM) : []
    expect(d).toEqual([...d].sort((a, b) => a - b))
    expect(d[0]).toBeLessThan(200)
    // Without a location: from the town centre (121.572), also far-first; from the west edge, near-first (above).
    const centre = await cloud.call('home', 'getHome', {}, { openid: 'o-rider' })
    expect(centre.ok && centre.data.stations.map((s) => s.id)).toEqual(['h-open-far', 'h-open-near'])
  })

  test('without a location it still answers (town centre); bad coordinates are refused', async () => {
    const r = await cloud.call('home', 'getHome', {}, { openid: 'o-rider' })
    expect(r.ok && r.data.stations.map((s) => s.id).sort()).toEqual(['h-open-far', 'h-open-near'])
    const bad = await cloud.raw('home', { action: 'getHome', location: { lat: 200, lng: 0 } }, { openid: 'o-rider' })
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })
})
