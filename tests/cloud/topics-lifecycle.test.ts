/**
 * The lifecycle through the local cloud: every move allowed for the liaison of the topic's group
 * and town, refused for riders (PERMISSION_DENIED, recorded), for the other group's liaison, for
 * skipped states and missing requirements (nothing changed); the public timeline always agrees with
 * the status (one write); two liaisons moving at once — one wins; merging; the threshold forbids a
 * quiet withdrawal; deadlines moved in public; milestones with photos checked before they show;
 * the council session changed; each applied change audited with the group's scope.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { firstDeniedPerPerson } from './helpers'
import {
  advance,
  auditOf,
  code,
  data,
  deliverVerdict,
  freshAuthor,
  GROUP,
  inHours,
  LIAISON,
  LIAISON2,
  moves,
  RIDER,
  RIDER2,
  raise,
  shanghaiDate,
  snapshot,
  T,
  TOWN,
  topicDoc,
  uploadOwn,
} from './topics-helpers'

describe('topics: the lifecycle', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo', poolSize: 3 })
  })
  afterAll(() => cloud.stop())

  const status = (id: string) => topicDoc(cloud, id).status
  const timeline = (id: string) => topicDoc(cloud, id).timeline as { kind: string; status: string | null; text: string }[]

  test('the whole way: accepted → 议事中 → 部分采纳 → 落实中 → 已完成, each step on the public timeline and audited', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    const steps = [moves.accept(id), moves.deliberate(id), moves.answer(id, 'partial'), moves.implement(id), moves.done(id)]
    for (const step of steps) {
      const r = data(await cloud.call('topics', 'setStatus', step, { openid: LIAISON }))
      expect(r.status).toBe(step.to)
      // the last timeline entry names the status the topic is in
      const entries = timeline(id).filter((e) => e.status)
      expect(entries[entries.length - 1].status).toBe(status(id))
    }
    const doc = topicDoc(cloud, id)
    expect(doc).toMatchObject({
      status: 'done',
      answer: { outcome: 'partial', responsible: '周浦镇社区管理办' },
      dueDate: shanghaiDate(10),
    })
    expect(doc.session.code).toMatch(/^\d{6}$/)
    expect(timeline(id).map((e) => e.status)).toEqual(['submitted', 'accepted', 'deliberating', 'answered', 'implementing', 'done'])
    const page = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER2 }))
    expect(page).toMatchObject({
      statusLabel: '已完成',
      outcomeLabel: '部分采纳',
      clock: { state: 'on_time', text: '按期答复' },
      moves: [],
    })
    expect(page.answer).toMatchObject({ outcomeLabel: '部分采纳', reasoning: '议事会商量后，先在两个小区试点临时停车点。' })
    expect(page.session?.code).toBeNull() // the check-in code is for managers only
    const audit = auditOf(cloud, { scopeKind: 'group', scopeId: GROUP, 'before.topicId': id, outcome: 'applied' })
    expect(audit.map((e) => e.action)).toEqual([
      'status:accepted',
      'status:deliberating',
      'status:answered',
      'status:implementing',
      'status:done',
    ])
    expect(audit[2].after).toMatchObject({
      status: 'answered',
      outcome: 'partial',
      reasoning: '议事会商量后，先在两个小区试点临时停车点。',
    })
  })

  test('a rider moving a status: PERMISSION_DENIED, recorded once a minute in the group log; the other group liaison too', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    const before = snapshot(cloud)
    for (const openid of [RIDER, RIDER2, 'o-lifecycle-newcomer', LIAISON2]) {
      expect([openid, code(await cloud.call('topics', 'setStatus', moves.accept(id), { openid }))]).toEqual([openid, 'PERMISSION_DENIED'])
      expect(code(await cloud.call('topics', 'setStatus', moves.accept(id), { openid }))).toBe('PERMISSION_DENIED')
    }
    expect(snapshot(cloud)).toBe(before)
    // two attempts within a minute leave one entry (firstDeniedPerPerson also checks none share a minute)
    const denied = firstDeniedPerPerson(auditOf(cloud, { outcome: 'denied', action: 'setStatus', scopeId: GROUP }))
    expect(denied.map((e) => e.actorOpenid).sort()).toEqual([RIDER, RIDER2, LIAISON2, 'o-lifecycle-newcomer'].sort())
    // town may move any group's topic; the kangqiao liaison their own
    data(await cloud.call('topics', 'setStatus', moves.accept(id), { openid: TOWN }))
    data(
      await cloud.call(
        'topics',
        'setStatus',
        { topicId: T.toilet, to: 'deliberating', session: { at: inHours(30), place: '康桥社区中心', seats: 10 } },
        { openid: LIAISON2 },
      ),
    )
    expect(code(await cloud.call('topics', 'setStatus', moves.answer(T.ebikeBan), { openid: LIAISON2 }))).toBe('PERMISSION_DENIED')
  })

  test('skipping states and missing requirements are refused, nothing changes', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    const before = snapshot(cloud)
    const refused: [unknown, string][] = [
      [moves.answer(id), 'FAILED_PRECONDITION'],
      [moves.deliberate(id), 'FAILED_PRECONDITION'],
      [moves.implement(id), 'FAILED_PRECONDITION'],
      [moves.done(id), 'FAILED_PRECONDITION'],
      [{ topicId: id, to: 'accepted' }, 'INVALID_ARGUMENT'],
      [{ topicId: id, to: 'accepted', dueDate: shanghaiDate(0) }, 'INVALID_ARGUMENT'],
      [{ topicId: id, to: 'accepted', dueDate: shanghaiDate(-3) }, 'INVALID_ARGUMENT'],
      [{ topicId: id, to: 'accepted', dueDate: shanghaiDate(120) }, 'INVALID_ARGUMENT'],
      [{ topicId: id, to: 'accepted', dueDate: '12月5日' }, 'INVALID_ARGUMENT'],
      [{ topicId: id, to: 'submitted' }, 'INVALID_ARGUMENT'],
      [{ topicId: id, to: 'answered', outcome: 'adopted', reasoning: '', responsible: '城运中心' }, 'INVALID_ARGUMENT'],
      [{ topicId: id, to: 'answered', outcome: 'adopted', responsible: '城运中心' }, 'INVALID_ARGUMENT'],
      [
        { topicId: id, to: 'answered', outcome: 'maybe', reasoning: '十个字以上的理由写在这里', responsible: '城运中心' },
        'INVALID_ARGUMENT',
      ],
      [{ topicId: id, to: 'withdrawn', kind: 'solved' }, 'INVALID_ARGUMENT'],
      [{ topicId: id, to: 'withdrawn', kind: 'duplicate', reason: '重复了的' }, 'INVALID_ARGUMENT'],
      [{ topicId: id, to: 'withdrawn', kind: 'duplicate', reason: '重复了的', mergeInto: id }, 'INVALID_ARGUMENT'],
      [{ topicId: id, to: 'withdrawn', kind: 'duplicate', reason: '重复了的', mergeInto: 'tp-nowhere' }, 'INVALID_ARGUMENT'],
      [{ topicId: id, to: 'withdrawn', kind: 'duplicate', reason: '重复了的', mergeInto: T.nightLight }, 'FAILED_PRECONDITION'],
      [{ topicId: id, to: 'withdrawn', kind: 'duplicate', reason: '重复了的', mergeInto: T.ebikeGate }, 'FAILED_PRECONDITION'],
      [{ topicId: id, to: 'withdrawn', kind: 'solved', reason: '修好了的', mergeInto: T.ebikeBan }, 'INVALID_ARGUMENT'],
      [{ topicId: 'tp-nowhere', to: 'accepted', dueDate: shanghaiDate(5) }, 'NOT_FOUND'],
    ]
    for (const [body, want] of refused) {
      const r = await cloud.raw('topics', { action: 'setStatus', ...(body as object) }, { openid: LIAISON })
      expect([JSON.stringify(body).slice(0, 90), code(r)]).toEqual([JSON.stringify(body).slice(0, 90), want])
    }
    expect(snapshot(cloud)).toBe(before)
    // from 议事中, an answer without reasoning is refused too
    await advance(cloud, [moves.accept(id), moves.deliberate(id)])
    const noReason = await cloud.raw(
      'topics',
      { action: 'setStatus', topicId: id, to: 'answered', outcome: 'rejected', reasoning: '不行', responsible: '物业' },
      { openid: LIAISON },
    )
    expect(noReason.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { field: 'reasoning' } } })
    expect(status(id)).toBe('deliberating')
  })

  test('不采纳 closes without a follow-up; 采纳 must be followed up before done', async () => {
    const rejected = await raise(cloud, freshAuthor(cloud))
    await advance(cloud, [moves.accept(rejected), moves.deliberate(rejected), moves.answer(rejected, 'rejected')])
    expect(code(await cloud.call('topics', 'setStatus', moves.implement(rejected), { openid: LIAISON }))).toBe('FAILED_PRECONDITION')
    await advance(cloud, [moves.done(rejected)])
    const adopted = await raise(cloud, freshAuthor(cloud))
    await advance(cloud, [moves.accept(adopted), moves.deliberate(adopted), moves.answer(adopted, 'adopted')])
    expect(code(await cloud.call('topics', 'setStatus', moves.done(adopted), { openid: LIAISON }))).toBe('FAILED_PRECONDITION')
    const page = data(await cloud.call('topics', 'getTopic', { topicId: adopted }, { openid: LIAISON }))
    expect(page.moves).toEqual(['implementing'])
  })

  test('the liaison and town accepting the same topic at once, six times: one wins, the others are told it moved', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    const all = await Promise.all(
      [LIAISON, TOWN, LIAISON, TOWN, LIAISON, TOWN].map((openid, i) =>
        cloud.call('topics', 'setStatus', moves.accept(id, 5 + i), { openid }),
      ),
    )
    const codes = all.map(code)
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1)
    expect(codes.filter((c) => c !== 'OK').every((c) => c === 'CONFLICT' || c === 'FAILED_PRECONDITION')).toBe(true)
    const doc = topicDoc(cloud, id)
    expect(doc.timeline.filter((e: { kind: string }) => e.kind === 'status')).toHaveLength(1)
    expect(doc.timeline[doc.timeline.length - 1].status).toBe(doc.status)
    expect(auditOf(cloud, { action: 'status:accepted', 'before.topicId': id })).toHaveLength(1)
  })

  test('withdrawing: past the threshold only as a merge; the merged topic names its target and the target lists it', async () => {
    expect(
      await cloud.call(
        'topics',
        'setStatus',
        { topicId: T.charging, to: 'withdrawn', kind: 'not_feasible', reason: '换电柜是企业的' },
        { openid: LIAISON },
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    })
    const page = data(await cloud.call('topics', 'getTopic', { topicId: T.charging }, { openid: LIAISON }))
    expect(page.withdrawKinds).toEqual(['duplicate'])
    const dup = await raise(cloud, freshAuthor(cloud), { title: '小区不让电动车进去' })
    data(await cloud.call('topics', 'support', { topicId: dup }, { openid: RIDER2 }))
    data(
      await cloud.call(
        'topics',
        'setStatus',
        { topicId: dup, to: 'withdrawn', kind: 'duplicate', reason: '同一件事，合并议', mergeInto: T.ebikeBan },
        { openid: LIAISON },
      ),
    )
    const merged = data(await cloud.call('topics', 'getTopic', { topicId: dup }, { openid: RIDER2 }))
    expect(merged.withdrawal).toMatchObject({ kindLabel: '重复议题', mergedInto: { id: T.ebikeBan } })
    const target = topicDoc(cloud, T.ebikeBan)
    expect(target.mergedFrom.map((m: { id: string }) => m.id)).toContain(dup)
    expect(target.timeline[target.timeline.length - 1]).toMatchObject({
      kind: 'merged_in',
      text: '《小区不让电动车进去》（1 人遇到）作为重复议题合并到本议题',
    })
    const told = cloud.db.find('notifications', { openid: RIDER2, title: '议题进展通知' })
    expect(told.map((n) => n.text)).toContain('《小区不让电动车进去》已撤回：重复议题')
  })

  test('the answer date moved: later only, with a reason, the first date stays public; an overdue topic runs again', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    await advance(cloud, [moves.accept(id, 5)])
    const first = shanghaiDate(5)
    const bad = [
      { topicId: id, dueDate: shanghaiDate(3), reason: '要再等等' },
      { topicId: id, dueDate: shanghaiDate(200), reason: '要再等等' },
      { topicId: id, dueDate: shanghaiDate(9), reason: '' },
    ]
    for (const b of bad)
      expect(['FAILED_PRECONDITION', 'INVALID_ARGUMENT']).toContain(
        code(await cloud.call('topics', 'extendDeadline', b, { openid: LIAISON })),
      )
    expect(
      code(
        await cloud.call('topics', 'extendDeadline', { topicId: id, dueDate: shanghaiDate(9), reason: '要等物业开会' }, { openid: RIDER }),
      ),
    ).toBe('PERMISSION_DENIED')
    data(
      await cloud.call('topics', 'extendDeadline', { topicId: id, dueDate: shanghaiDate(9), reason: '要等物业开会' }, { openid: LIAISON }),
    )
    data(
      await cloud.call('topics', 'extendDeadline', { topicId: id, dueDate: shanghaiDate(12), reason: '物业又改期了' }, { openid: LIAISON }),
    )
    const doc = topicDoc(cloud, id)
    expect(doc).toMatchObject({ dueDate: shanghaiDate(12), originalDueDate: first })
    const page = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER }))
    expect(page.clock).toMatchObject({ state: 'running', daysLeft: 12, dueDate: shanghaiDate(12) })
    expect(page.clock.extendedFrom).toMatch(/月\d+日$/)
    expect(page.timeline.filter((e) => e.kind === 'due_extended').map((e) => e.text)[0]).toMatch(
      /^答复期限延至\d+月\d+日（原定\d+月\d+日）：要等物业开会$/,
    )
    expect(auditOf(cloud, { action: 'extendDeadline', 'before.topicId': id })).toHaveLength(2)
  })

  test('milestones: only while 落实中; photos own and shown after the check; followers told', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    data(await cloud.call('topics', 'follow', { topicId: id }, { openid: RIDER2 }))
    expect(code(await cloud.call('topics', 'addMilestone', { topicId: id, text: '开始施工了' }, { openid: LIAISON }))).toBe(
      'FAILED_PRECONDITION',
    )
    await advance(cloud, [moves.accept(id), moves.deliberate(id), moves.answer(id, 'adopted'), moves.implement(id)])
    const photo = await uploadOwn(cloud, LIAISON, 'topics')
    const foreign = await uploadOwn(cloud, RIDER, 'topics')
    expect(
      code(await cloud.call('topics', 'addMilestone', { topicId: id, text: '划线完成', photos: [foreign] }, { openid: LIAISON })),
    ).toBe('INVALID_ARGUMENT')
    data(
      await cloud.call('topics', 'addMilestone', { topicId: id, text: '第一个小区的停车线划好了', photos: [photo] }, { openid: LIAISON }),
    )
    const rider = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER2 }))
    const entry = rider.timeline.find((e) => e.kind === 'milestone')
    expect(entry).toMatchObject({ text: '第一个小区的停车线划好了', photos: [], photosPending: 0 })
    const manager = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: LIAISON }))
    expect(manager.timeline.find((e) => e.kind === 'milestone')).toMatchObject({ photosPending: 1 })
    await deliverVerdict(cloud, photo, 'pass')
    const after = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER2 }))
    expect(after.timeline.find((e) => e.kind === 'milestone')?.photos).toHaveLength(1)
    const told = cloud.db.find('notifications', { openid: RIDER2, title: '议题进展通知' }).map((n) => n.text)
    expect(told[told.length - 1]).toMatch(/有进展：第一个小区的停车线划好了$/)
  })

  test('the council session changed: seats never below those signed up; riders who signed up are told', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    await advance(cloud, [moves.accept(id), moves.deliberate(id, 48, 5)])
    data(await cloud.call('topics', 'signUp', { topicId: id }, { openid: RIDER2 }))
    data(await cloud.call('topics', 'signUp', { topicId: id }, { openid: RIDER }))
    expect(code(await cloud.call('topics', 'updateSession', { topicId: id, seats: 1, reason: '房间小了' }, { openid: LIAISON }))).toBe(
      'FAILED_PRECONDITION',
    )
    expect(code(await cloud.call('topics', 'updateSession', { topicId: id, at: inHours(-1), reason: '提前' }, { openid: LIAISON }))).toBe(
      'INVALID_ARGUMENT',
    )
    const s = data(
      await cloud.call(
        'topics',
        'updateSession',
        { topicId: id, seats: 8, place: '镇政府 2 楼会议室', reason: '换个大房间' },
        { openid: LIAISON },
      ),
    )
    expect(s).toMatchObject({ seats: 8, signedUp: 2, seatsLeft: 6, place: '镇政府 2 楼会议室' })
    const told = cloud.db.find('notifications', { title: '议事会提醒' }).map((n) => n.openid)
    expect(told.sort()).toEqual([RIDER, RIDER2].sort())
    expect(timeline(id).pop()).toMatchObject({ kind: 'session_changed' })
  })
})
