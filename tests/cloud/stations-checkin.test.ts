/**
 * QR check-in through the gateway → function → wx-server-sdk → local database: one check-in per
 * rider per station per Shanghai hour even under concurrent scans (unique index), forged / malformed
 * / revoked codes refused and nothing stored, only the town replaces a code (audited), a closed
 * station takes no check-ins, and without STATION_CHECKIN_SECRET check-in fails closed.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { auditOf, code, DEMO, OTHER_RIDER, data as ok, RIDER, SECRET, STAFF, TOWN } from './stations-helpers'

describe('stations: QR check-in', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo', functionEnv: { STATION_CHECKIN_SECRET: SECRET }, poolSize: 4 })
  })
  afterAll(() => cloud.stop())

  test('one check-in per rider per station per hour, even with concurrent scans', async () => {
    const { code: qr } = ok(await cloud.call('stations', 'issueCheckinCode', { stationId: DEMO.station.wanda }, { openid: STAFF }))
    expect(qr).toMatch(/^XG1\.st-wanda\.1\./)
    const scans = await Promise.all(Array.from({ length: 8 }, () => cloud.call('stations', 'checkIn', { code: qr }, { openid: RIDER })))
    const outcomes = scans.map(ok).map((s) => s.outcome)
    expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(1)
    expect(outcomes.filter((o) => o === 'already')).toHaveLength(7)
    ok(await cloud.call('stations', 'checkIn', { code: qr }, { openid: OTHER_RIDER }))
    expect(cloud.db.find('station_checkins', { stationId: DEMO.station.wanda })).toHaveLength(2)
    const d = ok(await cloud.call('stations', 'getStation', { stationId: DEMO.station.wanda }, { openid: RIDER }))
    expect(d.checkinsThisWeek).toBe(2)
    const stats = ok(await cloud.call('stations', 'stationStats', { stationId: DEMO.station.wanda, days: 3 }, { openid: STAFF }))
    expect(stats.days[2]).toMatchObject({ checkins: 2, riders: 2 })
  })

  test('a forged, malformed or revoked code is refused and stores nothing', async () => {
    const { code: qr } = ok(await cloud.call('stations', 'issueCheckinCode', { stationId: DEMO.station.civic }, { openid: TOWN }))
    const before = cloud.db.find('station_checkins', {}).length
    const forgedStation = qr.replace(DEMO.station.civic, 'st-xiuyan')
    const badSig = `${qr.slice(0, -3)}AAA`
    for (const c of [forgedStation, badSig, 'hello', 'XG1.st-civic.1.20261126.short']) {
      const r = await cloud.call('stations', 'checkIn', { code: c }, { openid: RIDER })
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '这不是驿站的签到二维码' } })
    }
    // Staff may print the current code but only town can replace it; replacing revokes the old print.
    expect(
      await cloud.call('stations', 'issueCheckinCode', { stationId: DEMO.station.wanda, rotate: true }, { openid: STAFF }),
    ).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    const fresh = ok(await cloud.call('stations', 'issueCheckinCode', { stationId: DEMO.station.civic, rotate: true }, { openid: TOWN }))
    expect(fresh.version).toBe(2)
    const old = await cloud.call('stations', 'checkIn', { code: qr }, { openid: RIDER })
    expect(old).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    expect(cloud.db.find('station_checkins', {}).length).toBe(before)
    expect(ok(await cloud.call('stations', 'checkIn', { code: fresh.code }, { openid: RIDER })).outcome).toBe('recorded')
  })

  test('a new code version is audited with the station scope (printing the current one is not); a refused rotation is recorded', async () => {
    const applied = auditOf(cloud, { action: 'issueCheckinCode', outcome: 'applied' })
    // st-wanda and st-civic had a version from the seed: only the town's rotation made a new one
    expect(applied.map((e) => [e.actorOpenid, e.scopeKind, e.scopeId, e.before?.version, e.after?.version])).toEqual([
      [TOWN, 'station', DEMO.station.civic, 1, 2],
    ])
    const denied = auditOf(cloud, { action: 'issueCheckinCode', outcome: 'denied' })
    expect(denied.map((e) => [e.actorOpenid, e.scopeId])).toEqual([[STAFF, DEMO.station.wanda]])
  })

  test('a closed station takes no check-ins; bad input is INVALID_ARGUMENT and stores nothing', async () => {
    cloud.db.insert('stations', [
      {
        _id: 'c-closed',
        name: '暂停的驿站',
        location: { type: 'Point', coordinates: [121.3, 31.3] },
        status: 'closed',
        closedReason: '装修',
        services: [],
        hours: [],
        checkin: { version: 1, issuedOn: '2026-11-01' },
      },
    ])
    const { code: qr } = ok(await cloud.call('stations', 'issueCheckinCode', { stationId: 'c-closed' }, { openid: TOWN }))
    const before = cloud.db.find('station_checkins', {}).length
    expect(code(await cloud.call('stations', 'checkIn', { code: qr }, { openid: RIDER }))).toBe('FAILED_PRECONDITION')
    for (const body of [
      { action: 'checkIn' },
      { action: 'checkIn', code: '' },
      { action: 'checkIn', code: 'x'.repeat(200) },
      { action: 'checkIn', code: 5 },
    ]) {
      expect(code(await cloud.raw('stations', body, { openid: RIDER }))).toBe('INVALID_ARGUMENT')
    }
    expect(cloud.db.find('station_checkins', {}).length).toBe(before)
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
