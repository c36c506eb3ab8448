/**
 * The town's station editing through the gateway → function → wx-server-sdk → local database and
 * storage: station photos (own uploads or the station's folder only, at most 6, a removed photo is
 * deleted from storage), the station's group (its liaison is told of problems), permanent close.
 */
import { DEMO_TOWN_OPENID } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { fileExists, upload } from './users-helpers'

const TOWN = DEMO_TOWN_OPENID
const RIDER = 'o-demo-rider-zhang'
const everyDay = [1, 2, 3, 4, 5, 6, 7]
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d8c2a90000000049454e44ae426082',
  'hex',
)

function ok<T>(r: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.data
}

async function uploadTo(cloud: TestCloud, openid: string, cloudPath: string): Promise<string> {
  const res = await fetch(`${cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', 'x-local-openid': openid },
    body: PNG,
  })
  const body = (await res.json()) as { fileID?: string }
  if (!body.fileID) throw new Error(`upload failed: ${JSON.stringify(body)}`)
  return body.fileID
}

const base = {
  name: '测试骑手驿站',
  provider: 'town' as const,
  address: '周浦镇测试路 5 号',
  location: { lat: 31.2, lng: 121.7 },
  services: ['water' as const, 'phone_charging' as const],
  hours: [{ days: everyDay, open: '00:00', close: '24:00' }],
}

describe('stations: the town edits photos, group and closes for good', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo' })
  })
  afterAll(() => cloud.stop())

  test('photos: own uploads accepted, at most 6, shown on the detail; a removed photo is deleted', async () => {
    const a = await upload(cloud, TOWN, PNG)
    const b = await upload(cloud, TOWN, PNG)
    expect(a).toMatch(new RegExp(`^cloud://.+/uploads/${TOWN}/`))
    const { stationId } = ok(await cloud.call('stations', 'createStation', { ...base, photos: [a, b] }, { openid: TOWN }))

    const d = ok(await cloud.call('stations', 'getStation', { stationId }, { openid: RIDER }))
    expect(d.photos).toHaveLength(2)
    expect(d.photos[0]).toMatch(/^http:\/\/127\.0\.0\.1/)
    expect(d.manage).toBeNull() // riders never see file ids
    const t = ok(await cloud.call('stations', 'getStation', { stationId }, { openid: TOWN }))
    expect(t.manage?.photoFileIds).toEqual([a, b])

    // A file in the station's own folder is accepted too; photo a is removed → deleted from storage.
    const c = await uploadTo(cloud, TOWN, `stations/${stationId}/front.png`)
    ok(await cloud.call('stations', 'updateStation', { stationId, photos: [b, c] }, { openid: TOWN }))
    expect(cloud.db.find('stations', { _id: stationId })[0].photos).toEqual([b, c])
    expect(await fileExists(cloud, a)).toBe(false)
    expect(await fileExists(cloud, b)).toBe(true)
    expect(await fileExists(cloud, c)).toBe(true)

    // Refused, nothing changed: someone else's upload, a forged id, another station's folder, 7 photos, duplicates.
    const riders = await upload(cloud, RIDER, PNG)
    const other = await uploadTo(cloud, TOWN, 'stations/st-wanda/x.png')
    const seven = await Promise.all(Array.from({ length: 7 }, () => upload(cloud, TOWN, PNG)))
    const before = JSON.stringify(cloud.db.find('stations', { _id: stationId }))
    for (const photos of [[b, riders], ['http://evil.example/x.png'], ['cloud://env.bucket/../uploads/x.png'], [other], seven, [b, b]]) {
      const r = await cloud.raw('stations', { action: 'updateStation', stationId, photos }, { openid: TOWN })
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    const forged = await cloud.raw('stations', { action: 'createStation', ...base, photos: [riders] }, { openid: TOWN })
    expect(forged.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(JSON.stringify(cloud.db.find('stations', { _id: stationId }))).toBe(before)
    expect(await fileExists(cloud, b)).toBe(true)

    // Riders cannot edit photos at all.
    const rider = await cloud.raw('stations', { action: 'updateStation', stationId, photos: [] }, { openid: RIDER })
    expect(rider.body).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    ok(await cloud.call('stations', 'updateStation', { stationId, photos: [] }, { openid: TOWN }))
    expect(await fileExists(cloud, b)).toBe(false)
    expect(await fileExists(cloud, c)).toBe(false)
  })

  test("the station's group: its liaison is told of a problem; an unknown group is refused", async () => {
    const { stationId } = ok(await cloud.call('stations', 'createStation', { ...base, groupId: 'grp-kangqiao' }, { openid: TOWN }))
    expect(ok(await cloud.call('stations', 'getStation', { stationId }, { openid: TOWN })).manage?.groupId).toBe('grp-kangqiao')
    const bad = await cloud.raw('stations', { action: 'updateStation', stationId, groupId: 'grp-nowhere' }, { openid: TOWN })
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })

    ok(await cloud.call('stations', 'reportProblem', { stationId, service: 'water', kind: 'empty' }, { openid: RIDER }))
    const told = cloud.db.find('notifications', { template: 'stationProblem' }).filter((n) => String(n.page).includes(stationId))
    expect(told.map((n) => n.openid)).toEqual(['o-demo-liaison-sun'])

    // Moved to the 万达 group: the next problem goes to that group's liaison.
    ok(await cloud.call('stations', 'updateStation', { stationId, groupId: 'grp-zhoupu-wanda' }, { openid: TOWN }))
    ok(await cloud.call('stations', 'reportProblem', { stationId, service: 'phone_charging', kind: 'broken' }, { openid: RIDER }))
    const after = cloud.db.find('notifications', { template: 'stationProblem' }).filter((n) => String(n.page).includes(stationId))
    expect(after.map((n) => n.openid).sort()).toEqual(['o-demo-liaison-li', 'o-demo-liaison-sun'])

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
