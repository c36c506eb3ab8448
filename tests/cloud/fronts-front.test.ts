/**
 * fronts: the group's front page — liaison and who is on duty, pinned and recent live notices with the
 * reader's own read and 收到, the FAQ, this week's median first reply, the activity — for members only,
 * in at most four database requests (the queue in at most three), counted at the local cloud's door.
 */
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { KANGQIAO, LI, SUN, TOWN, WANG, WU, ZHANG, ZHAO, ZHOUPU } from './fronts-helpers'
import { code, data } from './helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

const N = DEMO.front.notice
const front = async (as: string, groupId: string | null = ZHOUPU) =>
  data(await cloud.call('fronts', 'getFront', groupId ? { groupId } : {}, { openid: as }))

/** Database requests made while `fn` runs (the functions' SDK calls at the local cloud). */
async function requests(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = []
  const original = cloud.db.handle.bind(cloud.db)
  cloud.db.handle = (body: Record<string, unknown>) => {
    seen.push(`${String(body.action)} ${String(body.collectionName ?? '')}`)
    return original(body)
  }
  try {
    await fn()
  } finally {
    cloud.db.handle = original
  }
  return seen
}

test('a rider’s front page: who looks after the group, pinned and recent notices with my 收到, FAQ, figures, activity', async () => {
  const f = await front(ZHANG)
  expect(f.group).toMatchObject({ id: ZHOUPU, name: '周浦万达骑手之家群' })
  expect(f.liaison).toEqual({ name: '李敏（专职联络员）' })
  expect(f.onDuty).toEqual([{ name: '王强' }])
  expect(f.nextDuty).toBeNull()
  expect(f.pinned.map((n) => [n.id, n.category, n.read, n.acked])).toEqual([[N.storm, 'safety', true, true]])
  expect(f.recent.map((n) => [n.id, n.read, n.acked])).toEqual([
    [N.nightSchool, true, false],
    [N.insurance, true, true],
  ])
  expect([...f.pinned, ...f.recent].map((n) => n.id)).not.toContain(N.ebike) // expired yesterday
  expect(f.pinned[0]).toMatchObject({ readCount: 2, ackCount: 1, audience: 8, author: { name: '王强', role: 'admin' } })
  expect(f.faq.map((q) => q.question)).toEqual(['15 元爱心餐需要带证件吗？', '认证要拍什么照片？工牌丢了怎么办？'])
  expect(f.stats).toEqual({ weekMedianReplyMinutes: 26, weekAnswered: 5, answeredTotal: 37, waitingNow: 2 })
  expect(f.activity[0]).toMatchObject({ kind: 'notice', text: expect.stringContaining('王强') })
  expect(f).toMatchObject({ serviceHoursText: '每天 08:00–22:00', targetMinutes: 120 })
  expect(f.me).toEqual({ member: true, canPost: false, isLiaison: false, isAdmin: false, onDuty: false })
  expect(f.templates).toEqual({ alerts: 'tmpl-front-alert', answer: 'tmpl-front-answer', duty: 'tmpl-front-duty' })
})

test('as others see it: a newcomer has read nothing, the admin on duty may post, town reads without a read state', async () => {
  expect((await front(ZHAO)).pinned[0]).toMatchObject({ read: false, acked: false })
  expect((await front(WANG)).me).toMatchObject({ member: true, canPost: true, isAdmin: true, onDuty: true })
  expect((await front(LI)).me).toMatchObject({ canPost: true, isLiaison: true })
  const town = await front(TOWN)
  expect(town.me).toMatchObject({ member: false, canPost: true })
  expect(town.pinned[0]).toMatchObject({ read: null, acked: null })
  // without a group id: the current group (吴涛's is 康桥: no admins, no notices yet)
  const wu = await front(WU, null)
  expect(wu.group.id).toBe(KANGQIAO)
  expect(wu).toMatchObject({ onDuty: [], nextDuty: null, pinned: [], recent: [], faq: [], liaison: { name: '孙丽（康桥联络员）' } })
})

test('not a member: PERMISSION_DENIED; no group at all: told how to join; a forged id: PERMISSION_DENIED', async () => {
  expect(code(await cloud.call('fronts', 'getFront', { groupId: ZHOUPU }, { openid: SUN }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('fronts', 'getFront', { groupId: 'grp-forged' }, { openid: ZHANG }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('fronts', 'getFront', { groupId: ZHOUPU }, { openid: 'o-stranger' }))).toBe('PERMISSION_DENIED')
  const lost = await cloud.call('fronts', 'getFront', {}, { openid: 'o-stranger' })
  expect(code(lost)).toBe('FAILED_PRECONDITION')
  expect(lost.ok ? '' : lost.error.message).toMatch(/群里点小程序卡片/)
})

test('the front page costs at most four database requests; the queue at most three', async () => {
  await front(ZHANG) // warm the container
  const page = await requests(() => front(ZHANG))
  expect(page.length).toBeLessThanOrEqual(4)
  expect(page.every((r) => /getDocument|aggregateDocuments/.test(r))).toBe(true)
  const queue = await requests(() => cloud.call('fronts', 'queue', { groupId: ZHOUPU }, { openid: LI }))
  expect(queue.length).toBeLessThanOrEqual(3)
})

test('opening a notice from the list counts; the front page then shows it read', async () => {
  const before = await front(ZHAO)
  expect(before.recent.find((n) => n.id === N.nightSchool)).toMatchObject({ read: false })
  data(await cloud.call('fronts', 'getNotice', { noticeId: N.nightSchool }, { openid: ZHAO }))
  const after = await front(ZHAO)
  expect(after.recent.find((n) => n.id === N.nightSchool)).toMatchObject({ read: true, readCount: 2 })
})

test('fronts: who may call what (the declared table, so a change here is deliberate)', () => {
  const { actions } = require('../../cloudfunctions/fronts/index.ts') as { actions: Record<string, { roles: readonly string[] }> }
  const table = Object.fromEntries(Object.entries(actions).map(([name, def]) => [name, [...def.roles].sort().join(',')]))
  const anyone = 'anyone'
  const staff = 'admin,liaison,town'
  const liaison = 'liaison,town'
  expect(table).toEqual({
    getFront: anyone,
    postNotice: staff,
    getNotice: anyone,
    ackNotice: anyone,
    editNotice: staff,
    withdrawNotice: staff,
    pinNotice: staff,
    listNotices: anyone,
    noticeFigures: anyone,
    subscribeAlerts: anyone,
    ask: anyone,
    myQuestions: anyone,
    getQuestion: anyone,
    queue: staff,
    answer: liaison,
    askBack: liaison,
    reply: anyone,
    closeQuestion: anyone,
    markHelpful: anyone,
    listSavedReplies: liaison,
    saveReply: liaison,
    deleteReply: liaison,
    publishFaq: liaison,
    unpublishFaq: liaison,
    listFaq: anyone,
    getSettings: liaison,
    updateSettings: liaison,
    roster: anyone,
    planTerm: liaison,
    requestSwap: 'admin',
    respondSwap: 'admin',
    decideSwap: liaison,
    cancelSwap: 'admin',
    myTerm: anyone,
    writeHandover: 'admin',
    confirmHandover: 'admin',
    handovers: liaison,
    sweep: 'system',
  })
})
