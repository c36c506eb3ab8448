/**
 * The pure parts of topics at explicit instants: the public clock (Asia/Shanghai dates whatever the
 * machine's TZ), the lifecycle's moves (what each requires, what is refused), search terms and title
 * similarity for Chinese without spaces.
 */
import { daysBetween, topicClock } from '../../cloudfunctions/_domain/topic-clock'
import { allowedMoves, planMove, withdrawKinds } from '../../cloudfunctions/topics/lifecycle'
import { overlap, queryTerms, searchTerms, similarity, titleBigrams } from '../../cloudfunctions/topics/terms'

const at = (s: string) => new Date(s)
// due 2026-12-05 (Shanghai) = answer before 2026-12-06 00:00 +08:00
const dueAt = at('2026-12-06T00:00:00+08:00')
const clock = (now: string, extra: Partial<Parameters<typeof topicClock>[0]> = {}) =>
  topicClock({ status: 'accepted', dueAt, originalDueDate: null, answeredAt: null, ...extra }, at(now))

describe('the public clock', () => {
  test('days left, due today, overdue — by Shanghai date, not by 24-hour blocks', () => {
    expect(clock('2026-12-01T23:30:00+08:00')).toMatchObject({ state: 'running', text: '还剩 4 天', daysLeft: 4, dueDate: '2026-12-05' })
    // 00:30 in Shanghai is still the previous day in UTC
    expect(clock('2026-12-02T00:30:00+08:00')).toMatchObject({ state: 'running', daysLeft: 3 })
    expect(clock('2026-12-05T00:00:00+08:00')).toMatchObject({ state: 'due_today', text: '今天到期' })
    expect(clock('2026-12-05T23:59:59+08:00')).toMatchObject({ state: 'due_today' })
    expect(clock('2026-12-06T00:00:00+08:00')).toMatchObject({ state: 'overdue', text: '已逾期 1 天', daysOverdue: 1 })
    expect(clock('2026-12-09T08:00:00+08:00')).toMatchObject({ state: 'overdue', daysOverdue: 4 })
  })

  test('after the answer: on time or late, and how late; nothing before acceptance', () => {
    expect(clock('2026-12-20T00:00:00+08:00', { status: 'answered', answeredAt: at('2026-12-05T22:00:00+08:00') })).toMatchObject({
      state: 'on_time',
      text: '按期答复',
    })
    expect(clock('2026-12-20T00:00:00+08:00', { status: 'answered', answeredAt: at('2026-12-08T09:00:00+08:00') })).toMatchObject({
      state: 'late',
      text: '逾期 3 天后答复',
    })
    expect(
      topicClock({ status: 'submitted', dueAt: null, originalDueDate: null, answeredAt: null }, at('2026-12-01T00:00:00Z')).state,
    ).toBe('none')
    expect(clock('2026-12-10T00:00:00+08:00', { status: 'withdrawn' }).state).toBe('none')
    expect(clock('2026-12-01T10:00:00+08:00', { originalDueDate: '2026-11-30' }).extendedFrom).toBe('11月30日')
    expect(daysBetween('2026-12-31', '2027-01-02')).toBe(2)
  })
})

describe('the lifecycle', () => {
  const liaison = { openid: 'o-l', name: '李敏', role: 'liaison' as const }
  const now = at('2026-12-01T10:00:00+08:00')
  const topic = (status: string, extra: Record<string, unknown> = {}) => ({ _id: 'tp-1', status, hidden: false, ...extra })

  test('each state offers its next states only', () => {
    expect(allowedMoves(topic('submitted'))).toEqual(['accepted', 'withdrawn'])
    expect(allowedMoves(topic('accepted'))).toEqual(['deliberating', 'withdrawn'])
    expect(allowedMoves(topic('deliberating'))).toEqual(['answered', 'withdrawn'])
    expect(allowedMoves(topic('answered', { answer: { outcome: 'partial' } }))).toEqual(['implementing'])
    expect(allowedMoves(topic('answered', { answer: { outcome: 'rejected' } }))).toEqual(['done'])
    expect(allowedMoves(topic('implementing'))).toEqual(['done'])
    expect(allowedMoves(topic('done'))).toEqual([])
    expect(allowedMoves(topic('submitted', { hidden: true }))).toEqual([])
    expect(withdrawKinds(topic('submitted', { answerRequired: true }))).toEqual(['duplicate'])
  })

  test('accepting needs an answer date from tomorrow to 90 days (Shanghai); it becomes the end of that day', () => {
    const plan = planMove(topic('submitted'), { topicId: 'tp-1', to: 'accepted', dueDate: '2026-12-05' }, liaison, now)
    expect(plan.set).toMatchObject({ status: 'accepted', dueDate: '2026-12-05', dueAt: at('2026-12-06T00:00:00+08:00') })
    expect(plan.entry).toMatchObject({ kind: 'status', status: 'accepted', actor: '联络员 李敏', text: '受理，12月5日前书面答复' })
    for (const dueDate of ['2026-12-01', '2026-11-30', '2027-03-02'])
      expect(() => planMove(topic('submitted'), { topicId: 'tp-1', to: 'accepted', dueDate }, liaison, now)).toThrow(/明天到 90 天/)
  })

  test('skipping states, answering 不采纳 then implementing, closing an adopted answer without follow-up: refused', () => {
    const answer = {
      topicId: 'tp-1',
      to: 'answered' as const,
      outcome: 'adopted' as const,
      reasoning: '理由写了十个字以上的',
      responsible: '城运中心',
    }
    expect(() => planMove(topic('submitted'), answer, liaison, now)).toThrow('议题现在是“已提交”，不能直接改为“已答复”')
    expect(() =>
      planMove(
        topic('answered', { answer: { outcome: 'rejected' } }),
        { topicId: 'tp-1', to: 'implementing', plan: '开始干活' },
        liaison,
        now,
      ),
    ).toThrow(/不采纳/)
    expect(() =>
      planMove(topic('answered', { answer: { outcome: 'adopted' } }), { topicId: 'tp-1', to: 'done', note: '结束了吧' }, liaison, now),
    ).toThrow(/先落实/)
    expect(planMove(topic('deliberating'), answer, liaison, now).set.answer).toMatchObject({ outcome: 'adopted', responsible: '城运中心' })
  })

  test('withdrawing: a merge needs another live topic; past the threshold only a merge', () => {
    const w = (kind: 'duplicate' | 'not_feasible' | 'solved', mergeInto?: string) => ({
      topicId: 'tp-1',
      to: 'withdrawn' as const,
      kind,
      reason: '理由四字',
      mergeInto,
    })
    const live = { id: 'tp-2', title: '另一个', status: 'accepted' as const, hidden: false }
    expect(() => planMove(topic('submitted'), w('duplicate'), liaison, now)).toThrow(/选择要合并/)
    expect(() => planMove(topic('submitted'), w('duplicate', 'tp-1'), liaison, now)).toThrow('不能合并到自己')
    expect(() => planMove(topic('submitted'), w('duplicate', 'tp-2'), liaison, now, { ...live, status: 'done' })).toThrow(/还在办理中/)
    expect(() => planMove(topic('submitted'), w('not_feasible', 'tp-2'), liaison, now, live)).toThrow(/只有重复议题/)
    expect(() => planMove(topic('submitted', { answerRequired: true }), w('not_feasible'), liaison, now)).toThrow(/须书面答复/)
    const merged = planMove(topic('submitted', { answerRequired: true }), w('duplicate', 'tp-2'), liaison, now, live)
    expect(merged.set.withdrawal).toEqual({ kind: 'duplicate', reason: '理由四字', mergedInto: { id: 'tp-2', title: '另一个' } })
  })

  test('a council session: in the future, with a 6-digit check-in code', () => {
    const plan = planMove(
      topic('accepted'),
      { topicId: 'tp-1', to: 'deliberating', session: { at: at('2026-12-03T19:00:00+08:00'), place: '议事厅', seats: 20 } },
      liaison,
      now,
    )
    expect(plan.set.session).toMatchObject({ seats: 20, seatsLeft: 20, signedUp: 0, checkedIn: 0 })
    expect((plan.set.session as { code: string }).code).toMatch(/^\d{6}$/)
    expect(plan.entry.text).toBe('安排议事会：2026-12-03 19:00，议事厅，20 个座位，欢迎报名')
    expect(() =>
      planMove(
        topic('accepted'),
        { topicId: 'tp-1', to: 'deliberating', session: { at: at('2026-12-01T09:00:00+08:00'), place: '议事厅', seats: 20 } },
        liaison,
        now,
      ),
    ).toThrow(/晚于现在/)
  })
})

describe('words', () => {
  test('bigrams, title characters and latin words; a query must find all its terms', () => {
    expect(titleBigrams('外卖电动车')).toEqual(['外卖', '卖电', '电动', '动车'])
    const terms = searchTerms('路灯坏了', '沈梅路 2 号 晚上很黑', 'ABC 小区')
    expect(terms).toEqual(expect.arrayContaining(['灯', '路灯', '坏了', '沈梅', '晚上', '2', 'abc', '小区']))
    expect(queryTerms('路灯')).toEqual(['路灯'])
    expect(queryTerms('灯')).toEqual(['灯'])
    expect(queryTerms('电动车 进小区')).toEqual(['电动', '动车', '进小', '小区'])
    expect(queryTerms('Ｅ栋')).toEqual(['栋', 'e'])
  })

  test('similar titles score high, unrelated ones low', () => {
    const a = titleBigrams('外卖电动车禁止进入小区')
    expect(similarity(a, titleBigrams('电动车不让进小区'))).toBeGreaterThan(0.3)
    expect(similarity(a, titleBigrams('沈梅路路灯坏了'))).toBe(0)
  })
})

test('a short new title inside a long old one shares most of its bigrams', () => {
  expect(overlap(titleBigrams('电动车不让进小区'), titleBigrams('外卖电动车禁止进入小区，送餐只能步行 800 米'))).toEqual({
    shared: 3,
    share: 3 / 7,
  })
})
