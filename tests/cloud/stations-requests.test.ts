/**
 * The station list is the hottest call a rider makes: it costs exactly one database request
 * (the geoNear), because listStations is openidOnly and the router skips the users read.
 * Counted at the local cloud's database door, whatever the function does inside.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'

describe('stations.listStations database requests', () => {
  let cloud: TestCloud
  const counts = new Map<string, number>()
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo' })
    const original = cloud.db.handle.bind(cloud.db)
    cloud.db.handle = (body: Record<string, any>) => {
      const a = String(body?.action ?? '?')
      counts.set(a, (counts.get(a) ?? 0) + 1)
      return original(body)
    }
  })
  afterAll(() => cloud.stop())

  test.each([
    ['nearest first', { location: { lat: 31.12, lng: 121.57 } }],
    ['filtered, open now', { location: { lat: 31.12, lng: 121.57 }, service: 'phone_charging' as const, openNow: true }],
    ['location refused', {}],
  ])('%s: one request, a geoNear aggregate', async (_name, params) => {
    counts.clear()
    const r = await cloud.call('stations', 'listStations', params as never, { openid: 'o-demo-rider-zhang' })
    expect(r.ok).toBe(true)
    expect(Object.fromEntries(counts)).toEqual({ 'database.aggregateDocuments': 1 })
  })

  test('a profile-reading action still reads the caller (the guard is not bypassed elsewhere)', async () => {
    counts.clear()
    await cloud.call('stations', 'listManaged', {} as never, { openid: 'o-demo-staff-station' })
    expect(counts.get('database.getDocument') ?? 0).toBeGreaterThanOrEqual(1)
  })
})
