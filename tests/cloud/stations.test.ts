/**
 * stations through the gateway → function container → wx-server-sdk → local database:
 * nearest-first order and filters, open-now at boundary minutes relative to the real current
 * Shanghai time (the machine runs in UTC), bad input that changes nothing, permissions,
 * the problem lifecycle with concurrent duplicate reports, and check-in under concurrent scans.
 */
import { DEMO_TOWN_OPENID } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'

const SECRET = 'test-checkin-secret-0123456789'
const STAFF = 'o-demo-staff-station' // staff of st-wanda
const RIDER = 'o-demo-rider-zhang'
const TOWN = DEMO_TOWN_OPENID
const everyDay = [1, 2, 3, 4, 5, 6, 7]
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Minutes since Shanghai midnight, now. */
const shMinute = () => {
  const d = new Date(Date.now() + 8 * 3_600_000)
  return d.getUTCHours() * 60 + d.getUTCMinutes()
}
const pad = (n: number) => String(n).padStart(2, '0')
const hhmm = (m: number) => {
  const x = ((m % 1440) + 1440) % 1440
  return `${pad(Math.floor(x / 60))}:${pad(x % 60)}`
}
/** An every-day rule from `open` to `close` minutes (relative to Shanghai midnight, may wrap). */
function rule(open: number, close: number) {
  const o = ((open % 1440) + 1440) % 1440
  const c = ((close % 1440) + 1440) % 1440
  if (c === 0) return { days: everyDay, open: hhmm(o), close: '24:00' }
  return c < o ? { days: everyDay, open: hhmm(o), close: hhmm(c), overnight: true } : { days: everyDay, open: hhmm(o), close: hhmm(c) }
}

function stationDoc(id: string, lng: number, lat: number, extra: Record<string, unknown> = {}) {
  return {
    _id: id,
    name: `测试驿站 ${id}`,
    address: '周浦镇测试路 1 号',
    location: { type: 'Point', coordinates: [lng, lat] },
    provider: 'town',
    services: ['heating', 'water', 'phone_charging'],
    serviceState: {},
    openProblems: {},
    hours: [{ days: everyDay, open: '00:00', close: '24:00' }],
    exceptions: [],
    status: 'open',
    checkin: { version: 1, issuedOn: '2026-11-01' },
    createdAt: new Date(),
    ...extra,
  }
}

function ok<T>(r: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.data
}

describe('stations: list, order, filters and opening hours', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo', functionEnv: { STATION_CHECKIN_SECRET: SECRET } })
  })
  afterAll(() => cloud.stop())

  test('nearest first from the rider, one row per station, distances in metres and Chinese', async () => {
    const here = { lat: 31.1139, lng: 121.5654 } // at 周园路 store
    const list = ok(await cloud.call('stations', 'listStations', { location: here }, { openid: RIDER }))
    const d = list.stations.map((s) => s.distanceM)
    expect(d).toEqual([...d].sort((a, b) => a - b))
    expect(list.stations[0].id).toBe('st-store-24h')
    expect(list.origin.source).toBe('rider')
    expect(list.originNote).toBeNull()
    expect(list.stations[0].services.map((s) => s.label)).toEqual(['热饭', '饮水', '手机充电'])
    expect(JSON.stringify(list)).not.toMatch(/phone_charging"?,"label":"phone_charging/)
    expect(list.stations.find((s) => s.id === 'st-closed-repair')?.hint).toMatch(/^暂停开放：内部装修/)
  })

  test('location refused: sorted from the town centre, and the answer says so', async () => {
    const list = ok(await cloud.call('stations', 'listStations', {}, { openid: RIDER }))
    expect(list.origin.source).toBe('town_centre')
    expect(list.originNote).toContain('未获取到你的位置')
    const d = list.stations.map((s) => s.distanceM)
    expect(d).toEqual([...d].sort((a, b) => a - b))
  })

  test('filter by service and open now: only stations offering it and open at this minute', async () => {
    const list = ok(await cloud.call('stations', 'listStations', { service: 'ebike_charging', openNow: true }, { openid: RIDER }))
    expect(list.stations.length).toBeGreaterThan(0)
    for (const s of list.stations) {
      expect(s.openNow).toBe(true)
      expect(s.services.map((x) => x.key)).toContain('ebike_charging')
    }
    // The 24 h union station offers ebike charging and is always open.
    expect(list.stations.map((s) => s.id)).toContain('st-union-kangqiao')
  })

  test('open-now at boundary minutes, relative to the real Shanghai time', async () => {
    while (new Date().getSeconds() > 50) await sleep(1000) // keep the minute stable across calls
    const m = shMinute()
    const base = { lng: 121.9, lat: 31.5 } // far from the demo stations, close to each other
    cloud.db.insert('stations', [
      stationDoc('b-opens-now', base.lng, base.lat, { hours: [rule(m, m + 120)] }),
      stationDoc('b-closes-now', base.lng + 0.001, base.lat, { hours: [rule(m - 120, m)] }),
      stationDoc('b-closes-next', base.lng + 0.002, base.lat, { hours: [rule(m - 120, m + 1)] }),
      stationDoc('b-opens-next', base.lng + 0.003, base.lat, { hours: [rule(m + 1, m + 120)] }),
      stationDoc('b-holiday', base.lng + 0.004, base.lat, {
        exceptions: [{ date: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), closed: true, note: '节日休息' }],
      }),
      stationDoc('b-closure', base.lng + 0.005, base.lat, { status: 'closed', closedReason: '停电检修', closedUntil: null }),
    ])
    const list = ok(await cloud.call('stations', 'listStations', { location: base, limit: 6 }, { openid: RIDER }))
    const byId = Object.fromEntries(list.stations.map((s) => [s.id, s]))
    expect(list.stations.map((s) => s.id)).toEqual([
      'b-opens-now',
      'b-closes-now',
      'b-closes-next',
      'b-opens-next',
      'b-holiday',
      'b-closure',
    ])
    expect(byId['b-opens-now'].openNow).toBe(true)
    expect(byId['b-closes-now'].openNow).toBe(false)
    expect(byId['b-closes-next'].openNow).toBe(true)
    expect(byId['b-closes-next'].hint).toBe('还有 1 分钟关门')
    expect(byId['b-opens-next'].openNow).toBe(false)
    expect(byId['b-opens-next'].hint).toBe('1 分钟后开门')
    expect(byId['b-holiday'].openNow).toBe(false)
    expect(byId['b-closure'].openNow).toBe(false)
    expect(byId['b-closure'].hint).toBe('暂停开放：停电检修')

    const open = ok(await cloud.call('stations', 'listStations', { location: base, openNow: true, limit: 50 }, { openid: RIDER }))
    const ids = open.stations.map((s) => s.id)
    expect(ids).toEqual(expect.arrayContaining(['b-opens-now', 'b-closes-next']))
    expect(ids).not.toEqual(expect.arrayContaining(['b-closes-now']))
    for (const gone of ['b-closes-now', 'b-opens-next', 'b-holiday', 'b-closure']) expect(ids).not.toContain(gone)
  })

  test('open at night: 24 h and overnight stations, not a daytime one', async () => {
    const base = { lng: 122.2, lat: 31.0 }
    cloud.db.insert('stations', [
      stationDoc('n-day', base.lng, base.lat, { hours: [{ days: everyDay, open: '09:00', close: '17:00' }] }),
      // Open until 06:00, so it is in the night window whatever hour the test runs (a station that
      // closed at 02:00 no longer counts after 02:00: "open at night" means now or later tonight).
      stationDoc('n-overnight', base.lng + 0.001, base.lat, {
        hours: [{ days: everyDay, open: '20:00', close: '06:00', overnight: true }],
      }),
      stationDoc('n-24h', base.lng + 0.002, base.lat),
    ])
    const night = ok(await cloud.call('stations', 'listStations', { location: base, openAtNight: true, limit: 50 }, { openid: RIDER }))
    const ids = night.stations.map((s) => s.id)
    expect(ids).toEqual(expect.arrayContaining(['n-overnight', 'n-24h']))
    expect(ids).not.toContain('n-day')
  })

  test('bad input: out-of-range coordinates, unknown service, unknown fields → INVALID_ARGUMENT', async () => {
    for (const params of [
      { location: { lat: 91, lng: 121 } },
      { location: { lat: 31, lng: -181 } },
      { service: 'massage' },
      { limit: 500 },
      { location: { lat: '31', lng: 121 } },
    ]) {
      const r = await cloud.raw('stations', { action: 'listStations', ...params }, { openid: RIDER })
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
  })

  test('detail: services with state, hours, phone, verified, check-ins this week; unknown station is NOT_FOUND', async () => {
    const d = ok(await cloud.call('stations', 'getStation', { stationId: 'st-wanda' }, { openid: RIDER }))
    expect(d.name).toBe('万达广场红色加油站')
    expect(d.location.lng).toBeCloseTo(121.5746)
    expect(d.hoursText).toBe('每天 07:00–23:00')
    expect(d.phone).toBe('021-58110000')
    expect(d.lastVerified?.by).toBe('周师傅（驿站）')
    expect(d.canManage).toBe(false)
    expect(d.checkinsThisWeek).toBe(0)
    const staff = ok(await cloud.call('stations', 'getStation', { stationId: 'st-wanda' }, { openid: STAFF }))
    expect(staff.canManage).toBe(true)
    const missing = await cloud.call('stations', 'getStation', { stationId: 'st-nowhere' }, { openid: RIDER })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('stations: console permissions and bad hours change nothing', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo', functionEnv: { STATION_CHECKIN_SECRET: SECRET } })
  })
  afterAll(() => cloud.stop())
  const snapshot = () => JSON.stringify(cloud.db.find('stations', {}, { limit: 1000 }))

  test('station staff edit their own station only; riders edit none', async () => {
    const before = snapshot()
    const other = await cloud.call(
      'stations',
      'setHours',
      { stationId: 'st-civic', hours: [{ days: [1], open: '08:00', close: '09:00' }] },
      { openid: STAFF },
    )
    expect(other).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    const state = await cloud.call(
      'stations',
      'setServiceState',
      { stationId: 'st-civic', service: 'heating', state: 'paused' },
      { openid: STAFF },
    )
    expect(state).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    const rider = await cloud.call(
      'stations',
      'setServiceState',
      { stationId: 'st-wanda', service: 'heating', state: 'paused' },
      { openid: RIDER },
    )
    expect(rider).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    const create = await cloud.call(
      'stations',
      'createStation',
      { name: '员工新建', provider: 'town', address: '周浦镇某路 1 号', location: { lat: 31.1, lng: 121.5 }, services: [], hours: [] },
      { openid: STAFF },
    )
    expect(create).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    const forged = await cloud.raw(
      'stations',
      { action: 'setHours', stationId: 'st-civic', hours: [], roles: ['town'], openid: TOWN },
      { openid: STAFF },
    )
    expect(forged.body).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(snapshot()).toBe(before)
  })

  test('hours that overlap or end before they start, bad exceptions, unknown services: clear errors, nothing stored', async () => {
    const before = snapshot()
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ hours: [{ days: [1], open: '21:00', close: '08:00' }] }, /结束时间早于/],
      [
        {
          hours: [
            { days: [1, 2], open: '08:00', close: '12:00' },
            { days: [2], open: '11:00', close: '14:00' },
          ],
        },
        /重叠/,
      ],
      [{ hours: [{ days: [1], open: '08:00', close: '12:00' }], exceptions: [{ date: '2026-02-30', closed: true }] }, /不正确/],
    ]
    for (const [params, message] of cases) {
      const r = await cloud.raw('stations', { action: 'setHours', stationId: 'st-wanda', ...params }, { openid: STAFF })
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      expect((r.body as { error: { message: string } }).error.message).toMatch(message)
    }
    for (const bad of [
      { action: 'setHours', stationId: 'st-wanda', hours: [{ days: [8], open: '08:00', close: '09:00' }] },
      { action: 'setHours', stationId: 'st-wanda', hours: [{ days: [1], open: '8:00', close: '09:00' }] },
      { action: 'setServiceState', stationId: 'st-wanda', service: 'massage', state: 'ok' },
      { action: 'setServiceState', stationId: 'st-wanda', service: 'parcel_storage', state: 'paused' }, // not offered there
      {
        action: 'createStation',
        name: '坐标错误',
        provider: 'town',
        address: '周浦镇某路 1 号',
        location: { lat: 131, lng: 121 },
        services: ['heating'],
        hours: [],
      },
      {
        action: 'createStation',
        name: '服务未知',
        provider: 'town',
        address: '周浦镇某路 1 号',
        location: { lat: 31, lng: 121 },
        services: ['spa'],
        hours: [],
      },
    ]) {
      const r = await cloud.raw('stations', bad, { openid: bad.action === 'createStation' ? TOWN : STAFF })
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    expect(snapshot()).toBe(before)
  })

  test('staff update their service states and hours; town creates, closes and reopens', async () => {
    ok(
      await cloud.call(
        'stations',
        'setServiceState',
        { stationId: 'st-wanda', service: 'heating', state: 'paused', note: '清洁中' },
        { openid: STAFF },
      ),
    )
    const hours = ok(
      await cloud.call(
        'stations',
        'setHours',
        { stationId: 'st-wanda', hours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '20:00', close: '02:00', overnight: true }] },
        { openid: STAFF },
      ),
    )
    expect(hours.hoursText).toBe('每天 20:00–次日 02:00')
    ok(await cloud.call('stations', 'verifyStation', { stationId: 'st-wanda' }, { openid: STAFF }))
    const d = ok(await cloud.call('stations', 'getStation', { stationId: 'st-wanda' }, { openid: RIDER }))
    expect(d.services.find((s) => s.key === 'heating')).toMatchObject({ state: 'paused', stateText: '暂停：清洁中' })
    expect(d.lastVerified?.by).toBe('周师傅（驿站）')

    const created = ok(
      await cloud.call(
        'stations',
        'createStation',
        {
          name: '新建的骑手驿站',
          provider: 'partner_shop',
          address: '周浦镇新建路 9 号',
          location: { lat: 31.12, lng: 121.58 },
          services: ['water', 'aed'],
          hours: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' }],
          phone: '021-58000000',
        },
        { openid: TOWN },
      ),
    )
    const row = ok(await cloud.call('stations', 'getStation', { stationId: created.stationId }, { openid: RIDER }))
    expect(row.providerLabel).toBe('合作商户')
    expect(row.services.map((s) => s.label)).toEqual(['饮水', 'AED'])
    ok(
      await cloud.call(
        'stations',
        'closeStation',
        { stationId: created.stationId, mode: 'temporary', reason: '设备更换' },
        { openid: TOWN },
      ),
    )
    expect(ok(await cloud.call('stations', 'getStation', { stationId: created.stationId }, { openid: RIDER })).hint).toBe(
      '暂停开放：设备更换',
    )
    ok(await cloud.call('stations', 'reopenStation', { stationId: created.stationId }, { openid: TOWN }))
    ok(
      await cloud.call(
        'stations',
        'closeStation',
        { stationId: created.stationId, mode: 'permanent', reason: '不再合作' },
        { openid: TOWN },
      ),
    )
    expect(await cloud.call('stations', 'getStation', { stationId: created.stationId }, { openid: RIDER })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    const list = ok(await cloud.call('stations', 'listStations', { location: { lat: 31.12, lng: 121.58 }, limit: 50 }, { openid: RIDER }))
    expect(list.stations.map((s) => s.id)).not.toContain(created.stationId)
    const managed = ok(await cloud.call('stations', 'listManaged', {}, { openid: STAFF }))
    expect(managed.stations.map((s) => s.id)).toEqual(['st-wanda'])
  })
})

describe('stations: rider problem reports', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo', functionEnv: { STATION_CHECKIN_SECRET: SECRET }, poolSize: 4 })
  })
  afterAll(() => cloud.stop())

  const riders = ['o-r1', 'o-r2', 'o-r3', 'o-r4', 'o-r5']

  test('concurrent duplicate reports merge into one problem, one +1 per rider; badge shows until fixed', async () => {
    const report = (openid: string) =>
      cloud.call('stations', 'reportProblem', { stationId: 'st-wanda', service: 'phone_charging', kind: 'broken' }, { openid })
    // Five riders, each tapping twice, all at once.
    const answers = await Promise.all([...riders, ...riders].map(report))
    const data = answers.map(ok)
    expect(data.filter((d) => d.outcome === 'created')).toHaveLength(1)
    expect(data.filter((d) => d.outcome === 'merged')).toHaveLength(4)
    expect(data.filter((d) => d.outcome === 'already')).toHaveLength(5)
    expect(new Set(data.map((d) => d.problemId)).size).toBe(1)
    const stored = cloud.db.find('station_problems', { stationId: 'st-wanda' })
    expect(stored).toHaveLength(1)
    expect(stored[0].count).toBe(5)
    expect([...stored[0].reporters].sort()).toEqual([...riders].sort())

    const list = ok(
      await cloud.call('stations', 'listStations', { location: { lat: 31.1168, lng: 121.5746 }, limit: 1 }, { openid: RIDER }),
    )
    expect(list.stations[0].services.find((s) => s.key === 'phone_charging')).toMatchObject({
      state: 'reported',
      stateText: '充电器坏了（5 人反映，待确认）',
    })
    // Staff of the station and the liaison of its group got an in-app notice (no subscription → no push).
    const notes = cloud.db.find('notifications', { template: 'stationProblem' })
    expect(notes.map((n) => n.openid).sort()).toEqual(['o-demo-liaison-li', 'o-demo-staff-station'])
  })

  test('bad reports: service not offered, kind not valid for the service, unknown station, forged photo id', async () => {
    const before = JSON.stringify(cloud.db.find('station_problems', {}))
    const bad = [
      { stationId: 'st-store-24h', service: 'aed', kind: 'broken' },
      { stationId: 'st-wanda', service: 'water', kind: 'expired' },
      { stationId: 'st-wanda', service: null, kind: 'broken' },
      { stationId: 'st-wanda', service: 'heating', kind: 'exploded' },
      { stationId: 'st-wanda', service: 'heating', kind: 'broken', photoFileId: 'http://evil.example/x.png' },
    ]
    for (const b of bad) {
      const r = await cloud.raw('stations', { action: 'reportProblem', ...b }, { openid: RIDER })
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    const missing = await cloud.call(
      'stations',
      'reportProblem',
      { stationId: 'st-nowhere', service: null, kind: 'closed' },
      { openid: RIDER },
    )
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(JSON.stringify(cloud.db.find('station_problems', {}))).toBe(before)
  })

  test('staff confirm then fix; the badge disappears and every reporter sees the outcome', async () => {
    const [p] = ok(await cloud.call('stations', 'listProblems', { stationId: 'st-wanda' }, { openid: STAFF })).problems
    expect(p.label).toBe('充电器坏了')
    const otherStaff = await cloud.call('stations', 'confirmProblem', { problemId: p.id }, { openid: 'o-demo-staff-canteen' })
    expect(otherStaff).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    const rider = await cloud.call('stations', 'resolveProblem', { problemId: p.id, outcome: 'fixed' }, { openid: 'o-r1' })
    expect(rider).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })

    expect(ok(await cloud.call('stations', 'confirmProblem', { problemId: p.id }, { openid: STAFF })).state).toBe('confirmed')
    let d = ok(await cloud.call('stations', 'getStation', { stationId: 'st-wanda' }, { openid: 'o-r1' }))
    expect(d.services.find((s) => s.key === 'phone_charging')?.state).toBe('confirmed')

    const fixed = ok(
      await cloud.call('stations', 'resolveProblem', { problemId: p.id, outcome: 'fixed', note: '已换新充电器' }, { openid: STAFF }),
    )
    expect(fixed.state).toBe('fixed')
    const again = await cloud.call('stations', 'resolveProblem', { problemId: p.id, outcome: 'dismissed' }, { openid: STAFF })
    expect(again).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })

    d = ok(await cloud.call('stations', 'getStation', { stationId: 'st-wanda' }, { openid: 'o-r1' }))
    expect(d.services.find((s) => s.key === 'phone_charging')).toMatchObject({ state: 'ok', stateText: null })
    expect(d.myReports[0]).toMatchObject({ state: 'fixed', stateText: '已修好', outcomeNote: '已换新充电器' })
    const mine = ok(await cloud.call('stations', 'myProblems', {}, { openid: 'o-r3' }))
    expect(mine.problems[0].state).toBe('fixed')
    const told = cloud.db.find('notifications', { template: 'stationProblemResolved' })
    expect(told.map((n) => n.openid).sort()).toEqual([...riders].sort())

    // A new report after the fix starts a new problem.
    const fresh = ok(
      await cloud.call(
        'stations',
        'reportProblem',
        { stationId: 'st-wanda', service: 'phone_charging', kind: 'broken' },
        { openid: 'o-r1' },
      ),
    )
    expect(fresh.outcome).toBe('created')
    expect(fresh.problemId).not.toBe(p.id)
  })

  test('"closed when it should be open" is a station-level report, refused when the hours say closed; stats give response times', async () => {
    const r = ok(
      await cloud.call(
        'stations',
        'reportProblem',
        { stationId: 'st-store-24h', service: null, kind: 'closed', note: '门是锁的' },
        { openid: RIDER },
      ),
    )
    expect(r.outcome).toBe('created')
    const d = ok(await cloud.call('stations', 'getStation', { stationId: 'st-store-24h' }, { openid: RIDER }))
    expect(d.stationProblem).toBe('到点没开门（1 人反映，待确认）')
    // A station that is closed by its own hours cannot be reported as "closed when it should be open".
    cloud.db.insert('stations', [stationDoc('c-closed-by-hours', 121.6, 31.2, { hours: [] })])
    const closed = await cloud.call(
      'stations',
      'reportProblem',
      { stationId: 'c-closed-by-hours', service: null, kind: 'closed' },
      { openid: RIDER },
    )
    expect(closed).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })

    const stats = ok(await cloud.call('stations', 'stationStats', { stationId: 'st-wanda', days: 7 }, { openid: STAFF }))
    expect(stats.days).toHaveLength(7)
    expect(stats.problems.total).toBe(2)
    expect(stats.problems.active).toBe(1)
    expect(stats.problems.medianConfirmMinutes).not.toBeNull()
    expect(stats.problems.medianResolveMinutes).not.toBeNull()
  })
})

describe('stations: QR check-in', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo', functionEnv: { STATION_CHECKIN_SECRET: SECRET }, poolSize: 4 })
  })
  afterAll(() => cloud.stop())

  test('one check-in per rider per station per hour, even with concurrent scans', async () => {
    const { code } = ok(await cloud.call('stations', 'issueCheckinCode', { stationId: 'st-wanda' }, { openid: STAFF }))
    expect(code).toMatch(/^XG1\.st-wanda\.1\./)
    const scans = await Promise.all(Array.from({ length: 8 }, () => cloud.call('stations', 'checkIn', { code }, { openid: RIDER })))
    const outcomes = scans.map(ok).map((s) => s.outcome)
    expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(1)
    expect(outcomes.filter((o) => o === 'already')).toHaveLength(7)
    ok(await cloud.call('stations', 'checkIn', { code }, { openid: 'o-demo-rider-chen' }))
    expect(cloud.db.find('station_checkins', { stationId: 'st-wanda' })).toHaveLength(2)
    const d = ok(await cloud.call('stations', 'getStation', { stationId: 'st-wanda' }, { openid: RIDER }))
    expect(d.checkinsThisWeek).toBe(2)
    const stats = ok(await cloud.call('stations', 'stationStats', { stationId: 'st-wanda', days: 3 }, { openid: STAFF }))
    expect(stats.days[2]).toMatchObject({ checkins: 2, riders: 2 })
  })

  test('a forged, malformed or revoked code is refused and stores nothing', async () => {
    const { code } = ok(await cloud.call('stations', 'issueCheckinCode', { stationId: 'st-civic' }, { openid: TOWN }))
    const before = cloud.db.find('station_checkins', {}).length
    const forgedStation = code.replace('st-civic', 'st-xiuyan')
    const badSig = `${code.slice(0, -3)}AAA`
    for (const c of [forgedStation, badSig, 'hello', 'XG1.st-civic.1.20261126.short']) {
      const r = await cloud.call('stations', 'checkIn', { code: c }, { openid: RIDER })
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '这不是驿站的签到二维码' } })
    }
    // Staff may print the current code but only town can replace it; replacing revokes the old print.
    expect(await cloud.call('stations', 'issueCheckinCode', { stationId: 'st-wanda', rotate: true }, { openid: STAFF })).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    const fresh = ok(await cloud.call('stations', 'issueCheckinCode', { stationId: 'st-civic', rotate: true }, { openid: TOWN }))
    expect(fresh.version).toBe(2)
    const old = await cloud.call('stations', 'checkIn', { code }, { openid: RIDER })
    expect(old).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    expect(cloud.db.find('station_checkins', {}).length).toBe(before)
    expect(ok(await cloud.call('stations', 'checkIn', { code: fresh.code }, { openid: RIDER })).outcome).toBe('recorded')
  })

  test('without STATION_CHECKIN_SECRET, check-in fails closed', async () => {
    // the local cloud's default secret is switched off, as in a deployment that forgot to set it
    const bare = await startTestCloud({ seed: 'demo', functionEnv: { STATION_CHECKIN_SECRET: '' } })
    try {
      const r = await bare.call('stations', 'checkIn', { code: 'XG1.st-wanda.1.20261126.AAAAAAAAAAAAAAAAAAAAAA' }, { openid: RIDER })
      expect(r).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    } finally {
      await bare.stop()
    }
  })
})
