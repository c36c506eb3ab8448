/**
 * home.getHome through the gateway → function container → wx-server-sdk → local database,
 * plus the router's contract (envelope, unknown action, roles, identity) that every function shares.
 */
import { DEMO_TOWN_OPENID } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'

describe('home.getHome on an empty town', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud()
  })
  afterAll(() => cloud.stop())

  test('a first-time visitor gets a Chinese first screen with empty sections', async () => {
    const r = await cloud.call('home', 'getHome', {}, { openid: 'o-newcomer' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.data.greeting).toMatch(/[好了]/)
    expect(r.data.me).toEqual({ nickname: '骑手朋友', roles: ['visitor'], verified: false, official: false })
    expect(r.data.stations).toEqual([])
    expect(r.data.origin).toBe('town_centre')
    expect(r.data.now).toMatch(/\+08:00$/)
  })

  test('the bootstrap town account is town, from the function environment only', async () => {
    const r = await cloud.call('home', 'getHome', {}, { openid: DEMO_TOWN_OPENID })
    expect(r.ok && r.data.me.roles).toContain('town')
    const forged = await cloud.raw('home', { action: 'getHome', roles: ['town'], openid: DEMO_TOWN_OPENID }, { openid: 'o-someone' })
    expect((forged.body as { data: { me: { roles: string[] } } }).data.me.roles).toEqual(['visitor'])
  })

  test('unknown action and malformed events give INVALID_ARGUMENT envelopes', async () => {
    const unknown = await cloud.raw('home', { action: 'dropDatabase' }, { openid: 'o-x' })
    expect(unknown.body).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '未知的操作', details: { action: 'dropDatabase' } },
    })
    const none = await cloud.raw('home', {}, { openid: 'o-x' })
    expect(none.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    const proto = await cloud.raw('home', { action: 'toString' }, { openid: 'o-x' })
    expect(proto.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })

  test('an invocation without a user (e.g. a trigger) is UNAUTHENTICATED', async () => {
    const r = await cloud.invoke('home', { action: 'getHome' }, { openid: '' })
    expect(r.ok && r.result).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请在微信中打开小程序后重试' } })
  })
})

describe('home.getHome on the demo town', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo' })
  })
  afterAll(() => cloud.stop())

  test('a verified rider sees the nearest open stations, nearest first; town staff are official, never “unverified”', async () => {
    const r = await cloud.call('home', 'getHome', {}, { openid: 'o-demo-admin-wang' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.data.me.nickname).toBe('王强')
    expect(r.data.me).toMatchObject({ verified: true, official: false })
    expect(r.data.stations.length).toBeGreaterThan(0)
    expect(r.data.stations.every((s) => s.openNow && /米|公里|附近/.test(s.distanceText))).toBe(true)
    const distances = r.data.stations.map((s) => s.distanceM)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    for (const openid of ['o-demo-liaison-li', 'o-demo-staff-station', DEMO_TOWN_OPENID]) {
      const official = await cloud.call('home', 'getHome', {}, { openid })
      expect([openid, official.ok && official.data.me.official, official.ok && official.data.me.verified]).toEqual([openid, true, false])
    }
  })

  test('stations are sorted from the rider when a location is sent', async () => {
    const near = { lat: 31.1105, lng: 121.5679 }
    const r = await cloud.call('home', 'getHome', { location: near }, { openid: 'o-demo-rider-zhang' })
    expect(r.ok && r.data.origin).toBe('rider')
    const far = await cloud.call('home', 'getHome', { location: { lat: 31.5, lng: 121.9 } }, { openid: 'o-demo-rider-zhang' })
    if (!r.ok || !far.ok || !r.data.stations.length) throw new Error('expected stations near the demo town')
    expect(r.data.stations[0].distanceM).toBeLessThan(far.data.stations[0]?.distanceM ?? Number.POSITIVE_INFINITY)
  })
})
