/**
 * users: verification as a new-employment worker. A newcomer opens from the group, uploads a
 * badge photo, asks once; only that group's liaison (or town) sees the photo and decides, once;
 * the rider is told (subscribe message + in-app notice); the photo is deleted after the decision.
 */
import { DEMO_GROUP_ID, DEMO_GROUP_OPENGID, DEMO_TOWN_OPENID } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { auditOf, code, data, fileExists, groupCloudId, snapshot, upload } from './users-helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

const LI = 'o-demo-liaison-li'
const SUN = 'o-demo-liaison-sun'
const user = (openid: string) => cloud.db.find('users', { _id: openid })[0]

async function newcomer(openid: string): Promise<string> {
  data(await cloud.call('users', 'enterGroup', { groupInfo: groupCloudId(cloud, DEMO_GROUP_OPENGID, openid) }, { openid }))
  return upload(cloud, openid)
}

test('ask → liaison sees photo and phone → approve once (two deciders race) → rider told, photo deleted, rider role', async () => {
  const rider = 'o-badge-rider'
  const photo = await newcomer(rider)
  data(await cloud.call('users', 'updateProfile', { nickname: '骑手小马', phone: '13700001234' }, { openid: rider }))
  // the rider accepted the result template (H5 stand-in of wx.requestSubscribeMessage)
  await fetch(`${cloud.url}/api/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-openid': rider },
    body: JSON.stringify({ tmplIds: ['tmpl-verification-result'] }),
  })

  const [a, b] = await Promise.all([
    cloud.call('users', 'requestVerification', { workType: '外卖', platform: '美团', photoFileId: photo }, { openid: rider }),
    cloud.call('users', 'requestVerification', { workType: '外卖', platform: '美团', photoFileId: photo }, { openid: rider }),
  ])
  expect([code(a), code(b)].sort()).toEqual(['CONFLICT', 'OK'])
  expect(cloud.db.find('verifications', { openid: rider })).toHaveLength(1)
  expect(data(await cloud.call('users', 'getMe', {}, { openid: rider })).verification.state).toBe('pending')

  const list = data(await cloud.call('users', 'listVerifications', { groupId: DEMO_GROUP_ID }, { openid: LI }))
  const item = list.items.find((i) => i.openid === rider)
  expect(item).toMatchObject({ nickname: '骑手小马', phone: '13700001234', workType: '外卖', platform: '美团', state: 'pending' })
  expect(item?.photoUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__storage\/file\//)
  expect(list.items[0].waitingMinutes).toBeGreaterThanOrEqual(list.items[list.items.length - 1].waitingMinutes)
  const id = item?.id as string

  const [x, y] = await Promise.all([
    cloud.call('users', 'decideVerification', { id, approve: true }, { openid: LI }),
    cloud.call('users', 'decideVerification', { id, approve: true }, { openid: DEMO_TOWN_OPENID }),
  ])
  expect([code(x), code(y)].sort()).toEqual(['CONFLICT', 'OK'])
  expect(await fileExists(cloud, photo)).toBe(false)
  expect(cloud.db.find('verifications', { _id: id })[0]).toMatchObject({ state: 'approved', photoFileId: null })
  expect(user(rider)).toMatchObject({ roles: ['rider'], verification: 'approved', workType: '外卖', platform: '美团' })
  const me = data(await cloud.call('users', 'getMe', {}, { openid: rider }))
  expect(me).toMatchObject({ verified: true, roles: ['visitor', 'rider'], unreadNotices: 1 })
  expect(me.verification).toMatchObject({ state: 'approved', groupName: '周浦万达骑手之家群' })
  // told once: one subscribe message, one in-app notice
  const sent = cloud.openapi.outbox().filter((m) => m.touser === rider)
  expect(sent).toHaveLength(1)
  expect(sent[0]).toMatchObject({ templateId: 'tmpl-verification-result', page: 'pages/me/index', data: { phrase1: { value: '已通过' } } })
  const notices = data(await cloud.call('users', 'listMyNotices', {}, { openid: rider }))
  expect(notices.items.map((n) => [n.title, n.read])).toEqual([['认证结果通知', false]])
  expect(notices.unread).toBe(1)
  // reading the list does not mark it; marking does (only mine)
  expect(data(await cloud.call('users', 'markNoticesRead', { ids: [notices.items[0].id] }, { openid: rider }))).toEqual({
    marked: 1,
    unread: 0,
  })
  expect(data(await cloud.call('users', 'getMe', {}, { openid: rider })).unreadNotices).toBe(0)
  const trail = auditOf(cloud, { targetOpenid: rider, action: 'verify', outcome: 'applied' })
  expect(trail).toHaveLength(1)
  expect(trail[0]).toMatchObject({
    role: 'rider',
    groupId: DEMO_GROUP_ID,
    before: { roles: [] },
    after: { roles: ['rider'], verification: 'approved' },
  })

  // already verified: no second request
  expect(
    code(
      await cloud.call(
        'users',
        'requestVerification',
        { workType: '外卖', platform: '美团', photoFileId: await upload(cloud, rider) },
        { openid: rider },
      ),
    ),
  ).toBe('FAILED_PRECONDITION')
})

test('reject needs a reason; the rider sees it and may ask again', async () => {
  const rider = 'o-blurry-photo'
  const photo = await newcomer(rider)
  const { id } = data(
    await cloud.call('users', 'requestVerification', { workType: '快递', platform: '中通', photoFileId: photo }, { openid: rider }),
  )
  const before = snapshot(cloud)
  expect(code(await cloud.call('users', 'decideVerification', { id, approve: false }, { openid: LI }))).toBe('INVALID_ARGUMENT')
  expect(code(await cloud.call('users', 'decideVerification', { id, approve: false, reason: '字'.repeat(61) }, { openid: LI }))).toBe(
    'INVALID_ARGUMENT',
  )
  expect(snapshot(cloud)).toEqual(before)
  data(await cloud.call('users', 'decideVerification', { id, approve: false, reason: '照片看不清工号' }, { openid: LI }))
  expect(await fileExists(cloud, photo)).toBe(false)
  const me = data(await cloud.call('users', 'getMe', {}, { openid: rider }))
  expect(me.verified).toBe(false)
  expect(me.verification).toMatchObject({ state: 'rejected', reason: '照片看不清工号' })
  // without a subscription: no WeChat message, but the in-app notice is there
  expect(cloud.openapi.outbox().filter((m) => m.touser === rider)).toEqual([])
  expect(me.unreadNotices).toBe(1)
  const again = await cloud.call(
    'users',
    'requestVerification',
    { workType: '快递', platform: '中通', photoFileId: await upload(cloud, rider) },
    { openid: rider },
  )
  expect(code(again)).toBe('OK')
  expect(code(await cloud.call('users', 'decideVerification', { id, approve: true }, { openid: LI }))).toBe('CONFLICT')
})

test('another group’s liaison, riders and strangers cannot see or decide; the denial is audited; nothing changes', async () => {
  const rider = 'o-wrong-liaison'
  const photo = await newcomer(rider)
  const { id } = data(
    await cloud.call('users', 'requestVerification', { workType: '保安', platform: '物业公司', photoFileId: photo }, { openid: rider }),
  )
  const before = snapshot(cloud)
  expect(code(await cloud.call('users', 'listVerifications', { groupId: DEMO_GROUP_ID }, { openid: SUN }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('users', 'decideVerification', { id, approve: true }, { openid: SUN }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('users', 'decideVerification', { id, approve: true }, { openid: 'o-demo-rider-zhang' }))).toBe(
    'PERMISSION_DENIED',
  )
  expect(code(await cloud.call('users', 'decideVerification', { id, approve: true }, { openid: rider }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('users', 'decideVerification', { id: 'vf-nope', approve: true }, { openid: LI }))).toBe('NOT_FOUND')
  expect(code(await cloud.raw('users', { action: 'decideVerification', id, approve: 'yes' }, { openid: LI }))).toBe('INVALID_ARGUMENT')
  expect(snapshot(cloud)).toEqual(before)
  expect(await fileExists(cloud, photo)).toBe(true)
  const denied = auditOf(cloud, { targetOpenid: rider, outcome: 'denied' })
  expect(denied.map((d) => d.actorOpenid).sort()).toEqual([SUN, 'o-demo-rider-zhang', rider].sort())
})

test('bad requests: not in a group, someone else’s photo, wrong types, forged group', async () => {
  const before = snapshot(cloud)
  const loner = 'o-no-group'
  const own = await upload(cloud, loner)
  expect(
    code(await cloud.call('users', 'requestVerification', { workType: '外卖', platform: '美团', photoFileId: own }, { openid: loner })),
  ).toBe('FAILED_PRECONDITION')
  const rider = 'o-photo-thief'
  const mine = await newcomer(rider)
  const snap = snapshot(cloud)
  const theirs = await upload(cloud, 'o-victim')
  const cases: [Record<string, unknown>, string][] = [
    [{ workType: '外卖', platform: '美团', photoFileId: theirs }, 'INVALID_ARGUMENT'],
    [{ workType: '外卖', platform: '美团', photoFileId: 'http://x/y.jpg' }, 'INVALID_ARGUMENT'],
    [{ workType: '宇航员', platform: '美团', photoFileId: mine }, 'INVALID_ARGUMENT'],
    [{ workType: '外卖', platform: '', photoFileId: mine }, 'INVALID_ARGUMENT'],
    [{ workType: '外卖', platform: '美'.repeat(21), photoFileId: mine }, 'INVALID_ARGUMENT'],
    [{ workType: '外卖', platform: '美团', photoFileId: mine, groupId: 'grp-kangqiao' }, 'FAILED_PRECONDITION'],
    [{ workType: '外卖', platform: '刷单平台', photoFileId: mine }, 'CONTENT_REJECTED'],
  ]
  for (const [params, expected] of cases) {
    expect([params, code(await cloud.raw('users', { action: 'requestVerification', ...params }, { openid: rider }))]).toEqual([
      params,
      expected,
    ])
  }
  expect(snapshot(cloud)).toEqual(snap)
  expect(before).toBeDefined()
})

test('deleting the profile withdraws a pending request and deletes its photo', async () => {
  const rider = 'o-changed-mind'
  const photo = await newcomer(rider)
  const { id } = data(
    await cloud.call('users', 'requestVerification', { workType: '外卖', platform: '美团', photoFileId: photo }, { openid: rider }),
  )
  data(await cloud.call('users', 'deleteMe', { confirm: true }, { openid: rider }))
  expect(await fileExists(cloud, photo)).toBe(false)
  expect(cloud.db.find('verifications', { _id: id })[0]).toMatchObject({ state: 'withdrawn', photoFileId: null })
  expect(code(await cloud.call('users', 'decideVerification', { id, approve: true }, { openid: LI }))).toBe('CONFLICT')
})
