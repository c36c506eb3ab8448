/**
 * Moderation through the local cloud: reports with a reason, each rider counted once (also when
 * sent at once); at three a topic or comment is hidden pending review — its author and the group's
 * liaison told, the topic's timeline says so, others see a notice instead of the content; visitors
 * cannot report; the liaison of the group or town restores or removes with a reason (the author
 * told, audited with the group's scope); the other group's liaison cannot; the queue is scoped.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import {
  auditOf,
  code,
  data,
  freshAuthor,
  GROUP,
  LIAISON,
  LIAISON2,
  makeRiders,
  RIDER,
  RIDER2,
  raise,
  snapshot,
  TOWN,
  topicDoc,
  VISITOR,
} from './topics-helpers'

describe('topics: reports and moderation', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo', poolSize: 3 })
  })
  afterAll(() => cloud.stop())

  test('three riders hide a topic (one of them tapping five times at once); others see a notice, the author and liaison are told', async () => {
    const author = freshAuthor(cloud)
    const id = await raise(cloud, author, { title: '举报测试：这是一条会被举报的议题' })
    const [a, b, c] = makeRiders(cloud, 'report', 3)
    const first = await Promise.all(
      Array.from({ length: 5 }, () => cloud.call('topics', 'report', { kind: 'topic', id, reason: 'spam' }, { openid: a })),
    )
    expect(first.map((r) => data(r))).toEqual(Array(5).fill({ reported: true, hidden: false }))
    expect(topicDoc(cloud, id)).toMatchObject({ reportCount: 1, openReports: 1, hidden: false })
    data(await cloud.call('topics', 'report', { kind: 'topic', id, reason: 'false', note: '内容不是真的' }, { openid: b }))
    expect(data(await cloud.call('topics', 'report', { kind: 'topic', id, reason: 'abuse' }, { openid: c }))).toEqual({
      reported: true,
      hidden: true,
    })
    const doc = topicDoc(cloud, id)
    expect(doc).toMatchObject({ hidden: true, moderation: 'pending', openReports: 3 })
    expect(doc.timeline.pop()).toMatchObject({ kind: 'hidden', actor: '系统' })
    const other = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER2 }))
    expect(other).toMatchObject({
      title: '（该议题正在审核）',
      photos: [],
      comments: [],
      moderation: { state: 'pending' },
      me: { canSupport: false, canComment: false },
    })
    expect(other.description).not.toMatch(/举报测试/)
    const own = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: author }))
    expect(own.title).toBe('举报测试：这是一条会被举报的议题')
    // gone from lists, still in the author's own
    expect(data(await cloud.call('topics', 'listTopics', {}, { openid: RIDER2 })).topics.map((t) => t.id)).not.toContain(id)
    expect(
      data(await cloud.call('topics', 'listTopics', { scope: 'mine' }, { openid: author })).topics.find((t) => t.id === id),
    ).toMatchObject({ hidden: true })
    expect(cloud.db.find('notifications', { openid: author, title: '内容审核结果' }).map((n) => n.text)).toEqual([
      '你的议题《举报测试：这是一条会被举报的议题》已隐藏：多人举报，等待联络员审核',
    ])
    expect(cloud.db.find('notifications', { openid: LIAISON, title: '有内容待审核' })).toHaveLength(1)
    // while hidden: no support, no comment, no move
    expect(code(await cloud.call('topics', 'support', { topicId: id }, { openid: RIDER2 }))).toBe('FAILED_PRECONDITION')
    expect(code(await cloud.call('topics', 'comment', { topicId: id, text: '看不到了', stance: 'neutral' }, { openid: RIDER2 }))).toBe(
      'FAILED_PRECONDITION',
    )
    expect(
      code(await cloud.call('topics', 'setStatus', { topicId: id, to: 'accepted', dueDate: '2099-01-01' }, { openid: LIAISON })),
    ).not.toBe('OK')
  })

  test('who may report: not visitors or newcomers, not the author; a bad reason changes nothing', async () => {
    const author = freshAuthor(cloud)
    const id = await raise(cloud, author)
    const before = snapshot(cloud)
    expect(code(await cloud.call('topics', 'report', { kind: 'topic', id, reason: 'spam' }, { openid: VISITOR }))).toBe('PERMISSION_DENIED')
    expect(code(await cloud.call('topics', 'report', { kind: 'topic', id, reason: 'spam' }, { openid: 'o-fresh-account-1' }))).toBe(
      'PERMISSION_DENIED',
    )
    expect(code(await cloud.call('topics', 'report', { kind: 'topic', id, reason: 'spam' }, { openid: author }))).toBe(
      'FAILED_PRECONDITION',
    )
    expect(code(await cloud.raw('topics', { action: 'report', kind: 'topic', id, reason: 'boring' }, { openid: RIDER }))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(code(await cloud.raw('topics', { action: 'report', kind: 'user', id, reason: 'spam' }, { openid: RIDER }))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(code(await cloud.call('topics', 'report', { kind: 'topic', id, reason: 'other', note: '他在刷单' }, { openid: RIDER }))).toBe(
      'CONTENT_REJECTED',
    )
    expect(code(await cloud.call('topics', 'report', { kind: 'comment', id: 'tc-nowhere', reason: 'spam' }, { openid: RIDER }))).toBe(
      'NOT_FOUND',
    )
    expect(snapshot(cloud)).toBe(before)
  })

  test('a comment hidden by three reports; the liaison removes it with a reason; the author is told; audited', async () => {
    const id = await raise(cloud, freshAuthor(cloud))
    const writer = freshAuthor(cloud, 'commenter')
    const c = data(await cloud.call('topics', 'comment', { topicId: id, text: '这条评论会被举报', stance: 'oppose' }, { openid: writer }))
    for (const o of makeRiders(cloud, 'creport', 3))
      data(await cloud.call('topics', 'report', { kind: 'comment', id: c.id, reason: 'abuse' }, { openid: o }))
    const seen = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER2 })).comments.find((x) => x.id === c.id)
    expect(seen).toMatchObject({ state: 'hidden', text: '这条评论被多人举报，正在等待联络员审核' })
    const own = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: writer })).comments.find((x) => x.id === c.id)
    expect(own).toMatchObject({ state: 'hidden', text: '这条评论会被举报' })
    const queue = data(await cloud.call('topics', 'moderationQueue', {}, { openid: LIAISON })).items
    expect(queue.find((i) => i.id === c.id)).toMatchObject({
      kind: 'comment',
      hidden: true,
      reports: 3,
      reasons: Array(3).fill({ reason: '辱骂、人身攻击', note: null }),
    })
    expect(data(await cloud.call('topics', 'moderationQueue', {}, { openid: LIAISON2 })).items.map((i) => i.id)).not.toContain(c.id)
    expect(
      code(
        await cloud.call('topics', 'moderate', { kind: 'comment', id: c.id, decision: 'remove', reason: '人身攻击' }, { openid: LIAISON2 }),
      ),
    ).toBe('PERMISSION_DENIED')
    expect(
      code(
        await cloud.call('topics', 'moderate', { kind: 'comment', id: c.id, decision: 'remove', reason: '人身攻击' }, { openid: RIDER }),
      ),
    ).toBe('PERMISSION_DENIED')
    expect(
      code(await cloud.call('topics', 'moderate', { kind: 'comment', id: c.id, decision: 'remove', reason: '' }, { openid: LIAISON })),
    ).toBe('INVALID_ARGUMENT')
    data(
      await cloud.call('topics', 'moderate', { kind: 'comment', id: c.id, decision: 'remove', reason: '含人身攻击' }, { openid: LIAISON }),
    )
    expect(
      code(
        await cloud.call('topics', 'moderate', { kind: 'comment', id: c.id, decision: 'remove', reason: '含人身攻击' }, { openid: TOWN }),
      ),
    ).toBe('FAILED_PRECONDITION')
    const removed = data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER2 })).comments.find((x) => x.id === c.id)
    expect(removed).toMatchObject({ state: 'removed', text: '这条评论已被删除：含人身攻击', authorName: '—' })
    expect(cloud.db.find('notifications', { openid: writer, title: '内容审核结果' }).map((n) => n.text)).toEqual([
      expect.stringMatching(/评论已隐藏/),
      expect.stringMatching(/评论已删除：含人身攻击$/),
    ])
    const audit = auditOf(cloud, { action: 'moderate:comment:remove' })
    expect(audit).toEqual([
      expect.objectContaining({ actorOpenid: LIAISON, targetOpenid: writer, scopeKind: 'group', scopeId: GROUP, note: '含人身攻击' }),
    ])
    expect(auditOf(cloud, { outcome: 'denied', action: 'moderate', actorOpenid: LIAISON2 })[0]).toMatchObject({ scopeId: GROUP })
    expect(data(await cloud.call('topics', 'moderationQueue', {}, { openid: LIAISON })).items.map((i) => i.id)).not.toContain(c.id)
  })

  test('town restores a hidden topic: shown again, on the timeline, reports start again from zero', async () => {
    const author = freshAuthor(cloud)
    const id = await raise(cloud, author)
    const reporters = makeRiders(cloud, 'restore', 4)
    for (const o of reporters.slice(0, 3)) data(await cloud.call('topics', 'report', { kind: 'topic', id, reason: 'false' }, { openid: o }))
    data(await cloud.call('topics', 'moderate', { kind: 'topic', id, decision: 'restore', reason: '核实属实，恢复显示' }, { openid: TOWN }))
    const doc = topicDoc(cloud, id)
    expect(doc).toMatchObject({ hidden: false, moderation: 'restored', openReports: 0, reportCount: 3 })
    expect(doc.timeline.pop()).toMatchObject({ kind: 'restored', text: '经审核恢复显示：核实属实，恢复显示' })
    expect(data(await cloud.call('topics', 'getTopic', { topicId: id }, { openid: RIDER })).moderation).toEqual({
      state: 'restored',
      note: '核实属实，恢复显示',
    })
    // the same three cannot hide it again; a fourth alone does not
    data(await cloud.call('topics', 'report', { kind: 'topic', id, reason: 'false' }, { openid: reporters[0] }))
    expect(data(await cloud.call('topics', 'report', { kind: 'topic', id, reason: 'false' }, { openid: reporters[3] }))).toEqual({
      reported: true,
      hidden: false,
    })
    expect(topicDoc(cloud, id).openReports).toBe(1)
    expect(auditOf(cloud, { action: 'moderate:topic:restore', 'before.topicId': id })).toHaveLength(1)
  })
})
