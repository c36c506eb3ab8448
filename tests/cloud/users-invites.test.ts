/**
 * users: invites for riders who cannot open the app from the group card. A random token stored
 * hashed, an expiry, a use limit that holds when many join at once, and a life tied to its maker:
 * when the liaison who made it loses the liaison role or the group, the invite dies (checked at
 * join time) with a message that says what to do.
 */
import { createHash } from 'node:crypto'
import { INVITE_USES } from '../../cloudfunctions/users/contract'
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { auditOf, code, data, snapshot } from './helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

const LI = DEMO.liaison.li
const SUN = DEMO.liaison.sun
const ZHOUPU = DEMO.group.zhoupu.id
const KANGQIAO = DEMO.group.kangqiao.id
const hash = (token: string) => createHash('sha256').update(token).digest('hex')
const group = (id: string) => cloud.db.find('groups', { _id: id })[0]
const invite = (token: string) => cloud.db.find('group_invites', { _id: hash(token) })[0]
const join = (token: string, openid: string) => cloud.call('users', 'joinByInvite', { token }, { openid })
const message = (r: { ok: boolean; error?: { message: string } }) => (r.ok ? '' : (r.error?.message ?? ''))

test('the liaison makes an invite (72 hours, 20 people by default); only its hash is stored; it is in the group’s log', async () => {
  const inv = data(await cloud.call('users', 'createInvite', { groupId: ZHOUPU }, { openid: LI }))
  expect(inv.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
  expect(inv.path).toBe(`pkg-me/join/index?t=${inv.token}`)
  expect(inv.maxUses).toBe(INVITE_USES.default)
  expect(INVITE_USES).toEqual({ default: 20, max: 100 })
  const hours = (Date.parse(inv.expiresAt) - Date.now()) / 3_600_000
  expect(hours).toBeGreaterThan(71.9)
  expect(hours).toBeLessThanOrEqual(72)
  const stored = cloud.db.find('group_invites', { groupId: ZHOUPU })
  expect(JSON.stringify(stored)).not.toContain(inv.token)
  expect(invite(inv.token)).toMatchObject({ createdBy: LI, createdAs: 'liaison', maxUses: 20, uses: 0 })
  expect(auditOf(cloud, { action: 'inviteCreate', actorOpenid: LI })).toEqual([
    expect.objectContaining({ scopeKind: 'group', scopeId: ZHOUPU, outcome: 'applied' }),
  ])

  const members = group(ZHOUPU).memberCount
  expect(data(await join(inv.token, 'o-invited'))).toMatchObject({ status: 'joined', group: { id: ZHOUPU } })
  // a second use by the same person is "already a member" and uses nothing
  expect(data(await join(inv.token, 'o-invited')).status).toBe('member')
  expect(invite(inv.token).uses).toBe(1)
  expect(group(ZHOUPU).memberCount).toBe(members + 1)
})

test('the use limit holds when many join at once; a full invite says so and changes nothing', async () => {
  const inv = data(await cloud.call('users', 'createInvite', { groupId: ZHOUPU, maxUses: 2, hours: 2 }, { openid: LI }))
  const members = group(ZHOUPU).memberCount
  const riders = ['o-rush-1', 'o-rush-2', 'o-rush-3', 'o-rush-4']
  const results = await Promise.all(riders.map((r) => join(inv.token, r)))
  expect(results.map(code).sort()).toEqual(['OK', 'OK', 'RESOURCE_EXHAUSTED', 'RESOURCE_EXHAUSTED'])
  expect(message(results.find((r) => !r.ok) as never)).toBe('这个邀请码已经有 2 人用过了，请向联络员要新的')
  expect(invite(inv.token).uses).toBe(2)
  expect(group(ZHOUPU).memberCount).toBe(members + 2)
  const joined = riders.filter((r) => cloud.db.find('users', { _id: r })[0]?.groupIds?.includes(ZHOUPU))
  expect(joined).toHaveLength(2)

  // one person joining twice at once takes one use
  const one = data(await cloud.call('users', 'createInvite', { groupId: ZHOUPU, maxUses: 1 }, { openid: LI }))
  const [a, b] = await Promise.all([join(one.token, 'o-double'), join(one.token, 'o-double')])
  expect([data(a).status, data(b).status].sort()).toEqual(['joined', 'member'])
  expect(invite(one.token).uses).toBe(1)
})

test('bad invites: unknown, malformed, expired, limits out of range, another group’s liaison or a rider making one', async () => {
  const token = 'expired-token-expired-token-0001'
  cloud.db.insert('group_invites', [
    {
      _id: hash(token),
      groupId: ZHOUPU,
      createdBy: LI,
      createdAs: 'liaison',
      createdAt: new Date(Date.now() - 3 * 86400000),
      expiresAt: new Date(Date.now() - 86400000),
      maxUses: 20,
      uses: 0,
    },
  ])
  const before = snapshot(cloud)
  const expired = await join(token, 'o-late')
  expect([code(expired), message(expired)]).toEqual(['FAILED_PRECONDITION', '邀请码已过期，请向联络员要新的'])
  expect(code(await join('x'.repeat(32), 'o-late'))).toBe('NOT_FOUND')
  expect(code(await join('short', 'o-late'))).toBe('INVALID_ARGUMENT')
  for (const params of [{ hours: 10000 }, { maxUses: 0 }, { maxUses: INVITE_USES.max + 1 }, { maxUses: 2.5 }]) {
    const r = await cloud.call('users', 'createInvite', { groupId: ZHOUPU, ...params }, { openid: LI })
    expect([params, code(r)]).toEqual([params, 'INVALID_ARGUMENT'])
  }
  expect(code(await cloud.call('users', 'createInvite', { groupId: ZHOUPU }, { openid: SUN }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('users', 'createInvite', { groupId: ZHOUPU }, { openid: DEMO.rider.zhang }))).toBe('PERMISSION_DENIED')
  expect(snapshot(cloud)).toEqual(before)
  expect(auditOf(cloud, { action: 'inviteCreate', outcome: 'denied', actorOpenid: SUN })).toEqual([
    expect.objectContaining({ scopeKind: 'group', scopeId: ZHOUPU }),
  ])
  // town may make one for any group; a group that does not exist is NOT_FOUND
  expect(code(await cloud.call('users', 'createInvite', { groupId: 'grp-nowhere' }, { openid: DEMO.town }))).toBe('NOT_FOUND')
  const byTown = data(await cloud.call('users', 'createInvite', { groupId: KANGQIAO }, { openid: DEMO.town }))
  expect(invite(byTown.token)).toMatchObject({ createdAs: 'town' })
  expect(data(await join(byTown.token, 'o-town-invited')).status).toBe('joined')
})

test('an invite dies when its liaison loses the group (handed over) or the liaison role', async () => {
  const suns = data(await cloud.call('users', 'createInvite', { groupId: KANGQIAO }, { openid: SUN }))
  const lis = data(await cloud.call('users', 'createInvite', { groupId: ZHOUPU }, { openid: LI }))
  expect(data(await join(suns.token, 'o-before-handover')).status).toBe('joined')

  // town hands 康桥 to 吴涛: 孙丽's invite is dead, the new liaison's works
  data(
    await cloud.call(
      'users',
      'assignRole',
      { targetOpenid: DEMO.rider.wu, targetRole: 'liaison', scopeId: KANGQIAO, grant: true },
      { openid: DEMO.town },
    ),
  )
  const before = snapshot(cloud)
  const dead = await join(suns.token, 'o-after-handover')
  expect([code(dead), message(dead)]).toEqual([
    'FAILED_PRECONDITION',
    '这个邀请码已失效：发邀请的人已不再负责这个群，请向现在的联络员要新的',
  ])
  expect(snapshot(cloud)).toEqual(before)
  const wus = data(await cloud.call('users', 'createInvite', { groupId: KANGQIAO }, { openid: DEMO.rider.wu }))
  expect(data(await join(wus.token, 'o-after-handover')).status).toBe('joined')

  // town takes 李敏's liaison role: her invite dies too
  expect(data(await join(lis.token, 'o-before-revoke')).status).toBe('joined')
  data(
    await cloud.call(
      'users',
      'assignRole',
      { targetOpenid: LI, targetRole: 'liaison', scopeId: ZHOUPU, grant: false },
      { openid: DEMO.town },
    ),
  )
  expect(code(await join(lis.token, 'o-after-revoke'))).toBe('FAILED_PRECONDITION')
  expect(cloud.db.find('users', { _id: 'o-after-revoke' })[0]?.groupIds ?? []).toEqual([])
})
