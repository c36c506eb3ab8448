/**
 * The town's station editing through the gateway → function → wx-server-sdk → local database and
 * storage: station photos (the caller's own uploads for stations, or photos the station already
 * has; at most 6; shown to riders once their content check passes; a removed one is deleted from
 * storage), texts others read (name, address, capacity note, closure reason) through the content
 * check, the phone kept as text, the station's group (its liaison is told of problems), closing for
 * a while or for good — each change audited with the station's scope.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import {
  auditOf,
  code,
  DEMO,
  deliverVerdict,
  EVERY_DAY,
  fileExists,
  data as ok,
  RIDER,
  snapshot,
  stationDoc,
  TOWN,
  uploadOwn,
  uploadTo,
  withOpenapiDown,
} from './stations-helpers'

const base = {
  name: '测试骑手驿站',
  provider: 'town' as const,
  address: '周浦镇测试路 5 号',
  location: { lat: 31.2, lng: 121.7 },
  services: ['water' as const, 'phone_charging' as const],
  hours: [{ days: EVERY_DAY, open: '00:00', close: '24:00' }],
}

describe('stations: the town edits photos, texts, group and closes', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo' })
  })
  afterAll(() => cloud.stop())

  test('photos: own uploads for stations; riders see them once their check passes; a removed photo is deleted', async () => {
    const a = await uploadOwn(cloud, TOWN, 'stations')
    const b = await uploadOwn(cloud, TOWN, 'stations')
    const { stationId } = ok(await cloud.call('stations', 'createStation', { ...base, photos: [a, b] }, { openid: TOWN }))
    expect(cloud.db.find('stations', { _id: stationId })[0].pendingMedia).toEqual([a, b])

    // waiting for their check: hidden from riders, shown to the town's edit page marked as pending
    expect(ok(await cloud.call('stations', 'getStation', { stationId }, { openid: RIDER })).photos).toEqual([])
    const pending = ok(await cloud.call('stations', 'getStation', { stationId }, { openid: TOWN }))
    expect(pending.manage).toMatchObject({ photoFileIds: [a, b], pendingFileIds: [a, b] })
    await deliverVerdict(cloud, a, 'pass')
    await deliverVerdict(cloud, b, 'pass')
    const d = ok(await cloud.call('stations', 'getStation', { stationId }, { openid: RIDER }))
    expect(d.photos).toHaveLength(2)
    expect(d.photos[0]).toMatch(/^http:\/\/127\.0\.0\.1/)
    expect(d.manage).toBeNull() // riders never see file ids
    expect(ok(await cloud.call('stations', 'getStation', { stationId }, { openid: TOWN })).manage).toMatchObject({ pendingFileIds: [] })

    // a new photo joins, photo a is removed → deleted from storage; the new one waits for its check
    const c = await uploadOwn(cloud, TOWN, 'stations')
    ok(await cloud.call('stations', 'updateStation', { stationId, photos: [b, c] }, { openid: TOWN }))
    expect(cloud.db.find('stations', { _id: stationId })[0].photos).toEqual([b, c])
    expect(await fileExists(cloud, a)).toBe(false)
    expect(await fileExists(cloud, b)).toBe(true)
    expect(ok(await cloud.call('stations', 'getStation', { stationId }, { openid: RIDER })).photos).toHaveLength(1)

    // a photo that fails its check leaves the station and storage; the town is told
    await deliverVerdict(cloud, c, 'risky')
    expect(cloud.db.find('stations', { _id: stationId })[0].photos).toEqual([b])
    expect(await fileExists(cloud, c)).toBe(false)
    expect(cloud.db.find('notifications', { openid: TOWN, title: '图片未通过审核' })).toHaveLength(1)

    ok(await cloud.call('stations', 'updateStation', { stationId, photos: [] }, { openid: TOWN }))
    expect(await fileExists(cloud, b)).toBe(false)
  })

  test("refused, nothing changed: someone else's upload, the old uploads/ and station folders, another purpose, forged ids, 7 photos, duplicates", async () => {
    const { stationId } = ok(await cloud.call('stations', 'createStation', base, { openid: TOWN }))
    const mine = await uploadOwn(cloud, TOWN, 'stations')
    ok(await cloud.call('stations', 'updateStation', { stationId, photos: [mine] }, { openid: TOWN }))
    const refused = [
      [mine, await uploadOwn(cloud, RIDER, 'stations')],
      [await uploadTo(cloud, TOWN, `uploads/${TOWN}/old-style.png`)],
      // the old station folder: clients can no longer write there (storage rule), but old ids may be sent
      [mine.replace(/\/stations\/.+$/, `/stations/${stationId}/front.png`)],
      [await uploadOwn(cloud, TOWN, 'reports')],
      ['http://evil.example/x.png'],
      ['cloud://env.bucket/../uploads/x.png'],
      await Promise.all(Array.from({ length: 7 }, () => uploadOwn(cloud, TOWN, 'stations'))),
      [mine, mine],
    ]
    const before = snapshot(cloud, ['stations', 'media_checks'])
    for (const photos of refused) {
      const r = await cloud.raw('stations', { action: 'updateStation', stationId, photos }, { openid: TOWN })
      expect([photos.length, code(r)]).toEqual([photos.length, 'INVALID_ARGUMENT'])
    }
    const forged = await cloud.raw('stations', { action: 'createStation', ...base, photos: [refused[0][1]] }, { openid: TOWN })
    expect(code(forged)).toBe('INVALID_ARGUMENT')
    expect(snapshot(cloud, ['stations', 'media_checks'])).toBe(before)
    expect(await fileExists(cloud, mine)).toBe(true)
    // riders cannot edit at all
    expect(code(await cloud.raw('stations', { action: 'updateStation', stationId, photos: [] }, { openid: RIDER }))).toBe(
      'PERMISSION_DENIED',
    )
  })

  test('photos already on a station stay valid as attached, whatever folder they were stored in', async () => {
    const old = await uploadTo(cloud, TOWN, `uploads/${TOWN}/stored-long-ago.png`)
    const civic = 't-old-photos'
    cloud.db.insert('stations', [stationDoc(civic, 121.71, 31.21, { photos: [old] })])
    const fresh = await uploadOwn(cloud, TOWN, 'stations')
    ok(await cloud.call('stations', 'updateStation', { stationId: civic, photos: [old, fresh] }, { openid: TOWN }))
    expect(cloud.db.find('stations', { _id: civic })[0]).toMatchObject({ photos: [old, fresh], pendingMedia: [fresh] })
  })

  test('texts others read: a risky name, a review-level capacity note, a risky closure reason, a failed check — refused, nothing stored', async () => {
    const before = snapshot(cloud, ['stations', 'audit_log'])
    const name = await cloud.call('stations', 'createStation', { ...base, name: '本地测试违规词驿站' }, { openid: TOWN })
    expect(name).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', details: { field: 'name' } } })
    const note = await cloud.call(
      'stations',
      'updateStation',
      { stationId: DEMO.station.wanda, capacityNote: '翻墙进来有座位' },
      { openid: TOWN },
    )
    expect(note).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', details: { field: 'capacityNote' } } })
    const address = await cloud.call(
      'stations',
      'updateStation',
      { stationId: DEMO.station.wanda, address: '刷单大楼 1 号' },
      { openid: TOWN },
    )
    expect(address).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', details: { field: 'address' } } })
    const reason = await cloud.call(
      'stations',
      'closeStation',
      { stationId: DEMO.station.wanda, mode: 'temporary', reason: '赌博整顿' },
      { openid: TOWN },
    )
    expect(reason).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', details: { field: 'reason' } } })
    const down = await withOpenapiDown(cloud, () => cloud.call('stations', 'createStation', base, { openid: TOWN }))
    expect(code(down)).toBe('INTERNAL')
    const until = await cloud.call(
      'stations',
      'closeStation',
      { stationId: DEMO.station.wanda, mode: 'temporary', reason: '检修', until: '2020-01-01T00:00:00+08:00' },
      { openid: TOWN },
    )
    expect(code(until)).toBe('INVALID_ARGUMENT')
    expect(snapshot(cloud, ['stations', 'audit_log'])).toBe(before)
  })

  test('the phone is text: kept with its dash, refused when it is not a phone, cleared with null', async () => {
    const { stationId } = ok(await cloud.call('stations', 'createStation', { ...base, phone: '021-58000000' }, { openid: TOWN }))
    expect(ok(await cloud.call('stations', 'getStation', { stationId }, { openid: RIDER })).phone).toBe('021-58000000')
    expect(code(await cloud.raw('stations', { action: 'updateStation', stationId, phone: '打这个电话' }, { openid: TOWN }))).toBe(
      'INVALID_ARGUMENT',
    )
    ok(await cloud.call('stations', 'updateStation', { stationId, phone: null }, { openid: TOWN }))
    expect(ok(await cloud.call('stations', 'getStation', { stationId }, { openid: RIDER })).phone).toBeNull()
  })

  test('create, update, close and reopen are audited with the station scope; a rider’s attempt is recorded', async () => {
    const { stationId } = ok(await cloud.call('stations', 'createStation', { ...base, name: '审计驿站' }, { openid: TOWN }))
    ok(await cloud.call('stations', 'updateStation', { stationId, name: '审计驿站（改名）' }, { openid: TOWN }))
    ok(await cloud.call('stations', 'closeStation', { stationId, mode: 'temporary', reason: '设备更换' }, { openid: TOWN }))
    ok(await cloud.call('stations', 'reopenStation', { stationId }, { openid: TOWN }))
    expect(code(await cloud.raw('stations', { action: 'reopenStation', stationId }, { openid: RIDER }))).toBe('PERMISSION_DENIED')
    const entries = auditOf(cloud, { scopeKind: 'station', scopeId: stationId })
    expect(entries.map((e) => [e.action, e.actorOpenid, e.outcome])).toEqual([
      ['createStation', TOWN, 'applied'],
      ['updateStation', TOWN, 'applied'],
      ['closeStation', TOWN, 'applied'],
      ['reopenStation', TOWN, 'applied'],
      ['reopenStation', RIDER, 'denied'],
    ])
    expect(entries[1]).toMatchObject({ before: { name: '审计驿站' }, after: { name: '审计驿站（改名）' } })
    expect(entries[2]).toMatchObject({ before: { status: 'open' }, after: { status: 'closed', closedReason: '设备更换' } })
  })

  test("the station's group: its liaison is told of a problem; an unknown group is refused", async () => {
    const { stationId } = ok(await cloud.call('stations', 'createStation', { ...base, groupId: DEMO.group.kangqiao.id }, { openid: TOWN }))
    expect(ok(await cloud.call('stations', 'getStation', { stationId }, { openid: TOWN })).manage?.groupId).toBe(DEMO.group.kangqiao.id)
    const bad = await cloud.raw('stations', { action: 'updateStation', stationId, groupId: 'grp-nowhere' }, { openid: TOWN })
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })

    ok(await cloud.call('stations', 'reportProblem', { stationId, service: 'water', kind: 'empty' }, { openid: RIDER }))
    const told = cloud.db.find('notifications', { template: 'stationProblem' }).filter((n) => String(n.page).includes(stationId))
    expect(told.map((n) => n.openid)).toEqual([DEMO.liaison.sun])

    // Moved to the 万达 group: the next problem goes to that group's liaison.
    ok(await cloud.call('stations', 'updateStation', { stationId, groupId: DEMO.group.zhoupu.id }, { openid: TOWN }))
    ok(await cloud.call('stations', 'reportProblem', { stationId, service: 'phone_charging', kind: 'broken' }, { openid: RIDER }))
    const after = cloud.db.find('notifications', { template: 'stationProblem' }).filter((n) => String(n.page).includes(stationId))
    expect(after.map((n) => n.openid).sort()).toEqual([DEMO.liaison.li, DEMO.liaison.sun])

    // Cleared: nobody's group, no liaison told.
    ok(await cloud.call('stations', 'updateStation', { stationId, groupId: null }, { openid: TOWN }))
    expect(ok(await cloud.call('stations', 'getStation', { stationId }, { openid: TOWN })).manage?.groupId).toBeNull()
  })

  test('permanent close: gone from the list, the detail and the console', async () => {
    const { stationId } = ok(await cloud.call('stations', 'createStation', base, { openid: TOWN }))
    const near = { location: base.location, limit: 50 }
    expect(ok(await cloud.call('stations', 'listStations', near, { openid: RIDER })).stations.map((s) => s.id)).toContain(stationId)
    const denied = await cloud.raw(
      'stations',
      { action: 'closeStation', stationId, mode: 'permanent', reason: '不再合作' },
      { openid: RIDER },
    )
    expect(denied.body).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    ok(await cloud.call('stations', 'closeStation', { stationId, mode: 'permanent', reason: '不再合作' }, { openid: TOWN }))
    expect(ok(await cloud.call('stations', 'listStations', near, { openid: RIDER })).stations.map((s) => s.id)).not.toContain(stationId)
    expect(ok(await cloud.call('stations', 'listManaged', {}, { openid: TOWN })).stations.map((s) => s.id)).not.toContain(stationId)
    expect(await cloud.call('stations', 'getStation', { stationId }, { openid: RIDER })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})
