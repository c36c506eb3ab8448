/**
 * fronts: rotation at term boundaries with a fixed clock (libfaketime in the function containers),
 * Asia/Shanghai, across midnight (Monday 00:00 in Shanghai is Sunday 16:00 UTC, where the functions
 * run): the outgoing admin posts at 23:59:59 and is refused at 00:00:00 — also editing a notice
 * still inside its edit window — while the incoming admin may post from 00:00:00 exactly, with no
 * step by anyone. The day-before reminder goes once, in the evening before.
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { addDays, fakeClock, mondayAhead, sh } from './fronts-clock'
import { CHEN, LI, rid, ZHANG, ZHOUPU } from './fronts-helpers'
import { code, data } from './helpers'

const MONDAY = mondayAhead(3)
const SUNDAY = addDays(MONDAY, -1)
const clock = fakeClock(sh(addDays(MONDAY, -3), '10:00'))
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo', functionEnv: clock.env })
})
afterAll(() => cloud.stop())

const post = (as: string, title = '雨天慢行，注意安全') =>
  cloud.call(
    'fronts',
    'postNotice',
    { groupId: ZHOUPU, title, body: '路面湿滑，过路口减速。', category: 'safety', requestId: rid() },
    { openid: as },
  )
const frontAs = async (as: string) => data(await cloud.call('fronts', 'getFront', { groupId: ZHOUPU }, { openid: as }))

test('the functions read the fixed clock', async () => {
  const front = await frontAs(ZHANG)
  expect(front.group.id).toBe(ZHOUPU)
  const outgoing = data(
    await cloud.call(
      'fronts',
      'planTerm',
      { groupId: ZHOUPU, start: sh(addDays(MONDAY, -3)).toISOString(), end: sh(MONDAY).toISOString(), admins: [ZHANG] },
      { openid: LI },
    ),
  )
  expect(outgoing).toMatchObject({
    start: `${addDays(MONDAY, -3)}T00:00:00+08:00`,
    end: `${MONDAY}T00:00:00+08:00`,
    current: true,
    ended: false,
  })
})

test('the evening before: the incoming admin is reminded once (not in the afternoon, not twice)', async () => {
  data(
    await cloud.call(
      'fronts',
      'planTerm',
      { groupId: ZHOUPU, start: sh(MONDAY).toISOString(), end: sh(addDays(MONDAY, 7)).toISOString(), admins: [CHEN] },
      { openid: LI },
    ),
  )
  cloud.openapi.recordSubscription(CHEN, ['tmpl-front-duty'])
  cloud.openapi.clearOutbox()
  clock.set(sh(SUNDAY, '17:30'))
  const afternoon = await cloud.runTrigger('fronts', 'sweep')
  expect(afternoon.ok && (afternoon.result as { data: unknown }).data).toMatchObject({ dutyReminders: 0 })
  clock.set(sh(SUNDAY, '18:00'))
  const evening = await cloud.runTrigger('fronts', 'sweep')
  expect(evening.ok && (evening.result as { data: unknown }).data).toMatchObject({ dutyReminders: 1 })
  clock.set(sh(SUNDAY, '22:00'))
  const again = await cloud.runTrigger('fronts', 'sweep')
  expect(again.ok && (again.result as { data: unknown }).data).toMatchObject({ dutyReminders: 0 })
  expect(cloud.openapi.outbox()).toEqual([
    expect.objectContaining({
      touser: CHEN,
      templateId: 'tmpl-front-duty',
      data: { thing1: { value: '周浦万达骑手之家群' }, time2: { value: `${MONDAY} 00:00` }, thing3: { value: '明天开始值班' } },
    }),
  ])
  const inApp = cloud.db.find('notifications', { openid: CHEN, template: 'frontDuty' })
  expect(inApp.map((n) => n.text)).toEqual(expect.arrayContaining([expect.stringContaining('明天 00:00 起你在“周浦万达骑手之家群”值班')]))
})

test('23:59:59 Sunday: the outgoing admin posts, the incoming one may not yet', async () => {
  clock.set(sh(SUNDAY, '23:59', '59'))
  const last = await post(ZHANG, '本周最后一条：明天起陈磊值班')
  expect(code(last)).toBe('OK')
  expect(code(await post(CHEN))).toBe('PERMISSION_DENIED')
  const front = await frontAs(CHEN)
  expect(front.onDuty.map((a) => a.name)).toEqual(['张伟'])
  expect(front.me).toMatchObject({ onDuty: false, canPost: false, isAdmin: true })
  ;(globalThis as Record<string, unknown>).__lastNotice = data(last).id
})

test('00:00:00 Monday: privileges moved by themselves — the old admin can no longer post or edit, the new one posts', async () => {
  clock.set(sh(MONDAY, '00:00', '00'))
  expect(code(await post(ZHANG))).toBe('PERMISSION_DENIED')
  const id = (globalThis as Record<string, unknown>).__lastNotice as string
  // one second after posting: still inside the 30-minute edit window, but the term has ended
  expect(code(await cloud.call('fronts', 'editNotice', { noticeId: id, title: '想改一下' }, { openid: ZHANG }))).toBe('PERMISSION_DENIED')
  expect(code(await cloud.call('fronts', 'withdrawNotice', { noticeId: id, reason: '想撤回' }, { openid: ZHANG }))).toBe(
    'PERMISSION_DENIED',
  )
  expect(code(await post(CHEN, '本周由陈磊值班，有事找我'))).toBe('OK')
  const front = await frontAs(ZHANG)
  expect(front.onDuty.map((a) => a.name)).toEqual(['陈磊'])
  const term = data(await cloud.call('fronts', 'myTerm', { groupId: ZHOUPU }, { openid: ZHANG }))
  expect(term).toMatchObject({ onDuty: false, current: null })
  const chen = data(await cloud.call('fronts', 'myTerm', { groupId: ZHOUPU }, { openid: CHEN }))
  expect(chen).toMatchObject({
    onDuty: true,
    current: { start: `${MONDAY}T00:00:00+08:00`, admins: [expect.objectContaining({ name: '陈磊' })] },
  })
  // the liaison may still edit the old admin's notice inside the window
  expect(code(await cloud.call('fronts', 'editNotice', { noticeId: id, title: '联络员改了标题' }, { openid: LI }))).toBe('OK')
})

test('the edit window closes at its minute, whoever asks', async () => {
  clock.set(sh(MONDAY, '00:10'))
  const { id } = data(await post(CHEN, '十分钟后发的'))
  clock.set(sh(MONDAY, '00:39', '59'))
  expect(code(await cloud.call('fronts', 'editNotice', { noticeId: id, title: '窗口内还能改' }, { openid: CHEN }))).toBe('OK')
  clock.set(sh(MONDAY, '00:40', '00'))
  const late = await cloud.call('fronts', 'editNotice', { noticeId: id, title: '晚了一秒' }, { openid: CHEN })
  expect(code(late)).toBe('FAILED_PRECONDITION')
  expect(late.ok ? '' : late.error.message).toMatch(/撤回后重新发布/)
  expect(cloud.db.find('notices', { _id: id })[0].title).toBe('窗口内还能改')
})
