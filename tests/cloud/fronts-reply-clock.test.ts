/**
 * fronts: reply-time accounting with a fixed clock (libfaketime in the containers), service hours
 * 08:00–22:00 Asia/Shanghai, target 120 minutes. A question asked at 21:30 has 30 minutes of service
 * time that evening and falls due at 09:30 the next morning; the liaison is warned once when it is
 * about to breach; asking back pauses the clock until the rider replies; the first answer's service
 * minutes (pauses and the night left out) are this week's figure on the front page.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { addDays, fakeClock, mondayAhead, sh } from './fronts-clock'
import { CHEN, LI, rid, ZHOUPU } from './fronts-helpers'
import { code, data } from './helpers'

const TUESDAY = addDays(mondayAhead(3), 1)
const WEDNESDAY = addDays(TUESDAY, 1)
const clock = fakeClock(sh(TUESDAY, '21:30'))
let cloud: TestCloud
let id = ''
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo', functionEnv: clock.env })
})
afterAll(() => cloud.stop())

const queueItem = async () => {
  const q = data(await cloud.call('fronts', 'queue', { groupId: ZHOUPU }, { openid: LI }))
  return { q, item: q.items.find((i) => i.id === id) }
}
const sweep = async () => {
  const r = await cloud.runTrigger('fronts', 'sweep')
  if (!r.ok) throw new Error(JSON.stringify(r))
  return (r.result as { data: { breachWarnings: number } }).data
}

test('asked at 21:30: due at 09:30 the next morning (30 minutes tonight, 90 from 08:00)', async () => {
  const asked = data(
    await cloud.call(
      'fronts',
      'ask',
      { groupId: ZHOUPU, text: '电动车被交警扣了，怎么取回来？', category: 'traffic', requestId: rid() },
      { openid: CHEN },
    ),
  )
  id = asked.id
  expect(asked).toMatchObject({ created: true, state: 'waiting', dueAt: `${WEDNESDAY}T09:30:00+08:00` })
  clock.set(sh(TUESDAY, '23:50'))
  const { q, item } = await queueItem()
  expect(q).toMatchObject({ inServiceNow: false, targetMinutes: 120, serviceHoursText: '每天 08:00–22:00' })
  expect(item).toMatchObject({ waitingMinutes: 30, due: 'ok', askerName: '陈磊' })
  // the night does not count
  clock.set(sh(WEDNESDAY, '07:59'))
  expect((await queueItem()).item).toMatchObject({ waitingMinutes: 30 })
})

test('about to breach: marked in the queue, the liaison warned once; then breached', async () => {
  const warned = () => cloud.db.find('front_marks', {}, { limit: 100 }).filter((m) => String(m._id).startsWith(`due-${id}-`))
  clock.set(sh(WEDNESDAY, '08:55'))
  expect((await queueItem()).item).toMatchObject({ waitingMinutes: 85, due: 'ok' })
  await sweep() // (the demo's own waiting questions, seeded weeks before this clock, are long past due)
  expect(warned()).toEqual([])
  cloud.openapi.recordSubscription(LI, ['tmpl-front-question'])
  cloud.openapi.clearOutbox()
  clock.set(sh(WEDNESDAY, '09:05'))
  const { q, item } = await queueItem()
  expect(item).toMatchObject({ waitingMinutes: 95, due: 'soon' })
  expect(q.counts.soon).toBeGreaterThanOrEqual(1)
  expect(await sweep()).toMatchObject({ breachWarnings: 1 })
  expect(await sweep()).toMatchObject({ breachWarnings: 0 })
  expect(warned()).toHaveLength(1)
  expect(cloud.openapi.outbox()).toEqual([
    expect.objectContaining({
      touser: LI,
      templateId: 'tmpl-front-question',
      page: `pkg-front/question/index?id=${id}`,
      data: { thing1: { value: '电动车被交警扣了，怎么取回来？' }, time2: { value: `${TUESDAY} 21:30` }, phrase3: { value: '快超时' } },
    }),
  ])
  expect(cloud.db.find('notifications', { openid: LI, template: 'frontQuestion' }).map((n) => n.text)).toEqual(
    expect.arrayContaining([expect.stringContaining('快到首次回复时间：“电动车被交警扣了，怎么取回来？”（陈磊）')]),
  )
  clock.set(sh(WEDNESDAY, '09:31'))
  expect((await queueItem()).item).toMatchObject({ waitingMinutes: 121, due: 'breached' })
})

test('asking back pauses the clock; the rider’s reply resumes it; the first answer counts the service minutes', async () => {
  // back to 09:00 for a second question asked then, so the pause is visible (the first is breached already)
  clock.set(sh(WEDNESDAY, '09:00'))
  const second = data(
    await cloud.call(
      'fronts',
      'ask',
      { groupId: ZHOUPU, text: '夜校报名还有名额吗？', category: 'other', requestId: rid() },
      { openid: CHEN },
    ),
  )
  id = second.id
  clock.set(sh(WEDNESDAY, '09:40'))
  expect(data(await cloud.call('fronts', 'askBack', { questionId: id, text: '你想报哪一期？周四还是下周四？' }, { openid: LI }))).toEqual({
    id,
    state: 'rider',
  })
  clock.set(sh(WEDNESDAY, '14:00'))
  const rider = data(await cloud.call('fronts', 'queue', { groupId: ZHOUPU, view: 'rider' }, { openid: LI })).items.find((i) => i.id === id)
  expect(rider).toMatchObject({ waitingMinutes: 40, due: null, dueAt: null })
  // the rider replies at 14:00: 80 minutes left → due 15:20
  expect(data(await cloud.call('fronts', 'reply', { questionId: id, text: '这周四的' }, { openid: CHEN }))).toEqual({
    id,
    state: 'waiting',
  })
  expect((await queueItem()).item).toMatchObject({ waitingMinutes: 40, dueAt: `${WEDNESDAY}T15:20:00+08:00`, due: 'ok' })
  clock.set(sh(WEDNESDAY, '14:25'))
  expect(
    data(await cloud.call('fronts', 'answer', { questionId: id, text: '周四还有 6 个名额，直接去沈梅路 123 号就行。' }, { openid: LI })),
  ).toEqual({
    id,
    state: 'answered',
  })
  const q = cloud.db.find('questions', { _id: id })[0]
  expect(q.firstReplyMs).toBe(65 * 60_000)
  const mine = data(await cloud.call('fronts', 'getQuestion', { questionId: id }, { openid: CHEN }))
  expect(mine).toMatchObject({ firstReplyMinutes: 65, state: 'answered', me: { canMarkHelpful: true, canReply: true } })
  expect(mine.thread.map((m) => [m.by, m.kind])).toEqual([
    ['liaison', 'askBack'],
    ['rider', 'reply'],
    ['liaison', 'answer'],
  ])
})

test('this week’s median first reply on the front page, and the breached question answered late', async () => {
  const before = data(await cloud.call('fronts', 'getFront', { groupId: ZHOUPU }, { openid: CHEN }))
  expect(before.stats).toMatchObject({ weekAnswered: 1, weekMedianReplyMinutes: 65 })
  const first = cloud.db.find('questions', { text: '电动车被交警扣了，怎么取回来？' })[0]
  clock.set(sh(WEDNESDAY, '14:30'))
  expect(
    code(
      await cloud.call(
        'fronts',
        'answer',
        { questionId: first._id, text: '带上行驶证和身份证，到周浦交警中队处理。', close: true },
        { openid: LI },
      ),
    ),
  ).toBe('OK')
  // 30 minutes on Tuesday evening + 08:00–14:30 on Wednesday = 420 minutes
  expect(cloud.db.find('questions', { _id: first._id })[0]).toMatchObject({ firstReplyMs: 420 * 60_000, state: 'closed' })
  const after = data(await cloud.call('fronts', 'getFront', { groupId: ZHOUPU }, { openid: CHEN }))
  expect(after.stats).toMatchObject({ weekAnswered: 2, weekMedianReplyMinutes: Math.round((65 + 420) / 2) })
  // next week starts afresh
  clock.set(sh(addDays(WEDNESDAY, 7), '10:00'))
  const nextWeek = data(await cloud.call('fronts', 'getFront', { groupId: ZHOUPU }, { openid: CHEN }))
  expect(nextWeek.stats).toMatchObject({ weekAnswered: 0, weekMedianReplyMinutes: null })
})
