/**
 * The station console through the gateway → function → wx-server-sdk → local database: staff act
 * on their own station only (town everywhere), bad hours and bad input change nothing, texts others
 * read (service notes, exception notes) pass the content check with the one verdict rule (review
 * refused, a failed check refuses), and every change writes an audit entry scoped to the station;
 * refusals are recorded at most once per caller per action per minute.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { auditOf, code, DEMO, data as ok, RIDER, SECRET, STAFF, snapshot, stableMinute, TOWN, withOpenapiDown } from './stations-helpers'

const WANDA = DEMO.station.wanda
const CIVIC = DEMO.station.civic

describe('stations console: who may act where, bad input changes nothing', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo', functionEnv: { STATION_CHECKIN_SECRET: SECRET } })
  })
  afterAll(() => cloud.stop())
  const stations = () => snapshot(cloud, ['stations'])

  test('station staff edit their own station only; riders and other staff none; forged roles change nothing', async () => {
    const before = stations()
    const attempts: [string, Record<string, unknown>, string][] = [
      ['setHours', { stationId: CIVIC, hours: [{ days: [1], open: '08:00', close: '09:00' }] }, STAFF],
      ['setServiceState', { stationId: CIVIC, service: 'heating', state: 'paused' }, STAFF],
      ['verifyStation', { stationId: CIVIC }, STAFF],
      ['listProblems', { stationId: CIVIC }, STAFF],
      ['stationStats', { stationId: CIVIC }, STAFF],
      ['issueCheckinCode', { stationId: CIVIC }, STAFF],
      ['setServiceState', { stationId: WANDA, service: 'heating', state: 'paused' }, RIDER],
      ['verifyStation', { stationId: WANDA }, DEMO.staff.canteen],
      ['listManaged', {}, RIDER],
      [
        'createStation',
        { name: '员工新建', provider: 'town', address: '周浦镇某路 1 号', location: { lat: 31.1, lng: 121.5 }, services: [], hours: [] },
        STAFF,
      ],
      ['setHours', { stationId: CIVIC, hours: [], roles: ['town'], openid: TOWN }, STAFF],
    ]
    for (const [action, params, openid] of attempts) {
      expect([action, openid, code(await cloud.raw('stations', { action, ...params }, { openid }))]).toEqual([
        action,
        openid,
        'PERMISSION_DENIED',
      ])
    }
    expect(stations()).toBe(before)
  })

  test('hours that overlap or end before they start, bad exceptions, unknown services: clear errors, nothing stored', async () => {
    const before = stations()
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
      const r = await cloud.raw('stations', { action: 'setHours', stationId: WANDA, ...params }, { openid: STAFF })
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      expect((r.body as { error: { message: string } }).error.message).toMatch(message)
    }
    for (const bad of [
      { action: 'setHours', stationId: WANDA, hours: [{ days: [8], open: '08:00', close: '09:00' }] },
      { action: 'setHours', stationId: WANDA, hours: [{ days: [1], open: '8:00', close: '09:00' }] },
      { action: 'setHours', stationId: WANDA },
      { action: 'setServiceState', stationId: WANDA, service: 'massage', state: 'ok' },
      { action: 'setServiceState', stationId: WANDA, service: 'heating', state: 'gone' },
      { action: 'setServiceState', stationId: WANDA, service: 'parcel_storage', state: 'paused' }, // not offered there
      { action: 'setServiceState', stationId: WANDA, service: 'heating', state: 'paused', note: '长'.repeat(41) },
      { action: 'verifyStation', stationId: 'st wanda' },
      { action: 'stationStats', stationId: WANDA, days: 40 },
      { action: 'listProblems', stationId: WANDA, state: 'some' },
    ]) {
      expect([bad, code(await cloud.raw('stations', bad, { openid: STAFF }))]).toEqual([bad, 'INVALID_ARGUMENT'])
    }
    expect(stations()).toBe(before)
  })

  test('staff update service states, hours and “verified today”; riders see it; listManaged lists their own', async () => {
    ok(
      await cloud.call(
        'stations',
        'setServiceState',
        { stationId: WANDA, service: 'heating', state: 'paused', note: '清洁中' },
        { openid: STAFF },
      ),
    )
    const hours = ok(
      await cloud.call(
        'stations',
        'setHours',
        { stationId: WANDA, hours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '20:00', close: '02:00', overnight: true }] },
        { openid: STAFF },
      ),
    )
    expect(hours.hoursText).toBe('每天 20:00–次日 02:00')
    // the list's hours index is stored with the hours (overnight, so possibly open at night)
    const [saved] = cloud.db.find('stations', { _id: WANDA })
    const week = Array.from({ length: 7 }, (_v, d) => ({ from: d * 1440 + 1200, to: d * 1440 + 1560 }))
    expect({ openWeek: saved.openWeek, nightOpen: saved.nightOpen }).toEqual({
      openWeek: [...week.slice(0, 6), { from: 6 * 1440 + 1200, to: 7 * 1440 }, { from: 0, to: 120 }],
      nightOpen: true,
    })
    ok(await cloud.call('stations', 'verifyStation', { stationId: WANDA }, { openid: STAFF }))
    const d = ok(await cloud.call('stations', 'getStation', { stationId: WANDA }, { openid: RIDER }))
    expect(d.services.find((s) => s.key === 'heating')).toMatchObject({ state: 'paused', stateText: '暂停：清洁中' })
    expect(d.lastVerified?.by).toBe('周师傅（驿站）')
    const managed = ok(await cloud.call('stations', 'listManaged', {}, { openid: STAFF }))
    expect(managed).toMatchObject({ isTown: false, stations: [{ id: WANDA, status: 'open' }] })
    const town = ok(await cloud.call('stations', 'listManaged', {}, { openid: TOWN }))
    expect(town.isTown).toBe(true)
    expect(town.stations.map((s) => s.id)).toEqual(expect.arrayContaining([WANDA, CIVIC, DEMO.station.closedRepair]))
  })
})

describe('stations console: texts others read, audit', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo', functionEnv: { STATION_CHECKIN_SECRET: SECRET } })
  })
  afterAll(() => cloud.stop())

  test('a risky or review-level service note, a risky exception note, and a failed check are refused; nothing stored', async () => {
    const before = snapshot(cloud, ['stations', 'audit_log'])
    const risky = await cloud.call(
      'stations',
      'setServiceState',
      { stationId: WANDA, service: 'heating', state: 'paused', note: '招人刷单' },
      { openid: STAFF },
    )
    expect(risky).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', details: { field: 'note' } } })
    const review = await cloud.call(
      'stations',
      'setServiceState',
      { stationId: WANDA, service: 'water', state: 'broken', note: '翻墙修水管' },
      { openid: STAFF },
    )
    expect(review).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', details: { field: 'note' } } })
    const exception = await cloud.call(
      'stations',
      'setHours',
      {
        stationId: WANDA,
        hours: [{ days: [1], open: '08:00', close: '18:00' }],
        exceptions: [{ date: '2030-01-01', closed: true, note: '本地测试违规词' }],
      },
      { openid: STAFF },
    )
    expect(exception).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', details: { field: 'exceptions.0.note' } } })
    const down = await withOpenapiDown(cloud, () =>
      cloud.call(
        'stations',
        'setServiceState',
        { stationId: WANDA, service: 'heating', state: 'paused', note: '清洁中' },
        { openid: STAFF },
      ),
    )
    expect(down).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: '内容检查暂时不可用，请稍后再试' } })
    expect(snapshot(cloud, ['stations', 'audit_log'])).toBe(before)
  })

  test('every change is audited with the station scope: who, what, before and after', async () => {
    ok(
      await cloud.call(
        'stations',
        'setServiceState',
        { stationId: WANDA, service: 'water', state: 'broken', note: '水管检修' },
        { openid: STAFF },
      ),
    )
    ok(
      await cloud.call(
        'stations',
        'setHours',
        {
          stationId: WANDA,
          hours: [{ days: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' }],
          exceptions: [{ date: '2030-01-01', closed: true, note: '元旦休息' }],
        },
        { openid: STAFF },
      ),
    )
    ok(await cloud.call('stations', 'verifyStation', { stationId: CIVIC }, { openid: TOWN }))
    const entries = auditOf(cloud, { scopeKind: 'station', outcome: 'applied' })
    const byAction = Object.fromEntries(entries.map((e) => [e.action, e]))
    expect(byAction.setServiceState).toMatchObject({
      actorOpenid: STAFF,
      scopeId: WANDA,
      before: { water: null },
      after: { water: { state: 'broken', note: '水管检修' } },
    })
    expect(byAction.setHours).toMatchObject({
      actorOpenid: STAFF,
      scopeId: WANDA,
      before: { hours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '07:00', close: '23:00' }] },
      after: { hours: [{ days: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' }], exceptions: [{ date: '2030-01-01', note: '元旦休息' }] },
    })
    expect(byAction.verifyStation).toMatchObject({ actorOpenid: TOWN, scopeId: CIVIC })
  })

  test('refusals are recorded with the station scope, at most once per caller per action per minute', async () => {
    await stableMinute()
    for (let i = 0; i < 3; i++) {
      const r = await cloud.call(
        'stations',
        'setServiceState',
        { stationId: CIVIC, service: 'heating', state: 'paused' },
        { openid: STAFF },
      )
      expect(code(r)).toBe('PERMISSION_DENIED')
    }
    const denied = auditOf(cloud, { outcome: 'denied', actorOpenid: STAFF })
    expect(denied).toHaveLength(1)
    expect(denied[0]).toMatchObject({ action: 'setServiceState', scopeKind: 'station', scopeId: CIVIC, via: 'stations.setServiceState' })
  })
})
