/**
 * stations through the gateway → function container → wx-server-sdk → local database: the list
 * (nearest-first order, filters, open-now at boundary minutes relative to the real Shanghai time —
 * the machine runs in UTC), bad input, and the detail page's answer (a station closed for repairs
 * says it is closed, why and until when, and offers nothing to report; the phone keeps its dash).
 * Console, reports, check-in and the town's edits: stations-console / -reports / -checkin / -town.
 */
import { hoursIndex } from '../../cloudfunctions/_domain/hours'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import {
  code,
  DEMO,
  EVERY_DAY as everyDay,
  data as ok,
  RIDER,
  rule,
  SECRET,
  STAFF,
  shanghaiMinute,
  stableMinute,
  stationDoc,
} from './stations-helpers'

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
    await stableMinute() // keep the minute stable across calls
    const m = shanghaiMinute()
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

  test('the hours index: the list leaves out in the database what cannot be open now or tonight; stations saved without it stay in', async () => {
    await stableMinute()
    const m = shanghaiMinute()
    const base = { lng: 122.4, lat: 30.9 }
    const openNow = [rule(m - 60, m + 60)]
    const daytime = [{ days: everyDay, open: '09:00', close: '17:00' }]
    cloud.db.insert('stations', [
      stationDoc('x-open', base.lng, base.lat, { hours: openNow, ...hoursIndex(openNow) }),
      stationDoc('x-legacy', base.lng + 0.001, base.lat, { hours: openNow }),
      // open by its hours, but its stored index says never: proves the database does the leaving out
      stationDoc('x-stale', base.lng + 0.002, base.lat, { hours: openNow, openWeek: [], nightOpen: false }),
      stationDoc('x-day', base.lng + 0.003, base.lat, { hours: daytime, ...hoursIndex(daytime) }),
    ])
    const open = ok(await cloud.call('stations', 'listStations', { location: base, openNow: true, limit: 50 }, { openid: RIDER }))
    const ids = open.stations.map((s) => s.id)
    expect(ids).toEqual(expect.arrayContaining(['x-open', 'x-legacy']))
    expect(ids).not.toContain('x-stale')
    const night = ok(await cloud.call('stations', 'listStations', { location: base, openAtNight: true, limit: 50 }, { openid: RIDER }))
    const nightIds = night.stations.map((s) => s.id)
    expect(nightIds).not.toContain('x-day')
    expect(nightIds).not.toContain('x-stale')

    // short of rows while more may exist (here stations saved without the index): one wider query finds them
    const far = { lng: 122.6, lat: 30.7 }
    const closedNow = [rule(m + 60, m + 120)]
    // more closed ones nearest than the first query's room (the rows asked for + 10), then an open one
    const closedFirst = Array.from({ length: 12 }, (_v, i) =>
      stationDoc(`y-closed-${i}`, far.lng + i * 0.0005, far.lat, { hours: closedNow }),
    )
    cloud.db.insert('stations', [...closedFirst, stationDoc('y-open', far.lng + 0.01, far.lat, { hours: openNow })])
    const wider = ok(await cloud.call('stations', 'listStations', { location: far, openNow: true, limit: 1 }, { openid: RIDER }))
    expect(wider.stations.map((s) => s.id)).toEqual(['y-open'])
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
    const d = ok(await cloud.call('stations', 'getStation', { stationId: DEMO.station.wanda }, { openid: RIDER }))
    expect(d.name).toBe('万达广场红色加油站')
    expect(d.location.lng).toBeCloseTo(121.5746)
    expect(d.hoursText).toBe('每天 07:00–23:00')
    expect(d.phone).toBe('021-58110000')
    expect(d.lastVerified?.by).toBe('周师傅（驿站）')
    expect(d.canManage).toBe(false)
    expect(d.checkinsThisWeek).toBe(0)
    const staff = ok(await cloud.call('stations', 'getStation', { stationId: DEMO.station.wanda }, { openid: STAFF }))
    expect(staff.canManage).toBe(true)
    const missing = await cloud.call('stations', 'getStation', { stationId: 'st-nowhere' }, { openid: RIDER })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  test('detail and my problems: bad input is INVALID_ARGUMENT', async () => {
    for (const body of [
      { action: 'getStation', stationId: 'st wanda' },
      { action: 'getStation', stationId: DEMO.station.wanda, extra: 1 },
      { action: 'getStation' },
      { action: 'myProblems', stationId: DEMO.station.wanda },
    ]) {
      expect([body, code(await cloud.raw('stations', body, { openid: RIDER }))]).toEqual([body, 'INVALID_ARGUMENT'])
    }
  })

  test('a station closed for repairs says it is closed, why and until when, and offers nothing to report', async () => {
    const d = ok(await cloud.call('stations', 'getStation', { stationId: DEMO.station.closedRepair }, { openid: RIDER }))
    expect(d).toMatchObject({ temporarilyClosed: true, openNow: false, closure: { reason: '内部装修，预计下月恢复开放', until: null } })
    expect(d.hint).toBe('暂停开放：内部装修，预计下月恢复开放')
    expect(d.reportOptions).toEqual([])
    // with a reopening date, the date is in the answer
    const until = new Date(Date.now() + 3 * 86_400_000)
    cloud.db.insert('stations', [
      stationDoc('d-closed-until', 121.3, 31.3, { status: 'closed', closedReason: '设备更换', closedUntil: until }),
    ])
    const later = ok(await cloud.call('stations', 'getStation', { stationId: 'd-closed-until' }, { openid: RIDER }))
    expect(later.closure?.reason).toBe('设备更换')
    expect(Date.parse(later.closure?.until ?? '')).toBe(until.getTime() - (until.getTime() % 1000))
    expect(later.reportOptions).toEqual([])
    // reporting anything there is refused, and nothing is stored
    const r = await cloud.call(
      'stations',
      'reportProblem',
      { stationId: DEMO.station.closedRepair, service: 'water', kind: 'empty' },
      { openid: RIDER },
    )
    expect(code(r)).toBe('FAILED_PRECONDITION')
    expect(cloud.db.find('station_problems', { stationId: DEMO.station.closedRepair })).toEqual([])
  })

  test('到点没开门 is offered only while the hours say open (never at night and then refused)', async () => {
    await stableMinute()
    const m = shanghaiMinute()
    cloud.db.insert('stations', [
      // closed by its hours now, as a daytime station is at night: opens in an hour, for an hour
      stationDoc('o-closed-now', 121.31, 31.31, { hours: [rule(m + 60, m + 120)] }),
      stationDoc('o-open-now', 121.32, 31.31, { hours: [rule(m - 60, m + 60)] }),
    ])
    const closed = ok(await cloud.call('stations', 'getStation', { stationId: 'o-closed-now' }, { openid: RIDER }))
    expect(closed.openNow).toBe(false)
    expect(closed.reportOptions.map((o) => o.label)).not.toContain('到点没开门')
    expect(closed.reportOptions.map((o) => o.label)).toContain('手机充电：充电器坏了') // a broken service can still be told
    const open = ok(await cloud.call('stations', 'getStation', { stationId: 'o-open-now' }, { openid: RIDER }))
    expect(open.reportOptions[0]).toEqual({ service: null, kind: 'closed', label: '到点没开门' })
    // what is not offered is refused, what is offered is taken
    const night = await cloud.call(
      'stations',
      'reportProblem',
      { stationId: 'o-closed-now', service: null, kind: 'closed' },
      { openid: RIDER },
    )
    expect(code(night)).toBe('FAILED_PRECONDITION')
    const day = await cloud.call('stations', 'reportProblem', { stationId: 'o-open-now', service: null, kind: 'closed' }, { openid: RIDER })
    expect(ok(day).outcome).toBe('created')
  })
})
