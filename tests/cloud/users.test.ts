/**
 * users: profiles and groups through the gateway → function container → wx-server-sdk → local
 * cloud. First call creates a visitor; edits are validated (own avatar upload only, nickname and
 * platform through the content guard); forged identity is ignored; groups are joined from a
 * CloudID resolved on the server, once, even when two calls race; the group name is checked.
 */
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { auditOf, code, data, fileExists, groupCloudId, snapshot, upload } from './helpers'

const DEMO_GROUP_ID = DEMO.group.zhoupu.id
const DEMO_GROUP_OPENGID = DEMO.group.zhoupu.opengid
const DEMO_GROUP2_ID = DEMO.group.kangqiao.id
const DEMO_TOWN_OPENID = DEMO.town

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

const user = (openid: string) => cloud.db.find('users', { _id: openid })[0]
const group = (id: string) => cloud.db.find('groups', { _id: id })[0]

describe('profile', () => {
  test('the first call creates one visitor profile, even when two first calls race', async () => {
    const [a, b] = await Promise.all([
      cloud.call('users', 'getMe', {}, { openid: 'o-first' }),
      cloud.call('users', 'getMe', {}, { openid: 'o-first' }),
    ])
    expect(data(a).roles).toEqual(['visitor'])
    expect(data(b).verification.state).toBe('none')
    expect(data(a)).toMatchObject({ nickname: '骑手朋友', verified: false, groups: [], currentGroupId: null, phoneMasked: null })
    expect(cloud.db.find('users', { _id: 'o-first' })).toHaveLength(1)
  })

  test('edit own profile; the phone is masked in getMe', async () => {
    const avatar = await upload(cloud, 'o-first', 'avatars')
    const r = await cloud.call(
      'users',
      'updateProfile',
      { nickname: '小李', workType: '快递', platform: '顺丰', phone: '13812345678', avatarFileId: avatar },
      { openid: 'o-first' },
    )
    expect(data(r)).toMatchObject({ nickname: '小李', workType: '快递', platform: '顺丰', phoneMasked: '138****5678' })
    expect(data(r).avatarUrl).toMatch(/^http:\/\/127\.0\.0\.1/)
    expect(JSON.stringify(data(await cloud.call('users', 'getMe', {}, { openid: 'o-first' })))).not.toContain('13812345678')
    // a new avatar replaces (and deletes) the old one
    const avatar2 = await upload(cloud, 'o-first', 'avatars')
    data(await cloud.call('users', 'updateProfile', { avatarFileId: avatar2 }, { openid: 'o-first' }))
    expect(await fileExists(cloud, avatar)).toBe(false)
    expect(await fileExists(cloud, avatar2)).toBe(true)
    // sending the avatar the profile already has is fine (already attached), and changes nothing else
    expect(
      data(await cloud.call('users', 'updateProfile', { avatarFileId: avatar2, workType: '外卖' }, { openid: 'o-first' })).workType,
    ).toBe('外卖')
  })

  test('bad input, someone else’s or a wrong-purpose file, rejected texts: clear codes and nothing changed', async () => {
    const someoneElses = await upload(cloud, 'o-other', 'avatars')
    const myBadge = await upload(cloud, 'o-first', 'verification')
    const myReport = await upload(cloud, 'o-first', 'reports')
    const legacyFolder = await upload(cloud, 'o-first')
    const before = snapshot(cloud)
    const cases: [Record<string, unknown>, string][] = [
      [{ phone: '12345' }, 'INVALID_ARGUMENT'],
      [{ nickname: '很'.repeat(21) }, 'INVALID_ARGUMENT'],
      [{ nickname: '' }, 'INVALID_ARGUMENT'],
      [{ nickname: 42 }, 'INVALID_ARGUMENT'],
      [{ workType: '飞行员' }, 'INVALID_ARGUMENT'],
      [{}, 'INVALID_ARGUMENT'],
      [{ avatarFileId: 'https://evil.example/a.png' }, 'INVALID_ARGUMENT'],
      [{ avatarFileId: someoneElses }, 'INVALID_ARGUMENT'],
      [{ avatarFileId: myBadge }, 'INVALID_ARGUMENT'],
      [{ avatarFileId: myReport }, 'INVALID_ARGUMENT'],
      [{ avatarFileId: legacyFolder }, 'INVALID_ARGUMENT'],
      [{ avatarFileId: someoneElses.replace('/o-other/', '/o-first/../o-other/') }, 'INVALID_ARGUMENT'],
      [{ nickname: '刷单日结' }, 'CONTENT_REJECTED'],
      [{ nickname: '小李', platform: '高利贷平台' }, 'CONTENT_REJECTED'],
      [{ nickname: 'a\u0000b' }, 'INVALID_ARGUMENT'],
      [{ nickname: '小李', isAdmin: true }, 'INVALID_ARGUMENT'],
    ]
    for (const [params, expected] of cases) {
      const r = await cloud.raw('users', { action: 'updateProfile', ...params }, { openid: 'o-first' })
      expect([params, code(r)]).toEqual([params, expected])
    }
    expect(snapshot(cloud)).toEqual(before)
    // the refusal names the field that was rejected
    const nick = await cloud.call('users', 'updateProfile', { nickname: '刷单日结' }, { openid: 'o-first' })
    const plat = await cloud.call('users', 'updateProfile', { platform: '高利贷平台' }, { openid: 'o-first' })
    expect([nick.ok ? null : nick.error.details, plat.ok ? null : plat.error.details]).toEqual([
      { field: 'nickname' },
      { field: 'platform' },
    ])
    expect(await fileExists(cloud, someoneElses)).toBe(true)
  })

  test('forged openid / roles in data are ignored; a forged group field is refused', async () => {
    const forgedGroup = await cloud.raw(
      'users',
      { action: 'updateProfile', nickname: '伪装者', groupIds: [DEMO_GROUP_ID] },
      { openid: 'o-forger' },
    )
    expect(code(forgedGroup)).toBe('INVALID_ARGUMENT')
    expect(cloud.db.find('users', { _id: 'o-forger' })).toEqual([])
    const r = await cloud.raw(
      'users',
      { action: 'updateProfile', nickname: '伪装者', openid: 'o-demo-rider-zhang', roles: ['town'], role: 'town' },
      { openid: 'o-forger' },
    )
    expect(code(r)).toBe('OK')
    expect(user('o-forger')).toMatchObject({ nickname: '伪装者', roles: [], groupIds: [] })
    expect(user('o-demo-rider-zhang').nickname).toBe('张伟')
    const me = data(await cloud.call('users', 'getMe', { roles: ['town'] } as never, { openid: 'o-forger' }))
    expect(me.roles).toEqual(['visitor'])
  })

  test('delete own profile: personal data gone, history kept anonymised, a later call starts afresh', async () => {
    const avatar = await upload(cloud, 'o-leaver', 'avatars')
    data(
      await cloud.call(
        'users',
        'updateProfile',
        { nickname: '要走的人', phone: '13900001111', avatarFileId: avatar },
        { openid: 'o-leaver' },
      ),
    )
    data(
      await cloud.call('users', 'enterGroup', { groupInfo: groupCloudId(cloud, DEMO_GROUP_OPENGID, 'o-leaver') }, { openid: 'o-leaver' }),
    )
    const members = group(DEMO_GROUP_ID).memberCount
    expect(code(await cloud.raw('users', { action: 'deleteMe' }, { openid: 'o-leaver' }))).toBe('INVALID_ARGUMENT')
    const [a, b] = await Promise.all([
      cloud.call('users', 'deleteMe', { confirm: true }, { openid: 'o-leaver' }),
      cloud.call('users', 'deleteMe', { confirm: true }, { openid: 'o-leaver' }),
    ])
    expect(data(a)).toEqual({ deleted: true })
    expect(data(b)).toEqual({ deleted: true })
    const stub = user('o-leaver')
    expect(stub).toMatchObject({ nickname: '已注销用户', phone: null, avatarFileId: null, groupIds: [], roles: [] })
    expect(Object.prototype.toString.call(stub.deletedAt)).toBe('[object Date]')
    expect(group(DEMO_GROUP_ID).memberCount).toBe(members - 1)
    expect(await fileExists(cloud, avatar)).toBe(false)
    // the group the person was in has it in its own log
    expect(auditOf(cloud, { targetOpenid: 'o-leaver', action: 'deleteProfile' })).toEqual([
      expect.objectContaining({ scopeKind: 'group', scopeId: DEMO_GROUP_ID, after: expect.objectContaining({ roles: [] }) }),
    ])
    const again = data(await cloud.call('users', 'getMe', {}, { openid: 'o-leaver' }))
    expect(again).toMatchObject({ nickname: '骑手朋友', groups: [], roles: ['visitor'] })
  })

  test('a liaison cannot delete the profile before handing the group over', async () => {
    const before = snapshot(cloud)
    expect(code(await cloud.call('users', 'deleteMe', { confirm: true }, { openid: 'o-demo-liaison-li' }))).toBe('FAILED_PRECONDITION')
    expect(snapshot(cloud)).toEqual(before)
  })
})

describe('groups opened from WeChat', () => {
  test('a rider opening from a claimed group joins it once, even when two entries race', async () => {
    const members = group(DEMO_GROUP_ID).memberCount
    const [a, b] = await Promise.all([
      cloud.call('users', 'enterGroup', { groupInfo: groupCloudId(cloud, DEMO_GROUP_OPENGID, 'o-new-rider') }, { openid: 'o-new-rider' }),
      cloud.call('users', 'enterGroup', { groupInfo: groupCloudId(cloud, DEMO_GROUP_OPENGID, 'o-new-rider') }, { openid: 'o-new-rider' }),
    ])
    expect([data(a).status, data(b).status].sort()).toEqual(['joined', 'member'])
    expect(data(a).group).toEqual({ id: DEMO_GROUP_ID, name: '周浦万达骑手之家群' })
    expect(group(DEMO_GROUP_ID).memberCount).toBe(members + 1)
    expect(user('o-new-rider').groupIds).toEqual([DEMO_GROUP_ID])
    const me = data(await cloud.call('users', 'getMe', {}, { openid: 'o-new-rider' }))
    expect(me.groups).toEqual([
      {
        id: DEMO_GROUP_ID,
        name: '周浦万达骑手之家群',
        memberCount: members + 1,
        isLiaison: false,
        isAdmin: false,
        onDuty: false,
        current: true,
      },
    ])
  })

  test('the group comes from the CloudID resolved on the server, never from data the client sends', async () => {
    const before = snapshot(cloud)
    const forged = [
      { groupInfo: DEMO_GROUP_OPENGID },
      { groupInfo: { opengid: DEMO_GROUP_OPENGID } },
      { groupInfo: { cloudID: 'made-up', data: { opengid: DEMO_GROUP_OPENGID } } },
      // a real CloudID, but minted for another user
      { groupInfo: { __cloudID__: cloud.openapi.makeGroupCloudId(DEMO_GROUP_OPENGID, { openid: 'o-somebody-else' }) } },
    ]
    const codes = []
    for (const params of forged) codes.push(code(await cloud.raw('users', { action: 'enterGroup', ...params }, { openid: 'o-sneaky' })))
    expect(codes).toEqual(['INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'FAILED_PRECONDITION', 'FAILED_PRECONDITION'])
    expect(snapshot(cloud)).toEqual(before)
  })

  test('an unclaimed group: riders are told; a liaison appointed by town claims it exactly once; then riders join', async () => {
    const opengid = 'G-new-group-xiuyan'
    const rider = data(
      await cloud.call('users', 'enterGroup', { groupInfo: groupCloudId(cloud, opengid) }, { openid: 'o-demo-rider-zhang' }),
    )
    expect(rider).toEqual({ status: 'unclaimed', group: null, canClaim: false })
    expect(
      code(
        await cloud.call(
          'users',
          'claimGroup',
          { groupInfo: groupCloudId(cloud, opengid), name: '秀沿骑手群' },
          { openid: 'o-demo-rider-zhang' },
        ),
      ),
    ).toBe('PERMISSION_DENIED')

    // town appoints a liaison with no group yet
    data(await cloud.call('users', 'getMe', {}, { openid: 'o-new-liaison' }))
    data(
      await cloud.call(
        'users',
        'assignRole',
        { targetOpenid: 'o-new-liaison', targetRole: 'liaison', grant: true },
        { openid: DEMO_TOWN_OPENID },
      ),
    )
    const me = data(await cloud.call('users', 'getMe', {}, { openid: 'o-new-liaison' }))
    expect(me.canClaimGroup).toBe(true)
    const entered = data(await cloud.call('users', 'enterGroup', { groupInfo: groupCloudId(cloud, opengid) }, { openid: 'o-new-liaison' }))
    expect(entered.canClaim).toBe(true)

    // a group name others will read passes the content guard first; nothing is stored when it fails
    const beforeBadName = snapshot(cloud)
    const badName = await cloud.call(
      'users',
      'claimGroup',
      { groupInfo: groupCloudId(cloud, opengid), name: '刷单兼职群' },
      { openid: 'o-new-liaison' },
    )
    expect(badName.ok ? null : badName.error).toMatchObject({ code: 'CONTENT_REJECTED', details: { field: 'name' } })
    expect(snapshot(cloud)).toEqual(beforeBadName)

    const [a, b] = await Promise.all([
      cloud.call('users', 'claimGroup', { groupInfo: groupCloudId(cloud, opengid), name: '秀沿骑手群' }, { openid: 'o-new-liaison' }),
      cloud.call('users', 'claimGroup', { groupInfo: groupCloudId(cloud, opengid), name: '秀沿骑手群' }, { openid: 'o-new-liaison' }),
    ])
    expect([code(a), code(b)].sort()).toEqual(['CONFLICT', 'OK'])
    const groups = cloud.db.find('groups', { opengid })
    expect(groups).toHaveLength(1)
    expect(groups[0]).toMatchObject({ name: '秀沿骑手群', liaisonOpenid: 'o-new-liaison', memberCount: 1 })
    expect(user('o-new-liaison').liaisonOf).toEqual([groups[0]._id])
    expect(auditOf(cloud, { action: 'claimGroup', targetOpenid: 'o-new-liaison' })).toEqual([
      expect.objectContaining({ scopeKind: 'group', scopeId: groups[0]._id }),
    ])

    const joined = data(
      await cloud.call('users', 'enterGroup', { groupInfo: groupCloudId(cloud, opengid) }, { openid: 'o-demo-rider-zhang' }),
    )
    expect(joined).toMatchObject({ status: 'joined', group: { name: '秀沿骑手群' } })
    // the second claim of another liaison's group
    expect(
      code(
        await cloud.call(
          'users',
          'claimGroup',
          { groupInfo: groupCloudId(cloud, opengid), name: '抢群' },
          { openid: 'o-demo-liaison-sun' },
        ),
      ),
    ).toBe('CONFLICT')
  })

  test('a rider in several groups switches between them and leaves one', async () => {
    const wu = 'o-demo-rider-wu'
    let me = data(await cloud.call('users', 'getMe', {}, { openid: wu }))
    expect(me.groups.map((g) => g.id)).toEqual([DEMO_GROUP2_ID, DEMO_GROUP_ID])
    expect(me.currentGroupId).toBe(DEMO_GROUP2_ID)
    expect(data(await cloud.call('users', 'switchGroup', { groupId: DEMO_GROUP_ID }, { openid: wu }))).toEqual({
      currentGroupId: DEMO_GROUP_ID,
    })
    me = data(await cloud.call('users', 'getMe', {}, { openid: wu }))
    expect(me.groups.find((g) => g.current)?.id).toBe(DEMO_GROUP_ID)

    const before = snapshot(cloud)
    expect(code(await cloud.call('users', 'switchGroup', { groupId: 'grp-not-mine' }, { openid: wu }))).toBe('FAILED_PRECONDITION')
    expect(code(await cloud.raw('users', { action: 'switchGroup', groupId: '../x' }, { openid: wu }))).toBe('INVALID_ARGUMENT')
    expect(snapshot(cloud)).toEqual(before)

    const members = group(DEMO_GROUP_ID).memberCount
    const [a, b] = await Promise.all([
      cloud.call('users', 'leaveGroup', { groupId: DEMO_GROUP_ID }, { openid: wu }),
      cloud.call('users', 'leaveGroup', { groupId: DEMO_GROUP_ID }, { openid: wu }),
    ])
    expect([data(a).left, data(b).left].sort()).toEqual([false, true])
    expect(group(DEMO_GROUP_ID).memberCount).toBe(members - 1)
    expect(user(wu)).toMatchObject({ groupIds: [DEMO_GROUP2_ID], currentGroupId: DEMO_GROUP2_ID })
    expect(code(await cloud.call('users', 'leaveGroup', { groupId: DEMO_GROUP_ID }, { openid: 'o-demo-liaison-li' }))).toBe(
      'FAILED_PRECONDITION',
    )
  })
})

describe('the town’s list of groups', () => {
  test('town lists all groups with their liaisons', async () => {
    const r = data(await cloud.call('users', 'listGroups', {}, { openid: DEMO_TOWN_OPENID }))
    expect(r.groups.map((g) => [g.id, g.liaisonName])).toEqual(
      expect.arrayContaining([
        [DEMO_GROUP_ID, '李敏（专职联络员）'],
        [DEMO_GROUP2_ID, '孙丽（康桥联络员）'],
      ]),
    )
  })
})
