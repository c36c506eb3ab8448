/**
 * Identity end to end in Chromium (H5 build, local cloud with demo data, real gateway and
 * functions): a new visitor opens the app "from a group", is joined to it, fills the profile,
 * asks to be verified with a badge photo; the group's liaison sees the request while the photo is
 * being checked, then (after WeChat's verdict) the photo, and approves; the rider sees the
 * verified state. A rider who did not open it from a group is told how to join; people appointed
 * by the town are never asked to verify. Chinese, no console errors, nothing leaves the machine.
 */
import { DEMO, DEMO_GROUP_OPENGID } from '../../scripts/local-cloud/seed/demo'
import { pushVerdict } from '../cloud/helpers'
import { type E2E, startE2E, type Watched } from './helpers/browser'

// a tiny valid JPEG (1×1 px)
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
)

const RIDER = 'o-e2e-newcomer'

describe('who is who (H5 in Chromium, local cloud with demo data)', () => {
  let e2e: E2E
  beforeAll(async () => {
    e2e = await startE2E()
  }, 60000)
  afterAll(() => e2e?.close())

  const clean = (w: Watched) => {
    expect(w.consoleErrors).toEqual([])
    expect(w.outsideRequests).toEqual([])
  }

  test('a newcomer from the group fills the profile and asks; the liaison approves; the rider is verified', async () => {
    // 1. opened from the group: joined automatically
    const rider = await e2e.open('/pages/me/index', { openid: RIDER, group: DEMO_GROUP_OPENGID })
    const p = rider.page
    await p.getByText('已加入“周浦万达骑手之家群”').waitFor({ timeout: 15000 })
    await p.locator('.me__group-name', { hasText: '周浦万达骑手之家群' }).waitFor()
    expect(await p.locator('.me__tags').textContent()).toContain('未认证')
    await e2e.shot(p, 'e2e-identity-1-me-newcomer')

    // 2. profile
    await p.getByText('编辑资料').click()
    await p.locator('.profile__nickname input').waitFor({ timeout: 10000 })
    await p.locator('.profile__nickname input').fill('骑手小周')
    await p.locator('.chip', { hasText: '外卖' }).click()
    await p.locator('.profile__platform input').fill('美团')
    await p.locator('.profile__phone input').fill('13912345678')
    await e2e.shot(p, 'e2e-identity-2-profile')
    await p.locator('.profile__save').click()
    await p.locator('.me__name', { hasText: '骑手小周' }).waitFor({ timeout: 10000 })
    expect(await p.locator('.me__work').textContent()).toBe('外卖 · 美团')

    // 3. verification with a badge photo
    await p.locator('.me__verify-action').click()
    await p.locator('.verify__photo').waitFor({ timeout: 10000 })
    const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.locator('.verify__photo').click()])
    await chooser.setFiles({ name: 'badge.jpg', mimeType: 'image/jpeg', buffer: JPEG })
    await p.getByText('看得清姓名或工号即可，可以遮住其他信息。').waitFor({ timeout: 10000 })
    await e2e.shot(p, 'e2e-identity-3-verify-form')
    await p.locator('.verify__submit').click()
    await p.getByText('申请已提交，等待联络员审核').waitFor({ timeout: 10000 })
    await e2e.shot(p, 'e2e-identity-4-verify-pending')
    clean(rider)

    const stored = e2e.cloud.db.find('verifications', { openid: RIDER })
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ state: 'pending', workType: '外卖', platform: '美团' })
    expect(stored[0].photoFileId).toMatch(new RegExp(`/verification/${RIDER}/`))

    // 4. the liaison sees the request; the photo only once WeChat's photo check has passed
    const liaison = await e2e.open('/pkg-me/liaison/index', { openid: 'o-demo-liaison-li' })
    const l = liaison.page
    const card = l.locator('.request', { hasText: '骑手小周' })
    await card.waitFor({ timeout: 15000 })
    expect(await card.textContent()).toContain('13912345678')
    await card.getByText('照片正在做安全检查').waitFor()
    expect(
      await card.locator('.request__approve').evaluate((el) => el.hasAttribute('disabled') || (el as HTMLButtonElement).disabled === true),
    ).toBe(true)
    await e2e.shot(l, 'e2e-identity-5a-liaison-photo-checking')
    await pushVerdict(e2e.cloud, stored[0].photoFileId as string, 'pass')
    await l.reload()
    await card.locator('.request__photo').waitFor({ timeout: 15000 })
    await e2e.shot(l, 'e2e-identity-5-liaison-pending')
    await card.locator('.request__approve').click()
    await card.waitFor({ state: 'detached', timeout: 10000 })
    await l.locator('.console__tab', { hasText: '群成员' }).click()
    await l.locator('.row', { hasText: '骑手小周' }).waitFor({ timeout: 10000 })
    await e2e.shot(l, 'e2e-identity-6-liaison-members')
    clean(liaison)

    // the rider was told (the H5 subscribe stand-in was accepted on the submit tap)
    expect(e2e.cloud.openapi.outbox().filter((m) => m.touser === RIDER)).toHaveLength(1)

    // 5. the rider sees the verified state
    const back = await e2e.open('/pages/me/index', { openid: RIDER })
    await back.page.locator('.me__tags', { hasText: '已认证' }).waitFor({ timeout: 15000 })
    const text = (await back.page.locator('body').textContent()) ?? ''
    expect(text).toContain('小哥')
    expect(text).not.toContain('认证成为小哥')
    expect(text).not.toMatch(/undefined|null|NaN/)
    await e2e.shot(back.page, 'e2e-identity-7-me-verified')
    clean(back)
  }, 120000)

  test('a rider who did not open it from a group is told how to join; town-appointed people are never asked to verify', async () => {
    const lost = await e2e.open('/pages/me/index', { openid: 'o-e2e-no-group' })
    const join = '从小哥微信群里点小程序卡片打开，或扫联络员给的邀请码'
    await lost.page.getByText(join).waitFor({ timeout: 15000 })
    expect(await lost.page.locator('.me__tags').textContent()).toContain('未认证')
    await e2e.shot(lost.page, 'e2e-identity-0-me-no-group')
    const verify = await e2e.open('/pkg-me/verify/index', { openid: 'o-e2e-no-group' })
    await verify.page.getByText('请先加入小哥群').waitFor({ timeout: 15000 })
    expect(await verify.page.locator('body').textContent()).toContain('或者扫联络员给的邀请码')
    clean(lost)
    clean(verify)
    for (const openid of [DEMO.staff.station, DEMO.liaison.li, DEMO.town]) {
      const w = await e2e.open('/pages/me/index', { openid })
      await w.page.locator('.me__entries').first().waitFor({ timeout: 15000 })
      const text = (await w.page.locator('body').textContent()) ?? ''
      expect([openid, /未认证|认证成为小哥|马上上线/.test(text)]).toEqual([openid, false])
      clean(w)
    }
  }, 60000)

  test('a rider in two groups sees both and switches; town sees the consoles of every group', async () => {
    const w = await e2e.open('/pages/me/index', { openid: 'o-demo-rider-wu' })
    await w.page.locator('.me__group').nth(1).waitFor({ timeout: 15000 })
    await w.page.locator('.me__group', { hasText: '周浦万达骑手之家群' }).getByText('切换').click()
    await w.page.locator('.me__group', { hasText: '周浦万达骑手之家群' }).getByText('当前').waitFor({ timeout: 10000 })
    await e2e.shot(w.page, 'e2e-identity-8-two-groups')
    clean(w)

    const town = await e2e.open('/pkg-me/liaison/index', { openid: 'o-demo-town-office' })
    await town.page.locator('.chip', { hasText: '康桥骑手互助群' }).waitFor({ timeout: 15000 })
    await town.page.locator('.request', { hasText: '赵刚' }).waitFor({ timeout: 10000 })
    await e2e.shot(town.page, 'e2e-identity-9-town-console')
    clean(town)
  }, 60000)
})
