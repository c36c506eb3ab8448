/**
 * users.listAudit: the change log the consoles page through. Stable order (`at` desc, then `_id`
 * desc) with an opaque cursor — every entry exactly once, also when entries share an instant or new
 * ones arrive between pages; filters by group, target, actor, action, outcome and time range; a
 * liaison sees their own groups' entries only, town everything; entries of other functions keep
 * their own before/after. Denied attempts are recorded at most once per person per action per
 * minute, so a stranger cannot flood a group's log.
 */
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { auditOf, code, data, firstDeniedPerPerson } from './helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
  cloud.db.insert('audit_log', seeded)
})
afterAll(() => cloud.stop())

const LI = DEMO.liaison.li
const SUN = DEMO.liaison.sun
const TOWN = DEMO.town
const ZHOUPU = DEMO.group.zhoupu.id
const KANGQIAO = DEMO.group.kangqiao.id
const BASE = Date.parse('2026-03-02T10:00:00+08:00')
const state = (roles: string[]) => ({
  roles,
  liaisonOf: [],
  adminOf: [],
  staffOf: { canteen: [], station: [] },
  verification: 'approved',
  duty: [],
})

/** 30 entries: 3 per minute (so instants repeat), alternating groups, actions and outcomes; one station entry. */
const seeded = Array.from({ length: 30 }, (_, i) => ({
  _id: `a-${String(i).padStart(2, '0')}`,
  actorOpenid: i % 3 === 0 ? TOWN : LI,
  targetOpenid: i % 2 ? DEMO.rider.zhang : DEMO.rider.chen,
  action: i % 4 === 0 ? 'grant' : 'dutyAdd',
  role: 'admin',
  scopeKind: i === 29 ? 'station' : 'group',
  scopeId: i === 29 ? 'st-wanda' : i % 5 === 0 ? KANGQIAO : ZHOUPU,
  outcome: i % 7 === 0 ? 'denied' : 'applied',
  before: i === 29 ? { status: 'open', phone: '021-58110000' } : state(['rider']),
  after: i === 29 ? { status: 'closed' } : state(['rider', 'admin']),
  note: null,
  at: new Date(BASE + Math.floor(i / 3) * 60_000),
}))
const inWindow = { from: '2026-03-02T00:00:00+08:00', to: '2026-03-03T00:00:00+08:00' }

type Page = { items: { id: string; at: string }[]; nextCursor: string | null }
async function allPages(as: string, filter: Record<string, unknown>, limit: number): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | undefined
  for (let n = 0; n < 50; n++) {
    const page = data(
      await cloud.call('users', 'listAudit', { ...filter, limit, ...(cursor ? { cursor } : {}) } as never, { openid: as }),
    ) as Page
    expect(page.items.length).toBeLessThanOrEqual(limit)
    ids.push(...page.items.map((e) => e.id))
    if (!page.nextCursor) return ids
    cursor = page.nextCursor
  }
  throw new Error('too many pages')
}
/** The seeded ids matching `keep`, newest first, ties by _id descending. */
const expected = (keep: (e: (typeof seeded)[number]) => boolean) =>
  seeded
    .filter(keep)
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a._id < b._id ? 1 : -1))
    .map((e) => e._id)

test('town pages through everything once, newest first, ties broken by id; entries arriving between pages do not shift them', async () => {
  // (the demo seed has no audit entries: the whole log is the 30 seeded ones)
  const first = data(await cloud.call('users', 'listAudit', { limit: 7 }, { openid: TOWN }))
  expect(first.items.map((e) => e.id)).toEqual(expected(() => true).slice(0, 7))
  // a new (newer) entry between pages: the next page continues where the first stopped
  data(
    await cloud.call(
      'users',
      'assignRole',
      { targetOpenid: DEMO.rider.zhang, targetRole: 'admin', scopeId: ZHOUPU, grant: true },
      { openid: LI },
    ),
  )
  const second = data(await cloud.call('users', 'listAudit', { limit: 7, cursor: first.nextCursor as string }, { openid: TOWN }))
  expect(second.items.map((e) => e.id)).toEqual(expected(() => true).slice(7, 14))
  expect(await allPages(TOWN, inWindow, 4)).toEqual(expected(() => true))
  expect(await allPages(TOWN, inWindow, 50)).toEqual(expected(() => true))
})

test('filters: target, actor, action, outcome, time range, group — alone and together, across pages', async () => {
  const zhang = DEMO.rider.zhang
  expect(await allPages(TOWN, { ...inWindow, targetOpenid: zhang }, 5)).toEqual(expected((e) => e.targetOpenid === zhang))
  expect(await allPages(TOWN, { ...inWindow, actorOpenid: LI }, 5)).toEqual(expected((e) => e.actorOpenid === LI))
  expect(await allPages(TOWN, { ...inWindow, entryAction: 'grant' }, 3)).toEqual(expected((e) => e.action === 'grant'))
  expect(await allPages(TOWN, { ...inWindow, outcome: 'denied' }, 2)).toEqual(expected((e) => e.outcome === 'denied'))
  const from = new Date(BASE + 2 * 60_000)
  const to = new Date(BASE + 5 * 60_000)
  expect(await allPages(TOWN, { from: from.toISOString(), to: to.toISOString() }, 4)).toEqual(expected((e) => e.at >= from && e.at < to))
  expect(await allPages(TOWN, { ...inWindow, groupId: KANGQIAO, actorOpenid: LI, outcome: 'applied' }, 2)).toEqual(
    expected((e) => e.scopeId === KANGQIAO && e.actorOpenid === LI && e.outcome === 'applied'),
  )
})

test('a liaison sees their own groups’ entries only; another group is refused; other functions’ entries keep their own before/after', async () => {
  expect(await allPages(LI, inWindow, 6)).toEqual(expected((e) => e.scopeKind === 'group' && e.scopeId === ZHOUPU))
  expect(await allPages(SUN, inWindow, 6)).toEqual(expected((e) => e.scopeKind === 'group' && e.scopeId === KANGQIAO))
  expect(code(await cloud.call('users', 'listAudit', { groupId: KANGQIAO }, { openid: LI }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('users', 'listAudit', {}, { openid: DEMO.rider.zhang }))).toBe('PERMISSION_DENIED')
  const town = data(await cloud.call('users', 'listAudit', { ...inWindow, limit: 50 }, { openid: TOWN })).items
  const station = town.find((e) => e.id === 'a-29')
  expect(station).toMatchObject({
    scope: { kind: 'station', id: 'st-wanda' },
    before: null,
    after: null,
    detail: { before: { status: 'open', phone: '021-58110000' }, after: { status: 'closed' } },
  })
  expect(town.find((e) => e.id === 'a-01')).toMatchObject({
    actorName: '李敏（专职联络员）',
    targetName: '张伟',
    scope: { kind: 'group', id: ZHOUPU },
    before: { roles: ['rider'] },
    detail: null,
    at: '2026-03-02T10:00:00+08:00',
  })
})

test('bad paging and filters: INVALID_ARGUMENT, and nothing leaks', async () => {
  const cases: Record<string, unknown>[] = [
    { cursor: 'not a cursor' },
    { cursor: Buffer.from('{"t":"x","i":"a"}').toString('base64url') },
    { cursor: Buffer.from('nope').toString('base64url') },
    { limit: 0 },
    { limit: 51 },
    { from: inWindow.to, to: inWindow.from },
    { from: '2026-03-02' },
    { entryAction: 'drop table' },
    { outcome: 'maybe' },
    { targetOpenid: '../x' },
  ]
  for (const params of cases)
    expect([params, code(await cloud.raw('users', { action: 'listAudit', ...params }, { openid: TOWN }))]).toEqual([
      params,
      'INVALID_ARGUMENT',
    ])
})

test('a stranger hammering a role change leaves one denied entry a minute, not a flood; real entries stay on the first page', async () => {
  const stranger = 'o-audit-flooder'
  const before = auditOf(cloud, {}).length
  const attempts = Array.from({ length: 25 }, () =>
    cloud.call(
      'users',
      'assignRole',
      { targetOpenid: DEMO.rider.chen, targetRole: 'admin', scopeId: ZHOUPU, grant: true },
      { openid: stranger },
    ),
  )
  expect((await Promise.all(attempts)).map(code)).toEqual(Array(25).fill('PERMISSION_DENIED'))
  // another action is another line
  expect(
    code(
      await cloud.call(
        'users',
        'addDutyPeriod',
        { targetOpenid: DEMO.rider.chen, groupId: ZHOUPU, start: inWindow.from, end: inWindow.to },
        { openid: stranger },
      ),
    ),
  ).toBe('PERMISSION_DENIED')
  const mine = auditOf(cloud, { actorOpenid: stranger })
  expect(firstDeniedPerPerson(mine).map((e) => [e.action, e.outcome, e.scopeKind, e.scopeId])).toEqual([
    ['grant', 'denied', 'group', ZHOUPU],
    ['dutyAdd', 'denied', 'group', ZHOUPU],
  ])
  // two lines (three if the burst straddled a minute), not 26
  expect(auditOf(cloud, {}).length - before).toBeLessThanOrEqual(3)
  const liFirstPage = data(await cloud.call('users', 'listAudit', { limit: 5 }, { openid: LI })).items
  expect(liFirstPage.filter((e) => e.actorOpenid === stranger).length).toBeLessThanOrEqual(3)
  expect(liFirstPage.some((e) => e.outcome === 'applied')).toBe(true)
})
