/**
 * Topics in Chromium (H5 build, local cloud with demo data, everything through the gateway):
 * 张伟 raises "外卖电动车禁止进入小区" (the similar demo topic is suggested first), 陈磊 and 王强
 * support it, the liaison 李敏 accepts it with an answer date, schedules a council session and answers
 * 部分采纳 with reasons; 张伟 sees the whole timeline and gets the WeChat messages he agreed to (the
 * local cloud's subscribe stand-in records each 同意). Times are relative to the real day; nothing
 * depends on the hour of the run.
 */
import type { Page } from 'playwright-core'
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { type E2E, startE2E, type Watched } from './helpers/browser'

const AUTHOR = DEMO.rider.zhang
const SUPPORTERS = [DEMO.rider.chen, DEMO.admin.wang]
const LIAISON = DEMO.liaison.li
const TITLE = '外卖电动车禁止进入小区'

const text = async (page: Page) => (await page.locator('body').textContent()) ?? ''
const clean = (w: Watched) => {
  expect(w.consoleErrors).toEqual([])
  expect(w.outsideRequests).toEqual([])
}

describe('topics (H5 in Chromium)', () => {
  let e2e: E2E
  let topicId = ''
  beforeAll(async () => {
    e2e = await startE2E()
  }, 60000)
  afterAll(() => e2e?.close())

  const detail = () => `/pkg-topics/detail/index?topicId=${topicId}`

  test('a rider raises a topic; the similar one is suggested first', async () => {
    const w = await e2e.open('/pkg-topics/raise/index', { openid: AUTHOR })
    const { page } = w
    await page.getByText('停车/充电').waitFor({ timeout: 15000 })
    const inputs = page.locator('.form-input input')
    await inputs.nth(0).fill(TITLE)
    await page.locator('.chip', { hasText: '通行' }).click()
    await page.getByText('这些议题和你说的很像').waitFor({ timeout: 10000 })
    expect(await text(page)).toContain('外卖电动车禁止进入小区，送餐只能步行 800 米')
    await e2e.shot(page, 'e2e-topics-raise-similar')
    await page.locator('.raise__description textarea').fill('锦绣华庭南门不让电动车进，送一单要推车走五分钟，希望划个临时停车点。')
    await inputs.nth(1).fill('锦绣华庭南门')
    await page.getByText('提交议题').click()
    await page.locator('.topic-hero__title').waitFor({ timeout: 15000 })
    topicId = new URL(page.url().replace('#', '')).searchParams.get('topicId') ?? ''
    expect(topicId).toMatch(/^tp-/)
    const body = await text(page)
    expect(body).toContain(TITLE)
    expect(body).toContain('等待联络员受理，受理后会公开答复期限')
    expect(body).toContain('提出议题')
    await e2e.shot(page, 'e2e-topics-raised')
    clean(w)
  }, 90000)

  test('two other riders support it', async () => {
    for (const [i, openid] of SUPPORTERS.entries()) {
      const w = await e2e.open(detail(), { openid })
      await w.page.getByText('我也遇到', { exact: true }).click()
      await w.page.getByText('已支持 · 撤回').waitFor({ timeout: 15000 })
      expect(await text(w.page)).toContain(`${i + 1}人也遇到`)
      clean(w)
    }
  }, 60000)

  test('the liaison accepts it with an answer date, schedules a council session and answers 部分采纳', async () => {
    const w = await e2e.open(`/pkg-topics/manage/index?topicId=${topicId}`, { openid: LIAISON })
    const { page } = w
    await page.getByText('下一步').waitFor({ timeout: 15000 })
    await page.locator('.chip', { hasText: '受理' }).click()
    await page.locator('.manage__submit', { hasText: '受理' }).click()
    await page.locator('.topic-status', { hasText: '已受理' }).waitFor({ timeout: 15000 })
    await page.locator('.chip', { hasText: '安排议事会' }).click()
    await page.locator('input[placeholder="如：周浦镇社区党群服务中心 3 楼"]').fill('周浦镇社区党群服务中心 3 楼议事厅')
    await page.locator('.manage__submit', { hasText: '安排议事会' }).click()
    await page.locator('.topic-status', { hasText: '议事中' }).waitFor({ timeout: 15000 })
    // the roster with the session's check-in code loads after the move
    await page
      .getByText(/签到码 \d{6}/)
      .first()
      .waitFor({ timeout: 15000 })
    await page.locator('.chip', { hasText: '答复' }).first().click()
    await page.locator('.chip', { hasText: '部分采纳' }).click()
    await page
      .locator('.manage__textarea textarea')
      .first()
      .fill('议事会上物业同意在南门划临时停车点，午高峰错峰放行；全天放行涉及消防通道，暂不采纳。')
    await page.locator('input[placeholder="如：周浦镇城运中心"]').fill('锦绣华庭物业、周浦镇社区管理办')
    await e2e.shot(page, 'e2e-topics-answer-form')
    await page.locator('.manage__submit', { hasText: '发布答复' }).click()
    await page.locator('.topic-status', { hasText: '已答复' }).waitFor({ timeout: 15000 })
    clean(w)
  }, 90000)

  test('the author sees the whole timeline and the answer, and got the messages he agreed to', async () => {
    const w = await e2e.open(detail(), { openid: AUTHOR })
    const { page } = w
    await page.locator('.answer__outcome', { hasText: '部分采纳' }).waitFor({ timeout: 15000 })
    const body = await text(page)
    expect(body).toContain('全天放行涉及消防通道，暂不采纳')
    expect(body).toContain('负责：锦绣华庭物业、周浦镇社区管理办')
    expect(body).toMatch(/在期限 \d+月\d+日 前答复了/)
    for (const step of ['提出议题', '受理，', '安排议事会：', '答复：部分采纳']) expect(body).toContain(step)
    await e2e.shot(page, 'e2e-topics-answered')
    // in the app: a notice for each step; in WeChat: the one message he agreed to when raising it (已受理)
    const notices = e2e.cloud.db.find('notifications', { openid: AUTHOR, text: { $regex: TITLE } }, { sort: { createdAt: 1 } })
    expect(notices.map((n) => n.text)).toEqual([
      expect.stringMatching(/已受理：\d+月\d+日前答复$/),
      expect.stringMatching(/议事中：.*议事会$/),
      expect.stringMatching(/已答复：部分采纳，负责：锦绣华庭物业、周浦镇社区管理办$/),
    ])
    const pushed = e2e.cloud.openapi.outbox().filter((m) => m.touser === AUTHOR)
    expect(pushed.map((m) => m.data.phrase2.value)).toEqual(['已受理'])
    expect(pushed[0].page).toBe(`pkg-topics/detail/index?topicId=${topicId}`)
    // he asks for one more WeChat message; the next step (落实中) arrives in WeChat too
    await page.getByText('多收一条微信通知').click()
    await page.getByText('微信通知还会发 1 条').waitFor({ timeout: 10000 })
    const liaison = await e2e.open(`/pkg-topics/manage/index?topicId=${topicId}`, { openid: LIAISON })
    await liaison.page.locator('.chip', { hasText: '开始落实' }).click()
    await liaison.page.locator('.manage__textarea textarea').first().fill('下周一前在南门划线，物业安排保安引导')
    await liaison.page.locator('.manage__submit', { hasText: '开始落实' }).click()
    await liaison.page.locator('.topic-status', { hasText: '落实中' }).waitFor({ timeout: 15000 })
    const after = e2e.cloud.openapi.outbox().filter((m) => m.touser === AUTHOR)
    expect(after.map((m) => m.data.phrase2.value)).toEqual(['已受理', '落实中'])
    clean(w)
    clean(liaison)
  }, 90000)

  test('我的 › 我提的议题 lists it with its status', async () => {
    const w = await e2e.open('/pkg-topics/mine/index', { openid: AUTHOR })
    await w.page.locator('.topic-card', { hasText: TITLE }).first().waitFor({ timeout: 15000 })
    expect(await w.page.locator('.topic-card', { hasText: TITLE }).first().textContent()).toContain('落实中')
    await e2e.shot(w.page, 'e2e-topics-mine')
    clean(w)
  }, 60000)
})
