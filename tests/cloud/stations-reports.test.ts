/**
 * Riders' problem reports through the gateway → function → wx-server-sdk → local database and
 * storage: concurrent duplicate reports merge (one +1 per rider), bad reports change nothing, the
 * staff confirm and resolve (reporters told, audited with the station scope); the photo guard (only
 * the rider's own upload for reports — the attack where a rider attached another rider's pending
 * verification photo and the detail handed everyone a link to it) and the content guard (the note;
 * the photo hidden from others until its verdict passes, removed and the reporter told when it fails).
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import {
  auditOf,
  code,
  DEMO,
  deliverVerdict,
  fileExists,
  OTHER_RIDER,
  data as ok,
  RIDER,
  SECRET,
  STAFF,
  snapshot,
  stationDoc,
  uploadOwn,
  uploadTo,
  withOpenapiDown,
} from './stations-helpers'

const WANDA = DEMO.station.wanda

describe('stations: rider problem reports', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo', functionEnv: { STATION_CHECKIN_SECRET: SECRET }, poolSize: 4 })
  })
  afterAll(() => cloud.stop())

  const riders = ['o-r1', 'o-r2', 'o-r3', 'o-r4', 'o-r5']

  test('concurrent duplicate reports merge into one problem, one +1 per rider; badge shows until fixed', async () => {
    const report = (openid: string) =>
      cloud.call('stations', 'reportProblem', { stationId: WANDA, service: 'phone_charging', kind: 'broken' }, { openid })
    // Five riders, each tapping twice, all at once.
    const answers = await Promise.all([...riders, ...riders].map(report))
    const data = answers.map(ok)
    expect(data.filter((d) => d.outcome === 'created')).toHaveLength(1)
    expect(data.filter((d) => d.outcome === 'merged')).toHaveLength(4)
    expect(data.filter((d) => d.outcome === 'already')).toHaveLength(5)
    expect(new Set(data.map((d) => d.problemId)).size).toBe(1)
    const stored = cloud.db.find('station_problems', { stationId: WANDA })
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
      { stationId: WANDA, service: 'water', kind: 'expired' },
      { stationId: WANDA, service: null, kind: 'broken' },
      { stationId: WANDA, service: 'heating', kind: 'exploded' },
      { stationId: WANDA, service: 'heating', kind: 'broken', photoFileId: 'http://evil.example/x.png' },
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
    const [p] = ok(await cloud.call('stations', 'listProblems', { stationId: WANDA }, { openid: STAFF })).problems
    expect(p.label).toBe('充电器坏了')
    const otherStaff = await cloud.call('stations', 'confirmProblem', { problemId: p.id }, { openid: DEMO.staff.canteen })
    expect(otherStaff).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    const rider = await cloud.call('stations', 'resolveProblem', { problemId: p.id, outcome: 'fixed' }, { openid: 'o-r1' })
    expect(rider).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })

    expect(ok(await cloud.call('stations', 'confirmProblem', { problemId: p.id }, { openid: STAFF })).state).toBe('confirmed')
    let d = ok(await cloud.call('stations', 'getStation', { stationId: WANDA }, { openid: 'o-r1' }))
    expect(d.services.find((s) => s.key === 'phone_charging')?.state).toBe('confirmed')

    const fixed = ok(
      await cloud.call('stations', 'resolveProblem', { problemId: p.id, outcome: 'fixed', note: '已换新充电器' }, { openid: STAFF }),
    )
    expect(fixed.state).toBe('fixed')
    const again = await cloud.call('stations', 'resolveProblem', { problemId: p.id, outcome: 'dismissed' }, { openid: STAFF })
    expect(again).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })

    d = ok(await cloud.call('stations', 'getStation', { stationId: WANDA }, { openid: 'o-r1' }))
    expect(d.services.find((s) => s.key === 'phone_charging')).toMatchObject({ state: 'ok', stateText: null })
    expect(d.myReports[0]).toMatchObject({ state: 'fixed', stateText: '已修好', outcomeNote: '已换新充电器' })
    const mine = ok(await cloud.call('stations', 'myProblems', {}, { openid: 'o-r3' }))
    expect(mine.problems[0].state).toBe('fixed')
    const told = cloud.db.find('notifications', { template: 'stationProblemResolved' })
    expect(told.map((n) => n.openid).sort()).toEqual([...riders].sort())
    // confirmed and resolved once each, audited with the station scope; the other staff's refusal recorded
    const audit = auditOf(cloud, { scopeKind: 'station', scopeId: WANDA, outcome: 'applied' })
    expect(audit.map((e) => [e.action, e.actorOpenid, e.after?.state])).toEqual([
      ['confirmProblem', STAFF, 'confirmed'],
      ['resolveProblem', STAFF, 'fixed'],
    ])
    expect(audit[1].note).toBe('已换新充电器')
    const denied = auditOf(cloud, { outcome: 'denied' }).map((e) => [e.action, e.actorOpenid, e.scopeKind, e.scopeId])
    expect(denied).toEqual(
      expect.arrayContaining([
        ['confirmProblem', DEMO.staff.canteen, 'station', WANDA],
        ['resolveProblem', 'o-r1', 'station', WANDA],
      ]),
    )

    // A new report after the fix starts a new problem.
    const fresh = ok(
      await cloud.call('stations', 'reportProblem', { stationId: WANDA, service: 'phone_charging', kind: 'broken' }, { openid: 'o-r1' }),
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

    const stats = ok(await cloud.call('stations', 'stationStats', { stationId: WANDA, days: 7 }, { openid: STAFF }))
    expect(stats.days).toHaveLength(7)
    expect(stats.problems.total).toBe(2)
    expect(stats.problems.active).toBe(1)
    expect(stats.problems.medianConfirmMinutes).not.toBeNull()
    expect(stats.problems.medianResolveMinutes).not.toBeNull()
  })
})

describe('stations reports: the photo and the note pass the guards', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo', functionEnv: { STATION_CHECKIN_SECRET: SECRET } })
  })
  afterAll(() => cloud.stop())
  const report = (params: Record<string, unknown>, openid = RIDER) =>
    cloud.raw('stations', { action: 'reportProblem', stationId: WANDA, service: 'water', kind: 'empty', ...params }, { openid })
  const problemsOf = async (openid: string) => ok(await cloud.call('stations', 'getStation', { stationId: WANDA }, { openid })).problems

  test("the attack: another rider's pending verification photo on a report is refused, and no caller gets a link to it", async () => {
    const victims = await uploadTo(cloud, OTHER_RIDER, `verification/${OTHER_RIDER}/id-card.png`)
    const before = snapshot(cloud)
    const r = await report({ photoFileId: victims, note: '饮水机没水了' })
    expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { field: 'photoFileId' } } })
    expect(snapshot(cloud)).toBe(before)
    for (const openid of [RIDER, OTHER_RIDER, STAFF, DEMO.town, 'o-stranger']) {
      const d = await cloud.call('stations', 'getStation', { stationId: WANDA }, { openid })
      expect(JSON.stringify(d)).not.toContain('verification')
    }
    expect(await fileExists(cloud, victims)).toBe(true)
  })

  test("refused too: my own file in another purpose's folder, another rider's report photo, a path that climbs out", async () => {
    const before = snapshot(cloud)
    const files = [
      await uploadTo(cloud, RIDER, `verification/${RIDER}/mine.png`),
      await uploadTo(cloud, RIDER, `stations/${RIDER}/mine.png`),
      await uploadTo(cloud, OTHER_RIDER, `reports/${OTHER_RIDER}/theirs.png`),
      `cloud://local.bucket/reports/${RIDER}/../${OTHER_RIDER}/theirs.png`,
    ]
    for (const photoFileId of files) {
      const r = await report({ photoFileId })
      expect([photoFileId, code(r)]).toEqual([photoFileId, 'INVALID_ARGUMENT'])
    }
    expect(snapshot(cloud)).toBe(before)
  })

  test('a report photo: its reporter sees it at once, other riders and the staff only after its verdict passes', async () => {
    const photo = await uploadOwn(cloud, RIDER, 'reports')
    const r = ok(
      await cloud.call(
        'stations',
        'reportProblem',
        { stationId: WANDA, service: 'water', kind: 'empty', photoFileId: photo },
        { openid: RIDER },
      ),
    )
    expect(r.outcome).toBe('created')
    expect(cloud.db.find('media_checks', { fileId: photo })[0]).toMatchObject({
      collection: 'station_problems',
      docId: r.problemId,
      state: 'pending',
    })
    expect((await problemsOf(RIDER))[0].photoUrl).toMatch(/^http:\/\/127\.0\.0\.1/)
    expect((await problemsOf(OTHER_RIDER))[0].photoUrl).toBeNull()
    const staffView = ok(await cloud.call('stations', 'listProblems', { stationId: WANDA }, { openid: STAFF })).problems
    expect(staffView[0].photoUrl).toBeNull()

    await deliverVerdict(cloud, photo, 'pass')
    expect((await problemsOf(OTHER_RIDER))[0].photoUrl).toMatch(/^http:\/\/127\.0\.0\.1/)
    expect(ok(await cloud.call('stations', 'listProblems', { stationId: WANDA }, { openid: STAFF })).problems[0].photoUrl).not.toBeNull()
  })

  test('a photo that fails its check is taken off the report, deleted, and its reporter told; the report stays', async () => {
    const photo = await uploadOwn(cloud, OTHER_RIDER, 'reports')
    const merged = ok(
      await cloud.call(
        'stations',
        'reportProblem',
        { stationId: WANDA, service: 'water', kind: 'empty', photoFileId: photo },
        { openid: OTHER_RIDER },
      ),
    )
    expect(merged).toMatchObject({ outcome: 'merged', count: 2 })
    await deliverVerdict(cloud, photo, 'risky')
    const [stored] = cloud.db.find('station_problems', { _id: merged.problemId })
    expect(stored.photos).not.toContain(photo)
    expect(stored.pendingMedia).not.toContain(photo)
    expect(stored.count).toBe(2)
    expect(await fileExists(cloud, photo)).toBe(false)
    const told = cloud.db.find('notifications', { openid: OTHER_RIDER, title: '图片未通过审核' })
    expect(told).toHaveLength(1)
    expect(JSON.stringify(await problemsOf(OTHER_RIDER))).not.toContain(photo.split('/').pop() as string)
  })

  test('notes: risky and review-level refused, a failed check refuses, a photo check that cannot start refuses; nothing stored', async () => {
    const before = snapshot(cloud)
    const risky = await report({ service: 'heating', kind: 'broken', note: '本地测试违规词' })
    expect(risky.body).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', details: { field: 'note' } } })
    const review = await report({ service: 'heating', kind: 'broken', note: '日结工资先交押金' })
    expect(review.body).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', details: { field: 'note' } } })
    const down = await withOpenapiDown(cloud, () => report({ service: 'heating', kind: 'broken', note: '插上没反应' }))
    expect(down.body).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: '内容检查暂时不可用，请稍后再试' } })
    const photo = await uploadOwn(cloud, RIDER, 'reports')
    const noCheck = await withOpenapiDown(cloud, () => report({ service: 'heating', kind: 'broken', photoFileId: photo }))
    expect(code(noCheck)).toBe('INTERNAL')
    expect(snapshot(cloud)).toBe(before)
  })

  test('resolve notes others read pass the same check', async () => {
    cloud.db.insert('stations', [stationDoc('r-notes', 121.4, 31.4)])
    const { problemId } = ok(
      await cloud.call('stations', 'reportProblem', { stationId: 'r-notes', service: 'water', kind: 'empty' }, { openid: RIDER }),
    )
    const before = snapshot(cloud, ['station_problems', 'notifications'])
    for (const note of ['本地测试违规词', '已修好，加微信 123456 领补贴']) {
      const r = await cloud.call('stations', 'resolveProblem', { problemId, outcome: 'fixed', note }, { openid: DEMO.town })
      expect([note, code(r)]).toEqual([note, 'CONTENT_REJECTED'])
    }
    expect(snapshot(cloud, ['station_problems', 'notifications'])).toBe(before)
    expect(
      ok(await cloud.call('stations', 'resolveProblem', { problemId, outcome: 'fixed', note: '已加满' }, { openid: DEMO.town })).state,
    ).toBe('fixed')
  })
})
