/**
 * users: what the town console and 我的 › 通知 need — the town overview (groups with liaison and
 * member counts, stations, canteens), finding people with their scopes, and marking one's own
 * in-app notices read (never someone else's).
 */
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { code, data, snapshot } from './helpers'

const DEMO_GROUP_ID = DEMO.group.zhoupu.id
const DEMO_GROUP2_ID = DEMO.group.kangqiao.id
const DEMO_TOWN_OPENID = DEMO.town

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

test('town overview: every group with its liaison, members and admins; stations and canteens by name', async () => {
  const o = data(await cloud.call('users', 'townOverview', {}, { openid: DEMO_TOWN_OPENID }))
  expect(o.groups).toEqual([
    expect.objectContaining({ id: DEMO_GROUP_ID, name: '周浦万达骑手之家群', liaisonName: '李敏（专职联络员）', adminCount: 1 }),
    expect.objectContaining({ id: DEMO_GROUP2_ID, liaisonOpenid: DEMO.liaison.sun, memberCount: 2, adminCount: 0 }),
  ])
  expect(o.groups[0].memberCount).toBeGreaterThan(5)
  expect(o.stations.map((s) => s.id)).toContain('st-wanda')
  expect(o.canteens.map((c) => c.id)).toEqual(['canteen-zhoupu'])
  expect(code(await cloud.call('users', 'townOverview', {}, { openid: DEMO.liaison.li }))).toBe('PERMISSION_DENIED')
})

test('search by name or by openid, with the scopes the town may revoke', async () => {
  const byName = data(await cloud.call('users', 'searchUsers', { q: '李敏' }, { openid: DEMO_TOWN_OPENID })).users
  expect(byName).toEqual([expect.objectContaining({ openid: DEMO.liaison.li, liaisonOf: [DEMO_GROUP_ID], roles: ['liaison'] })])
  const byId = data(await cloud.call('users', 'searchUsers', { q: DEMO.staff.station }, { openid: DEMO_TOWN_OPENID })).users
  expect(byId).toEqual([expect.objectContaining({ nickname: '周师傅（驿站）', staffOf: { canteen: [], station: ['st-wanda'] } })])
  expect(code(await cloud.call('users', 'searchUsers', { q: '   ' }, { openid: DEMO_TOWN_OPENID }))).toBe('INVALID_ARGUMENT')
})

test('notices: listed newest first without marking; marking touches only my own', async () => {
  const at = (m: number) => new Date(Date.now() - m * 60000)
  const mk = (id: string, openid: string, minutes: number) => ({
    _id: id,
    openid,
    template: 'verificationResult',
    title: '认证结果通知',
    text: `通知 ${id}`,
    page: 'pages/me/index',
    pushed: false,
    read: false,
    createdAt: at(minutes),
  })
  cloud.db.insert('notifications', [mk('n-a1', DEMO.rider.zhang, 30), mk('n-a2', DEMO.rider.zhang, 5), mk('n-b1', DEMO.rider.chen, 1)])
  const list = data(await cloud.call('users', 'listMyNotices', {}, { openid: DEMO.rider.zhang }))
  expect(list.items.map((n) => n.id)).toEqual(['n-a2', 'n-a1'])
  expect(list.unread).toBe(2)
  expect(list.items[0].at).toMatch(/\+08:00$/)

  const before = snapshot(cloud, ['notifications'])
  for (const bad of [{}, { ids: [] }, { all: false }, { ids: ['n-a1'], all: true }, { ids: 'n-a1' }]) {
    expect([bad, code(await cloud.raw('users', { action: 'markNoticesRead', ...bad }, { openid: DEMO.rider.zhang }))]).toEqual([
      bad,
      'INVALID_ARGUMENT',
    ])
  }
  // someone else's notice id: nothing happens
  expect(data(await cloud.call('users', 'markNoticesRead', { ids: ['n-b1'] }, { openid: DEMO.rider.zhang }))).toEqual({
    marked: 0,
    unread: 2,
  })
  expect(snapshot(cloud, ['notifications'])).toEqual(before)

  expect(data(await cloud.call('users', 'markNoticesRead', { ids: ['n-a1'] }, { openid: DEMO.rider.zhang }))).toEqual({
    marked: 1,
    unread: 1,
  })
  expect(data(await cloud.call('users', 'getMe', {}, { openid: DEMO.rider.zhang })).unreadNotices).toBe(1)
  expect(data(await cloud.call('users', 'markNoticesRead', { all: true }, { openid: DEMO.rider.zhang }))).toEqual({
    marked: 1,
    unread: 0,
  })
  expect(cloud.db.find('notifications', { _id: 'n-b1' })[0].read).toBe(false)
})

test('getMe says who is appointed by the town (liaison, staff, town): they are never asked to verify as a rider', async () => {
  const official = async (openid: string) => data(await cloud.call('users', 'getMe', {}, { openid })).official
  const people = [DEMO.liaison.li, DEMO.staff.station, DEMO.staff.canteen, DEMO.town, DEMO.rider.zhang, DEMO.visitor.zhao, 'o-brand-new']
  const seen = []
  for (const p of people) seen.push([p, await official(p)])
  expect(seen).toEqual([
    [DEMO.liaison.li, true],
    [DEMO.staff.station, true],
    [DEMO.staff.canteen, true],
    [DEMO.town, true],
    [DEMO.rider.zhang, false],
    [DEMO.visitor.zhao, false],
    ['o-brand-new', false],
  ])
})
