/**
 * users: verification as a new-employment worker. A newcomer opens from the group, uploads a
 * badge photo into their own `verification/` folder, asks once; the photo goes through the photo
 * check and only that group's liaison (or town) sees it, once it has passed; they decide once —
 * never on their own request; the rider is told (subscribe message + in-app notice); the photo is
 * deleted after the decision. A photo that fails its check is removed and its author told.
 */
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { auditOf, code, data, fileExists, groupCloudId, pushVerdict, snapshot, upload } from './helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

const LI = DEMO.liaison.li
const SUN = DEMO.liaison.sun
const ZHOUPU = DEMO.group.zhoupu
const KANGQIAO = DEMO.group.kangqiao
const WITH_CHECKS = ['users', 'groups', 'verifications', 'group_invites', 'media_checks']
const user = (openid: string) => cloud.db.find('users', { _id: openid })[0]
const verification = (id: string) => cloud.db.find('verifications', { _id: id })[0]
const itemOf = async (rider: string, as = LI) =>
  data(await cloud.call('users', 'listVerifications', { groupId: ZHOUPU.id }, { openid: as })).items.find((i) => i.openid === rider)

async function newcomer(openid: string, opengid: string = ZHOUPU.opengid): Promise<string> {
  data(await cloud.call('users', 'enterGroup', { groupInfo: groupCloudId(cloud, opengid, openid) }, { openid }))
  return upload(cloud, openid, 'verification')
}
const ask = (openid: string, photoFileId: string, extra: Record<string, unknown> = {}) =>
  cloud.call('users', 'requestVerification', { workType: '外卖', platform: '美团', photoFileId, ...extra }, { openid })

test('ask → the photo is checked first, hidden from the liaison until it passes → approve once (two deciders race) → told, photo deleted', async () => {
  const rider = 'o-badge-rider'
  const photo = await newcomer(rider)
  data(await cloud.call('users', 'updateProfile', { nickname: '骑手小马', phone: '13700001234' }, { openid: rider }))
  // the rider accepted the result template (H5 stand-in of wx.requestSubscribeMessage)
  await fetch(`${cloud.url}/api/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-openid': rider },
    body: JSON.stringify({ tmplIds: ['tmpl-verification-result'] }),
  })

  const [a, b] = await Promise.all([ask(rider, photo), ask(rider, photo)])
  expect([code(a), code(b)].sort()).toEqual(['CONFLICT', 'OK'])
  expect(cloud.db.find('verifications', { openid: rider })).toHaveLength(1)
  expect(data(await cloud.call('users', 'getMe', {}, { openid: rider })).verification.state).toBe('pending')

  // checking: the liaison sees the request, not the photo, and cannot approve yet
  const checking = await itemOf(rider)
  expect(checking).toMatchObject({
    nickname: '骑手小马',
    phone: '13700001234',
    workType: '外卖',
    platform: '美团',
    photoState: 'checking',
    photoUrl: null,
  })
  const id = checking?.id as string
  const beforeEarly = snapshot(cloud)
  const early = await cloud.call('users', 'decideVerification', { id, approve: true }, { openid: LI })
  expect([code(early), early.ok ? '' : early.error.message]).toEqual(['FAILED_PRECONDITION', '照片还在安全检查，请稍后再审核'])
  expect(snapshot(cloud)).toEqual(beforeEarly)

  await pushVerdict(cloud, photo, 'pass')
  const ready = await itemOf(rider)
  expect(ready).toMatchObject({ photoState: 'ready' })
  expect(ready?.photoUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__storage\/file\//)

  const [x, y] = await Promise.all([
    cloud.call('users', 'decideVerification', { id, approve: true }, { openid: LI }),
    cloud.call('users', 'decideVerification', { id, approve: true }, { openid: DEMO.town }),
  ])
  expect([code(x), code(y)].sort()).toEqual(['CONFLICT', 'OK'])
  expect(await fileExists(cloud, photo)).toBe(false)
  expect(verification(id)).toMatchObject({ state: 'approved', photoFileId: null, pendingMedia: [] })
  expect(user(rider)).toMatchObject({ roles: ['rider'], verification: 'approved', workType: '外卖', platform: '美团' })
  const me = data(await cloud.call('users', 'getMe', {}, { openid: rider }))
  expect(me).toMatchObject({ verified: true, official: false, roles: ['visitor', 'rider'], unreadNotices: 1 })
  expect(me.verification).toMatchObject({ state: 'approved', groupName: '周浦万达骑手之家群' })
  // told once: one subscribe message, one in-app notice
  const sent = cloud.openapi.outbox().filter((m) => m.touser === rider)
  expect(sent).toHaveLength(1)
  expect(sent[0]).toMatchObject({ templateId: 'tmpl-verification-result', page: 'pages/me/index', data: { phrase1: { value: '已通过' } } })
  const notices = data(await cloud.call('users', 'listMyNotices', {}, { openid: rider }))
  expect(notices.items.map((n) => [n.title, n.read])).toEqual([['认证结果通知', false]])
  const trail = auditOf(cloud, { targetOpenid: rider, action: 'verify', outcome: 'applied' })
  expect(trail).toEqual([
    expect.objectContaining({
      role: 'rider',
      scopeKind: 'group',
      scopeId: ZHOUPU.id,
      before: expect.objectContaining({ roles: [] }),
      after: expect.objectContaining({ roles: ['rider'], verification: 'approved' }),
    }),
  ])
  // already verified: no second request
  expect(code(await ask(rider, await upload(cloud, rider, 'verification')))).toBe('FAILED_PRECONDITION')
})

test('a photo that fails its check is taken off the request and deleted, the rider is told; the liaison sees there is none', async () => {
  const rider = 'o-bad-photo'
  const photo = await newcomer(rider)
  const { id } = data(await ask(rider, photo))
  await pushVerdict(cloud, photo, 'risky')
  expect(await fileExists(cloud, photo)).toBe(false)
  expect(verification(id)).toMatchObject({ state: 'pending', photoFileId: null, pendingMedia: [] })
  expect(await itemOf(rider)).toMatchObject({ photoState: 'none', photoUrl: null })
  const told = cloud.db.find('notifications', { openid: rider })
  expect(told.map((n) => n.title)).toEqual(['图片未通过审核'])
  // the liaison can still send it back with a reason
  data(await cloud.call('users', 'decideVerification', { id, approve: false, reason: '照片没通过检查，请重新拍' }, { openid: LI }))
  expect(data(await cloud.call('users', 'getMe', {}, { openid: rider })).verification).toMatchObject({ state: 'rejected' })
})

test('reject needs a reason the content guard passes; the rider sees it and may ask again', async () => {
  const rider = 'o-blurry-photo'
  const photo = await newcomer(rider)
  const { id } = data(await ask(rider, photo, { workType: '快递', platform: '中通' }))
  const before = snapshot(cloud, WITH_CHECKS)
  expect(code(await cloud.call('users', 'decideVerification', { id, approve: false }, { openid: LI }))).toBe('INVALID_ARGUMENT')
  expect(code(await cloud.call('users', 'decideVerification', { id, approve: false, reason: '字'.repeat(61) }, { openid: LI }))).toBe(
    'INVALID_ARGUMENT',
  )
  const rude = await cloud.call('users', 'decideVerification', { id, approve: false, reason: '傻逼照片' }, { openid: LI })
  expect(rude.ok ? null : rude.error).toMatchObject({ code: 'CONTENT_REJECTED', details: { field: 'reason' } })
  expect(snapshot(cloud, WITH_CHECKS)).toEqual(before)
  expect(await fileExists(cloud, photo)).toBe(true)
  data(await cloud.call('users', 'decideVerification', { id, approve: false, reason: '照片看不清工号' }, { openid: LI }))
  expect(await fileExists(cloud, photo)).toBe(false)
  const me = data(await cloud.call('users', 'getMe', {}, { openid: rider }))
  expect(me.verified).toBe(false)
  expect(me.verification).toMatchObject({ state: 'rejected', reason: '照片看不清工号' })
  // without a subscription: no WeChat message, but the in-app notice is there
  expect(cloud.openapi.outbox().filter((m) => m.touser === rider)).toEqual([])
  expect(me.unreadNotices).toBe(1)
  expect(code(await ask(rider, await upload(cloud, rider, 'verification'), { workType: '快递', platform: '中通' }))).toBe('OK')
  expect(code(await cloud.call('users', 'decideVerification', { id, approve: true }, { openid: LI }))).toBe('CONFLICT')
})

test('another group’s liaison, riders and strangers cannot see or decide; each denial is audited in the group’s log; nothing changes', async () => {
  const rider = 'o-wrong-liaison'
  const photo = await newcomer(rider)
  const { id } = data(await ask(rider, photo, { workType: '保安', platform: '物业公司' }))
  await pushVerdict(cloud, photo, 'pass')
  const before = snapshot(cloud)
  expect(code(await cloud.call('users', 'listVerifications', { groupId: ZHOUPU.id }, { openid: SUN }))).toBe('PERMISSION_DENIED')
  for (const as of [SUN, DEMO.rider.zhang, rider]) {
    expect([as, code(await cloud.call('users', 'decideVerification', { id, approve: true }, { openid: as }))]).toEqual([
      as,
      'PERMISSION_DENIED',
    ])
  }
  expect(code(await cloud.call('users', 'decideVerification', { id: 'vf-nope', approve: true }, { openid: LI }))).toBe('NOT_FOUND')
  expect(code(await cloud.raw('users', { action: 'decideVerification', id, approve: 'yes' }, { openid: LI }))).toBe('INVALID_ARGUMENT')
  expect(snapshot(cloud)).toEqual(before)
  expect(await fileExists(cloud, photo)).toBe(true)
  const denied = auditOf(cloud, { targetOpenid: rider, outcome: 'denied' })
  expect(denied.map((d) => d.actorOpenid).sort()).toEqual([SUN, DEMO.rider.zhang, rider].sort())
  expect(denied.every((d) => d.scopeKind === 'group' && d.scopeId === ZHOUPU.id)).toBe(true)
})

test('bad requests: in no group (told what to do), someone else’s or another folder’s photo, wrong types, forged group, rejected platform', async () => {
  const loner = 'o-no-group'
  const own = await upload(cloud, loner, 'verification')
  data(await cloud.call('users', 'getMe', {}, { openid: loner }))
  const before = snapshot(cloud, WITH_CHECKS)
  const lonely = await ask(loner, own)
  expect([code(lonely), lonely.ok ? '' : lonely.error.message]).toEqual([
    'FAILED_PRECONDITION',
    '请先加入小哥群：从小哥微信群里点小程序卡片打开，或扫联络员给的邀请码',
  ])
  expect(snapshot(cloud, WITH_CHECKS)).toEqual(before)

  const rider = 'o-photo-thief'
  const mine = await newcomer(rider)
  const theirs = await upload(cloud, 'o-victim', 'verification')
  const myAvatar = await upload(cloud, rider, 'avatars')
  const snap = snapshot(cloud, WITH_CHECKS)
  const cases: [Record<string, unknown>, string][] = [
    [{ workType: '外卖', platform: '美团', photoFileId: theirs }, 'INVALID_ARGUMENT'],
    [{ workType: '外卖', platform: '美团', photoFileId: myAvatar }, 'INVALID_ARGUMENT'],
    [{ workType: '外卖', platform: '美团', photoFileId: 'http://x/y.jpg' }, 'INVALID_ARGUMENT'],
    [{ workType: '宇航员', platform: '美团', photoFileId: mine }, 'INVALID_ARGUMENT'],
    [{ workType: '外卖', platform: '', photoFileId: mine }, 'INVALID_ARGUMENT'],
    [{ workType: '外卖', platform: '美'.repeat(21), photoFileId: mine }, 'INVALID_ARGUMENT'],
    [{ workType: '外卖', platform: '美团', photoFileId: mine, groupId: KANGQIAO.id }, 'FAILED_PRECONDITION'],
    [{ workType: '外卖', platform: '刷单平台', photoFileId: mine }, 'CONTENT_REJECTED'],
  ]
  for (const [params, expected] of cases) {
    expect([params, code(await cloud.raw('users', { action: 'requestVerification', ...params }, { openid: rider }))]).toEqual([
      params,
      expected,
    ])
  }
  expect(snapshot(cloud, WITH_CHECKS)).toEqual(snap)
  expect(await fileExists(cloud, theirs)).toBe(true)
})

test('deleting the profile withdraws a pending request and deletes its photo', async () => {
  const rider = 'o-changed-mind'
  const photo = await newcomer(rider)
  const { id } = data(await ask(rider, photo))
  data(await cloud.call('users', 'deleteMe', { confirm: true }, { openid: rider }))
  expect(await fileExists(cloud, photo)).toBe(false)
  expect(verification(id)).toMatchObject({ state: 'withdrawn', photoFileId: null })
  expect(code(await cloud.call('users', 'decideVerification', { id, approve: true }, { openid: LI }))).toBe('CONFLICT')
})

test('escape: a liaison cannot approve their own request (a rider who asked, then was made the group’s liaison); town can', async () => {
  const me = 'o-self-approver'
  const photo = await newcomer(me, KANGQIAO.opengid)
  const { id } = data(await ask(me, photo, { groupId: KANGQIAO.id }))
  await pushVerdict(cloud, photo, 'pass')
  data(
    await cloud.call(
      'users',
      'assignRole',
      { targetOpenid: me, targetRole: 'liaison', scopeId: KANGQIAO.id, grant: true },
      { openid: DEMO.town },
    ),
  )
  expect(user(me).liaisonOf).toEqual([KANGQIAO.id])

  const before = snapshot(cloud)
  const self = await cloud.call('users', 'decideVerification', { id, approve: true }, { openid: me })
  expect([code(self), self.ok ? '' : self.error.message]).toEqual(['PERMISSION_DENIED', '不能审核自己的认证申请，请让镇里审核'])
  expect(snapshot(cloud)).toEqual(before)
  expect(user(me).roles).not.toContain('rider')
  expect(auditOf(cloud, { actorOpenid: me, action: 'verify', outcome: 'denied' })).toEqual([
    expect.objectContaining({ targetOpenid: me, scopeKind: 'group', scopeId: KANGQIAO.id }),
  ])
  data(await cloud.call('users', 'decideVerification', { id, approve: true }, { openid: DEMO.town }))
  expect(user(me).roles).toEqual(expect.arrayContaining(['liaison', 'rider']))
})
