/**
 * 微阵地 in Chromium (H5 build, local cloud with the demo town, everything through the gateway and the
 * real functions): the admin on duty posts a notice and copies its link for the group; a rider opens
 * it "from the group" (a newcomer: joined by the group entry first) and taps 收到; the admin sees
 * 1 read and 1 收到 and who has not read it. A rider asks the liaison; the liaison answers from the
 * queue; the rider sees the answer and marks it helpful. Chinese, no console errors, nothing leaves
 * the machine; screenshots in screenshots/.
 */
import { DEMO, DEMO_GROUP_OPENGID } from '../../scripts/local-cloud/seed/demo'
import { type E2E, startE2E, type Watched } from './helpers/browser'

const WANG = DEMO.admin.wang
const LI = DEMO.liaison.li
const ZHANG = DEMO.rider.zhang
const NEWCOMER = 'o-e2e-front-newcomer'

describe('the micro-front (H5 in Chromium)', () => {
  let e2e: E2E
  beforeAll(async () => {
    e2e = await startE2E()
  }, 60000)
  afterAll(() => e2e?.close())

  const clean = (w: Watched) => {
    expect(w.consoleErrors).toEqual([])
    expect(w.outsideRequests).toEqual([])
  }

  test('the admin on duty posts; a rider opens it from the group and taps 收到; the admin sees 1 read and 1 收到', async () => {
    // 1. 王强 (on duty this week) posts from the front page
    const admin = await e2e.open('/pkg-front/front/index', { openid: WANG })
    const a = admin.page
    await a.locator('.fr-front__door--post').click()
    await a.locator('.fr-post__title input').waitFor({ timeout: 15000 })
    await a.locator('.fr-post__title input').fill('明早 8 点万达驿站发防暑药品')
    await a.locator('.fr-post__body textarea').fill('每人一份，带上手机打开小程序给周师傅看认证页就行，发完为止。')
    await e2e.shot(a, 'e2e-fronts-1-post')
    await a.locator('.fr-post__send').click()
    await a.getByText('已发布').waitFor({ timeout: 15000 })
    const id = /id=(nt-[\w-]+)/.exec(a.url())?.[1] as string
    expect(id).toBeTruthy()
    await a.getByText('复制链接，发到群里').click()
    await a.getByText('链接已复制').waitFor({ timeout: 5000 })
    await e2e.shot(a, 'e2e-fronts-2-posted-share')
    clean(admin)

    // 2. a rider who is not in the group yet opens the card in the group: joined, reads, taps 收到
    const rider = await e2e.open(`/pkg-front/notice/index?id=${id}`, { openid: NEWCOMER, group: DEMO_GROUP_OPENGID })
    const r = rider.page
    await r.getByText('明早 8 点万达驿站发防暑药品').waitFor({ timeout: 20000 })
    await r.locator('.fr-ackbar__ack').click()
    await r.locator('.fr-ackbar__done').waitFor({ timeout: 10000 })
    expect(await r.locator('.fr-ackbar__done').textContent()).toContain('已收到')
    await e2e.shot(r, 'e2e-fronts-3-rider-acked')
    clean(rider)
    expect(e2e.cloud.db.find('users', { _id: NEWCOMER })[0].groupIds).toEqual([DEMO.group.zhoupu.id])
    expect(e2e.cloud.db.find('notices', { _id: id })[0]).toMatchObject({ readCount: 1, ackCount: 1 })

    // 3. the admin sees the figures: 1 read, 1 收到, and who has not read it
    await a.reload({ waitUntil: 'networkidle' })
    await a.locator('.fr-tools__figures').waitFor({ timeout: 15000 })
    expect(await a.locator('.fr-tools__figures').textContent()).toMatch(/1\/\d+ 已读 · 1 人收到/)
    await a.locator('.fr-tools__figures').click()
    await a.locator('.fr-figures__value').first().waitFor({ timeout: 15000 })
    expect(await a.locator('.fr-figures__value').allTextContents()).toEqual(['1', '1', expect.stringMatching(/^\d+$/)])
    await a.getByText('张伟').waitFor()
    await e2e.shot(a, 'e2e-fronts-4-admin-figures')
    clean(admin)
  }, 120000)

  test('a rider asks; the liaison answers from the queue; the rider sees it and marks it helpful', async () => {
    const rider = await e2e.open('/pkg-front/ask/index?groupId=grp-zhoupu-wanda', { openid: ZHANG })
    const r = rider.page
    await r.locator('.fr-ask__text textarea').waitFor({ timeout: 15000 })
    await r.locator('.chip', { hasText: '交通出行' }).click()
    await r.locator('.fr-ask__text textarea').fill('小区保安不让电动车进，送餐只能走进去，能不能帮忙跟物业说说？')
    await e2e.shot(r, 'e2e-fronts-5-ask')
    await r.locator('.fr-ask__send').click()
    await r.getByText('已发给联络员').waitFor({ timeout: 15000 })
    const id = /id=(q-[\w-]+)/.exec(r.url())?.[1] as string
    clean(rider)

    const liaison = await e2e.open('/pkg-front/queue/index?groupId=grp-zhoupu-wanda', { openid: LI })
    const l = liaison.page
    await l.locator('.fr-queue__item', { hasText: '小区保安不让电动车进' }).click()
    await l.locator('.fr-replybox__text textarea').waitFor({ timeout: 15000 })
    await l.locator('.fr-replybox__text textarea').fill('我明天去找物业谈，先在门口停好车走进去，注意安全。')
    await e2e.shot(l, 'e2e-fronts-6-liaison-answer')
    await l.locator('.fr-liaison__answer').click()
    await l.locator('.fr-bubble--liaison', { hasText: '我明天去找物业谈' }).waitFor({ timeout: 15000 })
    clean(liaison)

    const back = await e2e.open(`/pkg-front/question/index?id=${id}`, { openid: ZHANG })
    const b = back.page
    await b.locator('.fr-bubble--liaison', { hasText: '我明天去找物业谈' }).waitFor({ timeout: 15000 })
    await b.locator('.fr-helpful__yes').click()
    await b.getByText('谢谢！联络员会看到').waitFor({ timeout: 10000 })
    await e2e.shot(b, 'e2e-fronts-7-rider-helpful')
    expect(e2e.cloud.db.find('questions', { _id: id })[0]).toMatchObject({ state: 'answered', helpful: true })
    clean(back)
  }, 120000)
})
