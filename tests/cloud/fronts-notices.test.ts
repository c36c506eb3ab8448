/**
 * fronts: notices. The admin on duty posts (once per requestId), members read it (a read recorded once
 * per rider) and tap 收到 (once: a second is CONFLICT and changes nothing), exact under concurrency;
 * the poster sees the figures and who has not read it; people of another group are refused; bad
 * input changes nothing; a 安全提醒 goes as a subscribe message only to riders who asked for it.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { addRiders, CHEN, group, KANGQIAO, LI, notice, rid, SUN, TOWN, WANG, WU, ZHANG, ZHAO, ZHOUPU } from './fronts-helpers'
import { auditOf, code, data, snapshot, upload } from './helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

const post = (as: string, extra: Record<string, unknown> = {}) =>
  cloud.call(
    'fronts',
    'postNotice',
    {
      groupId: ZHOUPU,
      title: '明天早上 8 点万达驿站发放防暑药品',
      body: '每人一份，凭小程序认证页领取，发完为止。',
      category: 'notice',
      requestId: rid(),
      ...extra,
    },
    { openid: as },
  )
const COLLECTIONS = ['notices', 'notice_reads', 'notice_audience', 'groups', 'audit_log']

test('the admin on duty posts; the same requestId posts once; the audience is the group without the poster', async () => {
  const requestId = rid()
  const first = data(await post(WANG, { requestId, pinned: true }))
  expect(first).toMatchObject({ created: true, sharePath: `pkg-front/notice/index?id=${first.id}`, pushed: 0 })
  const again = data(await post(WANG, { requestId, title: '换了标题也不会再发一条' }))
  expect(again).toEqual({ ...first, created: false })
  expect(cloud.db.find('notices', { authorOpenid: WANG, title: '换了标题也不会再发一条' })).toEqual([])
  const stored = notice(cloud, first.id)
  expect(stored).toMatchObject({
    groupId: ZHOUPU,
    authorRole: 'admin',
    authorName: '王强',
    pinned: true,
    state: 'live',
    readCount: 0,
    ackCount: 0,
  })
  const members = cloud.db.find('users', { groupIds: ZHOUPU }).map((u) => u._id)
  const audience = cloud.db.find('notice_audience', { _id: first.id })[0]
  expect([...audience.unread].sort()).toEqual(members.filter((m) => m !== WANG).sort())
  expect(stored.audience).toBe(members.length - 1)
  // the group's activity says so, newest first
  expect(group(cloud, ZHOUPU).front.activity[0]).toMatchObject({ kind: 'notice', text: expect.stringContaining('明天早上 8 点') })
  // the liaison and town may post too
  expect(data(await post(LI)).created).toBe(true)
  expect(code(await post(TOWN))).toBe('OK')
})

test('reading records once per rider; 收到 once (a second is CONFLICT, counts unchanged); the poster sees figures', async () => {
  const { id } = data(await post(WANG))
  const view = data(await cloud.call('fronts', 'getNotice', { noticeId: id }, { openid: ZHANG }))
  expect(view).toMatchObject({
    read: true,
    acked: false,
    readCount: 1,
    me: { member: true, isAuthor: false, canEdit: false, canSeeFigures: false },
  })
  data(await cloud.call('fronts', 'getNotice', { noticeId: id }, { openid: ZHANG }))
  expect(notice(cloud, id)).toMatchObject({ readCount: 1, ackCount: 0 })
  // the author's own views do not count
  const mine = data(await cloud.call('fronts', 'getNotice', { noticeId: id }, { openid: WANG }))
  expect(mine.me).toMatchObject({ isAuthor: true, canEdit: true, canWithdraw: true, canSeeFigures: true })
  expect(notice(cloud, id).readCount).toBe(1)

  expect(data(await cloud.call('fronts', 'ackNotice', { noticeId: id }, { openid: ZHANG }))).toEqual({
    acked: true,
    ackCount: 1,
    readCount: 1,
  })
  const before = snapshot(cloud, COLLECTIONS)
  const second = await cloud.call('fronts', 'ackNotice', { noticeId: id }, { openid: ZHANG })
  expect(code(second)).toBe('CONFLICT')
  expect(second.ok ? '' : second.error.message).toMatch(/收到/)
  expect(snapshot(cloud, COLLECTIONS)).toEqual(before)
  // 收到 without opening first also records the read
  expect(data(await cloud.call('fronts', 'ackNotice', { noticeId: id }, { openid: CHEN }))).toEqual({
    acked: true,
    ackCount: 2,
    readCount: 2,
  })
  // the author cannot 收到 their own
  expect(code(await cloud.call('fronts', 'ackNotice', { noticeId: id }, { openid: WANG }))).toBe('FAILED_PRECONDITION')

  const figures = data(await cloud.call('fronts', 'noticeFigures', { noticeId: id }, { openid: WANG }))
  expect(figures).toMatchObject({
    readCount: 2,
    ackCount: 2,
    audience: notice(cloud, id).audience,
    unreadCount: notice(cloud, id).audience - 2,
  })
  expect(figures.people.map((p) => p.openid)).not.toContain(ZHANG)
  expect(figures.people.map((p) => p.name)).toContain('赵刚')
  const acked = data(await cloud.call('fronts', 'noticeFigures', { noticeId: id, list: 'acked' }, { openid: LI }))
  expect(acked.people.map((p) => p.name).sort()).toEqual(['张伟', '陈磊'].sort())
  // a rider may not see who read it
  expect(code(await cloud.call('fronts', 'noticeFigures', { noticeId: id }, { openid: ZHANG }))).toBe('PERMISSION_DENIED')
})

test('40 riders open and tap 收到 at once, each twice: counts exact, one record each, the unread list empties', async () => {
  const riders = addRiders(cloud, 'burst', 40)
  const { id } = data(await post(WANG))
  const results = await Promise.all(
    riders.flatMap((r) => [
      cloud.call('fronts', 'getNotice', { noticeId: id }, { openid: r }),
      cloud.call('fronts', 'ackNotice', { noticeId: id }, { openid: r }),
      cloud.call('fronts', 'ackNotice', { noticeId: id }, { openid: r }),
    ]),
  )
  const acks = results.filter((_r, i) => i % 3 !== 0).map(code)
  expect(acks.filter((c) => c === 'OK')).toHaveLength(40)
  expect(acks.filter((c) => c === 'CONFLICT')).toHaveLength(40)
  expect(notice(cloud, id)).toMatchObject({ readCount: 40, ackCount: 40 })
  expect(cloud.db.find('notice_reads', { noticeId: id }, { limit: 1000 })).toHaveLength(40)
  const unread = cloud.db.find('notice_audience', { _id: id })[0].unread as string[]
  expect(unread.filter((o) => riders.includes(o))).toEqual([])
  const figures = data(await cloud.call('fronts', 'noticeFigures', { noticeId: id, list: 'acked' }, { openid: WANG }))
  expect(figures).toMatchObject({ readCount: 40, ackCount: 40 })
})

test('who may post and read: members only; an admin off duty, a rider, another group are refused (and recorded)', async () => {
  const before = snapshot(cloud, ['notices', 'notice_audience'])
  const denied = [await post(ZHANG), await post(ZHAO), await post(WANG, { groupId: KANGQIAO }), await post(SUN)]
  expect(denied.map(code)).toEqual(['PERMISSION_DENIED', 'PERMISSION_DENIED', 'PERMISSION_DENIED', 'PERMISSION_DENIED'])
  expect(snapshot(cloud, ['notices', 'notice_audience'])).toEqual(before)
  const trail = auditOf(cloud, { via: 'fronts.postNotice', outcome: 'denied' })
  expect(trail.map((t) => [t.actorOpenid, t.scopeKind, t.scopeId])).toEqual(
    expect.arrayContaining([
      [ZHANG, 'group', ZHOUPU],
      [WANG, 'group', KANGQIAO],
    ]),
  )
  // the liaison of 康桥 posts to her own group; riders of 周浦 cannot read it; 吴涛 (in both) can
  const { id } = data(await post(SUN, { groupId: KANGQIAO }))
  const other = await cloud.call('fronts', 'getNotice', { noticeId: id }, { openid: ZHANG })
  expect(code(other)).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('fronts', 'ackNotice', { noticeId: id }, { openid: ZHANG }))).toBe('PERMISSION_DENIED')
  expect(data(await cloud.call('fronts', 'getNotice', { noticeId: id }, { openid: WU })).read).toBe(true)
  expect(code(await cloud.call('fronts', 'listNotices', { groupId: KANGQIAO }, { openid: ZHANG }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('fronts', 'getNotice', { noticeId: 'nt-nowhere' }, { openid: ZHANG }))).toBe('NOT_FOUND')
})

test('bad input: past expiry, over-long or rejected text, a forged group, someone else’s photo — clear errors, nothing stored', async () => {
  const before = snapshot(cloud, ['notices', 'notice_audience', 'media_checks'])
  const past = new Date(Date.now() - 3600_000).toISOString()
  const far = new Date(Date.now() + 200 * 86400_000).toISOString()
  const theirs = await upload(cloud, ZHANG, 'notices')
  const cases: [Record<string, unknown>, string, string?][] = [
    [{ expiresAt: past }, 'INVALID_ARGUMENT', 'expiresAt'],
    [{ expiresAt: far }, 'INVALID_ARGUMENT', 'expiresAt'],
    [{ expiresAt: '明天' }, 'INVALID_ARGUMENT'],
    [{ title: '长'.repeat(41) }, 'INVALID_ARGUMENT'],
    [{ body: '' }, 'INVALID_ARGUMENT'],
    [{ category: 'ad' }, 'INVALID_ARGUMENT'],
    [{ requestId: 'x' }, 'INVALID_ARGUMENT'],
    [{ body: '日结工资，先交押金 200' }, 'CONTENT_REJECTED', 'body'],
    [{ title: '本地测试违规词' }, 'CONTENT_REJECTED', 'title'],
    [{ photos: [theirs] }, 'INVALID_ARGUMENT', 'photos'],
    [{ groupId: 'grp-forged' }, 'PERMISSION_DENIED'],
    [{ groupId: "grp' || 1" }, 'INVALID_ARGUMENT'],
    [{ pinned: 'yes' }, 'INVALID_ARGUMENT'],
    [{ extra: 1 }, 'INVALID_ARGUMENT'],
  ]
  for (const [extra, expected, field] of cases) {
    const r = await post(WANG, extra)
    expect([extra, code(r)]).toEqual([extra, expected])
    if (field && !r.ok) expect(r.error.details?.field).toBe(field)
  }
  expect(snapshot(cloud, ['notices', 'notice_audience', 'media_checks'])).toEqual(before)
})

test('photos: the poster’s own upload, hidden from others until its check passes', async () => {
  const { pushVerdict } = await import('./helpers')
  const photo = await upload(cloud, WANG, 'notices')
  const { id } = data(await post(WANG, { photos: [photo] }))
  expect(data(await cloud.call('fronts', 'getNotice', { noticeId: id }, { openid: WANG })).photos).toEqual([
    expect.objectContaining({ fileId: photo, checking: true }),
  ])
  expect(data(await cloud.call('fronts', 'getNotice', { noticeId: id }, { openid: ZHANG })).photos).toEqual([])
  await pushVerdict(cloud, photo, 'pass')
  const seen = data(await cloud.call('fronts', 'getNotice', { noticeId: id }, { openid: ZHANG }))
  expect(seen.photos).toEqual([expect.objectContaining({ fileId: photo, checking: false, url: expect.stringContaining('http') })])
  expect(seen.photoCount).toBe(1)
})

test('edit within the window, withdraw with a reason (audited; readers see the reason, not the text)', async () => {
  const { id } = data(await post(WANG))
  const edited = data(
    await cloud.call('fronts', 'editNotice', { noticeId: id, title: '改期：后天早上 8 点发放防暑药品' }, { openid: WANG }),
  )
  expect(edited).toMatchObject({ title: '改期：后天早上 8 点发放防暑药品', edited: true, me: { canEdit: true } })
  expect(code(await cloud.call('fronts', 'editNotice', { noticeId: id, body: '傻逼' }, { openid: WANG }))).toBe('CONTENT_REJECTED')
  expect(code(await cloud.call('fronts', 'editNotice', { noticeId: id, title: '别人改不了' }, { openid: ZHANG }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('fronts', 'editNotice', { noticeId: id }, { openid: WANG }))).toBe('INVALID_ARGUMENT')

  expect(code(await cloud.call('fronts', 'withdrawNotice', { noticeId: id, reason: '' }, { openid: WANG }))).toBe('INVALID_ARGUMENT')
  const gone = data(await cloud.call('fronts', 'withdrawNotice', { noticeId: id, reason: '时间定错了，稍后重发' }, { openid: LI }))
  expect(gone).toMatchObject({ state: 'withdrawn', body: '', withdrawn: { reason: '时间定错了，稍后重发', by: '李敏（专职联络员）' } })
  const seen = data(await cloud.call('fronts', 'getNotice', { noticeId: id }, { openid: CHEN }))
  expect(seen).toMatchObject({ state: 'withdrawn', body: '', excerpt: '', withdrawn: { reason: '时间定错了，稍后重发' } })
  expect(code(await cloud.call('fronts', 'ackNotice', { noticeId: id }, { openid: CHEN }))).toBe('FAILED_PRECONDITION')
  expect(code(await cloud.call('fronts', 'withdrawNotice', { noticeId: id, reason: '再撤一次' }, { openid: WANG }))).toBe(
    'FAILED_PRECONDITION',
  )
  expect(code(await cloud.call('fronts', 'editNotice', { noticeId: id, title: '撤回后不能改' }, { openid: WANG }))).toBe(
    'FAILED_PRECONDITION',
  )
  const trail = auditOf(cloud, { action: 'noticeWithdraw' })
  expect(trail).toEqual([
    expect.objectContaining({ actorOpenid: LI, targetOpenid: WANG, scopeKind: 'group', scopeId: ZHOUPU, note: '时间定错了，稍后重发' }),
  ])
  // gone from the group's live list, still in the full one
  const live = data(await cloud.call('fronts', 'listNotices', { groupId: ZHOUPU }, { openid: CHEN }))
  expect(live.items.map((n) => n.id)).not.toContain(id)
  const all = data(await cloud.call('fronts', 'listNotices', { groupId: ZHOUPU, include: 'all' }, { openid: CHEN }))
  expect(all.items.find((n) => n.id === id)).toMatchObject({ state: 'withdrawn' })
})

test('a 安全提醒 goes as a subscribe message only to riders who said yes, one message per yes', async () => {
  const tmpl = 'tmpl-front-alert'
  cloud.openapi.clearOutbox()
  // 张伟 says yes twice (two messages), 陈磊 says no, 赵刚 never asked
  for (const accepted of [true, true]) {
    cloud.openapi.recordSubscription(ZHANG, [tmpl])
    expect(code(await cloud.call('fronts', 'subscribeAlerts', { groupId: ZHOUPU, accepted }, { openid: ZHANG }))).toBe('OK')
  }
  expect(data(await cloud.call('fronts', 'subscribeAlerts', { groupId: ZHOUPU, accepted: false }, { openid: CHEN }))).toEqual({
    credits: 0,
  })
  expect(code(await cloud.call('fronts', 'subscribeAlerts', { groupId: KANGQIAO, accepted: true }, { openid: ZHANG }))).toBe(
    'PERMISSION_DENIED',
  )
  const first = data(await post(WANG, { category: 'safety', title: '大风蓝色预警：今天下午注意高空坠物' }))
  expect(first.pushed).toBe(1)
  const box = cloud.openapi.outbox()
  expect(box).toEqual([
    expect.objectContaining({
      touser: ZHANG,
      templateId: tmpl,
      page: first.sharePath,
      data: {
        thing1: { value: '大风蓝色预警：今天下午注意高空坠物' },
        thing2: { value: '周浦万达骑手之家群' },
        time3: { value: expect.any(String) },
      },
    }),
  ])
  expect(data(await post(WANG, { category: 'safety', title: '第二条安全提醒：雷雨' })).pushed).toBe(1)
  expect(data(await post(WANG, { category: 'safety', title: '第三条安全提醒：路面结冰' })).pushed).toBe(0)
  expect(cloud.openapi.outbox().map((m) => m.touser)).toEqual([ZHANG, ZHANG])
  // a plain notice is never pushed
  expect(data(await post(WANG, { category: 'activity' })).pushed).toBe(0)
})
