/**
 * Council sessions and comments through the local cloud. Sessions: 30 riders for 10 seats at once →
 * exactly 10 (never oversold), the same rider twice → one seat, cancel gives it back, check-in with
 * the liaison's code only when signed up, in the window, five wrong codes at most; the liaison's
 * roster. Comments: stances counted, replies one level deep, edits within 10 minutes, none on a
 * closed topic, content-checked, once per requestId, paged.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import {
  advance,
  code,
  data,
  freshAuthor,
  LIAISON,
  makeRiders,
  moves,
  RIDER,
  RIDER2,
  raise,
  requestId,
  snapshot,
  T,
  TOWN,
  topicDoc,
  VISITOR,
} from './topics-helpers'

describe('topics: council sessions', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo', poolSize: 4 })
  })
  afterAll(() => cloud.stop())

  test('30 riders for 10 seats, all at once, plus one rider twice: exactly 10 seats taken', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    await advance(cloud, [moves.accept(id), moves.deliberate(id, 48, 10)])
    const crowd = makeRiders(cloud, 'seats', 30)
    const callers = [...crowd, crowd[0]]
    const answers = await Promise.all(callers.map((openid) => cloud.call('topics', 'signUp', { topicId: id }, { openid })))
    const seated = new Set(callers.filter((_o, i) => code(answers[i]) === 'OK'))
    expect(seated.size).toBe(10)
    expect(answers.map(code).every((c) => c === 'OK' || c === 'RESOURCE_EXHAUSTED')).toBe(true)
    // the rider who tapped twice got the same answer both times
    expect(code(answers[0])).toBe(code(answers[30]))
    const doc = topicDoc(cloud, id)
    expect(doc.session).toMatchObject({ seats: 10, signedUp: 10, seatsLeft: 0 })
    expect(Object.keys(doc.signups)).toHaveLength(10)
    // cancel gives the seat back; someone else takes it
    expect(Object.keys(doc.signups).sort()).toEqual([...seated].sort())
    const leaving = Object.keys(doc.signups)[0]
    expect(data(await cloud.call('topics', 'cancelSignUp', { topicId: id }, { openid: leaving }))).toEqual({
      signedUp: false,
      seatsLeft: 1,
    })
    const waiting = crowd.find((o) => !Object.keys(doc.signups).includes(o)) as string
    expect(data(await cloud.call('topics', 'signUp', { topicId: id }, { openid: waiting }))).toEqual({ signedUp: true, seatsLeft: 0 })
    expect(topicDoc(cloud, id).session).toMatchObject({ signedUp: 10, seatsLeft: 0 })
  })

  test('who may sign up: verified riders, while the session has not started, on a topic in 议事中', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    expect(code(await cloud.call('topics', 'signUp', { topicId: id }, { openid: RIDER2 }))).toBe('FAILED_PRECONDITION')
    await advance(cloud, [moves.accept(id), moves.deliberate(id)])
    expect(code(await cloud.call('topics', 'signUp', { topicId: id }, { openid: VISITOR }))).toBe('PERMISSION_DENIED')
    expect(code(await cloud.call('topics', 'signUp', { topicId: id }, { openid: LIAISON }))).toBe('PERMISSION_DENIED')
    cloud.db.insert('topics', [
      { ...topicDoc(cloud, id), _id: 'tp-session-started', session: { ...topicDoc(cloud, id).session, at: new Date(Date.now() - 60_000) } },
    ])
    expect(code(await cloud.call('topics', 'signUp', { topicId: 'tp-session-started' }, { openid: RIDER2 }))).toBe('FAILED_PRECONDITION')
    const page = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER2 }))
    expect(page.me.canSignUp).toBe(true)
    data(await cloud.call('topics', 'signUp', { topicId: id, accepted: ['session'] }, { openid: RIDER2 }))
    const after = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER2 }))
    expect(after.me).toMatchObject({ signedUp: true, canSignUp: false, following: true })
    expect(topicDoc(cloud, id).followers[RIDER2].consents.session).toBe(1)
  })

  test('check-in: the code read out at the session, only when signed up, from an hour before, five wrong codes at most; the roster', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    await advance(cloud, [moves.accept(id), moves.deliberate(id, 0.5, 5)])
    const the = topicDoc(cloud, id).session.code as string
    const wrong = the === '000000' ? '111111' : '000000'
    data(await cloud.call('topics', 'signUp', { topicId: id }, { openid: RIDER2 }))
    data(await cloud.call('topics', 'signUp', { topicId: id }, { openid: RIDER }))
    expect(code(await cloud.call('topics', 'checkInSession', { topicId: id, code: the }, { openid: DEMO_ADMIN }))).toBe(
      'FAILED_PRECONDITION',
    )
    expect(code(await cloud.call('topics', 'checkInSession', { topicId: id, code: '12ab56' }, { openid: RIDER2 }))).toBe('INVALID_ARGUMENT')
    for (let i = 0; i < 5; i++)
      expect(code(await cloud.call('topics', 'checkInSession', { topicId: id, code: wrong }, { openid: RIDER }))).toBe('INVALID_ARGUMENT')
    expect(code(await cloud.call('topics', 'checkInSession', { topicId: id, code: the }, { openid: RIDER }))).toBe('RESOURCE_EXHAUSTED')
    expect(data(await cloud.call('topics', 'checkInSession', { topicId: id, code: the }, { openid: RIDER2 }))).toEqual({
      checkedIn: true,
      checkedInCount: 1,
    })
    expect(data(await cloud.call('topics', 'checkInSession', { topicId: id, code: the }, { openid: RIDER2 }))).toEqual({
      checkedIn: true,
      checkedInCount: 1,
    })
    expect(code(await cloud.call('topics', 'cancelSignUp', { topicId: id }, { openid: RIDER2 }))).toBe('OK')
    expect(topicDoc(cloud, id).session).toMatchObject({ signedUp: 2, checkedIn: 1 }) // a checked-in rider keeps the seat
    const roster = data(await cloud.call('topics', 'sessionRoster', { topicId: id }, { openid: LIAISON }))
    expect(roster.session.code).toBe(the)
    expect(roster.people.map((p) => [p.name, Boolean(p.checkedInAt)])).toEqual([
      ['陈磊', true],
      ['张伟', false],
    ])
    expect(code(await cloud.call('topics', 'sessionRoster', { topicId: id }, { openid: RIDER2 }))).toBe('PERMISSION_DENIED')
    // too early for a session two days away
    const later = await raise(cloud, freshAuthor(cloud))
    await advance(cloud, [moves.accept(later), moves.deliberate(later, 48)])
    data(await cloud.call('topics', 'signUp', { topicId: later }, { openid: RIDER2 }))
    const early = await cloud.call(
      'topics',
      'checkInSession',
      { topicId: later, code: topicDoc(cloud, later).session.code },
      { openid: RIDER2 },
    )
    expect(early).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: '还没到签到时间（开会前 1 小时开始）' } })
  })
})

const DEMO_ADMIN = 'o-demo-admin-wang'

describe('topics: comments', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo' })
  })
  afterAll(() => cloud.stop())

  test('stances are counted, replies go one level deep, officials are marked, the author is told', async () => {
    const author = freshAuthor(cloud)
    const id = await raise(cloud, author)
    const a = data(await cloud.call('topics', 'comment', { topicId: id, text: '同意，早上特别堵', stance: 'support' }, { openid: RIDER }))
    data(await cloud.call('topics', 'comment', { topicId: id, text: '装红绿灯要等规划', stance: 'oppose' }, { openid: RIDER2 }))
    const reply = data(
      await cloud.call(
        'topics',
        'comment',
        { topicId: id, text: '已经问了交警，下周回复', stance: 'neutral', parentId: a.id },
        { openid: LIAISON },
      ),
    )
    expect(reply).toMatchObject({ parentId: a.id, authorRole: 'liaison', stanceLabel: '中立' })
    const town = data(await cloud.call('topics', 'comment', { topicId: id, text: '镇里会跟进', stance: 'neutral' }, { openid: TOWN }))
    expect(town.authorRole).toBe('town')
    expect(
      code(
        await cloud.call(
          'topics',
          'comment',
          { topicId: id, text: '回复的回复', stance: 'support', parentId: reply.id },
          { openid: RIDER },
        ),
      ),
    ).toBe('INVALID_ARGUMENT')
    expect(
      code(
        await cloud.call(
          'topics',
          'comment',
          { topicId: id, text: '别处的评论', stance: 'support', parentId: 'tc-demo-1' },
          { openid: RIDER },
        ),
      ),
    ).toBe('INVALID_ARGUMENT')
    const page = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: VISITOR }))
    expect(page.stance).toEqual({ support: 1, neutral: 2, oppose: 1 })
    expect(page.commentCount).toBe(4)
    expect(page.comments.map((c) => c.text)).toEqual(['同意，早上特别堵', '装红绿灯要等规划', '已经问了交警，下周回复', '镇里会跟进'])
    expect(cloud.db.find('notifications', { openid: author, title: '议题有新评论' })).toHaveLength(3)
    expect(cloud.db.find('notifications', { openid: RIDER, title: '议题有新评论' }).map((n) => n.text)).toEqual([
      expect.stringMatching(/回复了你的评论/),
    ])
  })

  test('who may comment, and not on a closed topic; bad and rejected texts change nothing', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    const before = snapshot(cloud)
    expect(code(await cloud.call('topics', 'comment', { topicId: id, text: '我也想说', stance: 'support' }, { openid: VISITOR }))).toBe(
      'PERMISSION_DENIED',
    )
    expect(
      code(await cloud.call('topics', 'comment', { topicId: id, text: '我也想说', stance: 'support' }, { openid: 'o-demo-staff-station' })),
    ).toBe('PERMISSION_DENIED')
    for (const bad of [{ text: '' }, { text: '一' }, { text: '长'.repeat(301) }, { stance: 'maybe' }, { stance: undefined }])
      expect(
        code(
          await cloud.raw('topics', { action: 'comment', topicId: id, text: '正常的评论', stance: 'support', ...bad }, { openid: RIDER }),
        ),
      ).toBe('INVALID_ARGUMENT')
    expect(
      code(await cloud.call('topics', 'comment', { topicId: id, text: '加我微信 12345678 刷单', stance: 'support' }, { openid: RIDER })),
    ).toBe('CONTENT_REJECTED')
    expect(
      code(await cloud.call('topics', 'comment', { topicId: T.nightLight, text: '修好了，谢谢', stance: 'support' }, { openid: RIDER })),
    ).toBe('FAILED_PRECONDITION')
    expect(
      code(await cloud.call('topics', 'comment', { topicId: T.ebikeGate, text: '怎么撤了', stance: 'support' }, { openid: RIDER })),
    ).toBe('FAILED_PRECONDITION')
    expect(snapshot(cloud)).toBe(before)
  })

  test('the same requestId posts once; the author edits within 10 minutes only', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    const rid = requestId()
    const twice = await Promise.all(
      [1, 2, 3].map(() =>
        cloud.call('topics', 'comment', { topicId: id, text: '只发一次', stance: 'support', requestId: rid }, { openid: RIDER }),
      ),
    )
    expect(new Set(twice.map((r) => data(r).id)).size).toBe(1)
    expect(topicDoc(cloud, id).commentCount).toBe(1)
    const c = data(twice[0])
    expect(c.editableUntil).not.toBeNull()
    expect(data(await cloud.call('topics', 'editComment', { commentId: c.id, text: '只发一次（改过）' }, { openid: RIDER }))).toMatchObject(
      { text: '只发一次（改过）' },
    )
    expect(code(await cloud.call('topics', 'editComment', { commentId: c.id, text: '别人来改' }, { openid: RIDER2 }))).toBe(
      'PERMISSION_DENIED',
    )
    expect(code(await cloud.call('topics', 'editComment', { commentId: c.id, text: '改成刷单广告' }, { openid: RIDER }))).toBe(
      'CONTENT_REJECTED',
    )
    // eleven minutes later (the stored time moved back): too late
    cloud.db.insert('topic_comments', [
      { ...cloud.db.find('topic_comments', { _id: c.id })[0], _id: 'tc-old-one', createdAt: new Date(Date.now() - 11 * 60_000) },
    ])
    expect(await cloud.call('topics', 'editComment', { commentId: 'tc-old-one', text: '现在才改' }, { openid: RIDER })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '发出超过 10 分钟的评论不能再修改' },
    })
    const page = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER }))
    expect(page.comments.find((x) => x.id === 'tc-old-one')).toMatchObject({ editableUntil: null, mine: true })
    expect(page.comments.find((x) => x.id === c.id)?.editedAt).not.toBeNull()
  })

  test('comments page by time: 30 with the topic, the rest by cursor, none twice', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    const base = Date.now() - 3_600_000
    cloud.db.insert(
      'topic_comments',
      Array.from({ length: 65 }, (_v, i) => ({
        _id: `tc-page-${String(i).padStart(2, '0')}`,
        topicId: id,
        parentId: null,
        authorOpenid: RIDER2,
        authorName: '陈磊',
        authorRole: 'rider',
        stance: 'neutral',
        text: `第 ${i + 1} 条`,
        createdAt: new Date(base + Math.floor(i / 2) * 1000), // pairs share a time: the id breaks the tie
        hidden: false,
        moderation: 'none',
        reporters: {},
        openReports: 0,
        removedAt: null,
      })),
    )
    const first = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER }))
    const seen = first.comments.map((c) => c.text)
    let cursor = first.commentCursor
    while (cursor) {
      const more = data(await cloud.call('topics', 'listComments', { topicId: id, cursor }, { openid: RIDER }))
      seen.push(...more.comments.map((c) => c.text))
      cursor = more.cursor
    }
    expect(seen).toEqual(Array.from({ length: 65 }, (_v, i) => `第 ${i + 1} 条`))
    expect(code(await cloud.call('topics', 'listComments', { topicId: id, cursor: 'not-a-cursor' }, { openid: RIDER }))).toBe(
      'INVALID_ARGUMENT',
    )
  })
})
