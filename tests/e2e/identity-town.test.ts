/**
 * The town office and the consoles in Chromium (H5 build, local cloud with demo data): the town
 * appoints a new liaison for a group, the change shows in the audit log in Chinese, and the new
 * liaison sees their console with the invite QR (read back by ZBar when installed). The liaison
 * puts a rider on duty next week. A rider reads an unread notice from 我的 and it is marked read.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { DEMO_GROUP2_ID } from '../../scripts/local-cloud/seed/demo'
import { type E2E, startE2E, type Watched } from './helpers/browser'

const TOWN = 'o-demo-town-office'
const CHEN = 'o-demo-rider-chen'

describe('town console, new liaison, duty and notices (H5 in Chromium)', () => {
  let e2e: E2E
  beforeAll(async () => {
    e2e = await startE2E()
  }, 60000)
  afterAll(() => e2e?.close())

  const clean = (w: Watched) => {
    expect(w.consoleErrors).toEqual([])
    expect(w.outsideRequests).toEqual([])
  }

  test('the town office appoints 陈磊 liaison of 康桥; the audit shows it; 陈磊 sees the console and its invite QR', async () => {
    const town = await e2e.open('/pages/me/index', { openid: TOWN })
    const p = town.page
    await p.locator('.me__entry', { hasText: '镇里工作台' }).click({ timeout: 15000 })
    await p.locator('.page-lead__title', { hasText: '镇里工作台' }).waitFor({ timeout: 15000 })
    await p.locator('.town__q input').fill('陈磊')
    await p.locator('.town__search-button').click()
    const person = p.locator('.person', { hasText: '陈磊' })
    await person.waitFor({ timeout: 10000 })
    expect(await person.textContent()).toContain('目前没有镇里指派的角色')
    await person.locator('.person__open').click()
    await person.locator('.scope', { hasText: '康桥骑手互助群' }).click()
    expect(await person.locator('.scope', { hasText: '康桥骑手互助群' }).textContent()).toContain('现联络员：孙丽（康桥联络员）')
    await e2e.shot(p, 'e2e-town-1-appoint')
    await person.locator('.person__confirm').click()
    await p.locator('.taro-modal__text', { hasText: '原联络员：孙丽（康桥联络员）将不再负责这个群' }).waitFor({ timeout: 5000 })
    await p.locator('.taro-model__confirm').click()
    await person.locator('.person__held', { hasText: '联络员 · 康桥骑手互助群' }).waitFor({ timeout: 10000 })
    await e2e.shot(p, 'e2e-town-2-appointed')
    expect(e2e.cloud.db.find('groups', { _id: DEMO_GROUP2_ID })[0].liaisonOpenid).toBe(CHEN)

    await p.locator('.console__tab', { hasText: '变更记录' }).click()
    const granted = p.locator('.audit', { hasText: '把 陈磊 设为' })
    await granted.waitFor({ timeout: 10000 })
    expect(await granted.locator('.audit__line').textContent()).toBe('周浦镇党群办 周主任 把 陈磊 设为「康桥骑手互助群」的联络员')
    expect(await granted.locator('.audit__change').textContent()).toBe('小哥 → 小哥、联络员（康桥骑手互助群）')
    expect(await granted.locator('.audit__time').textContent()).toMatch(/^今天 \d\d:\d\d$/)
    // the handover is in the log too, in that group
    await p
      .locator('.audit__line', {
        hasText: '周浦镇党群办 周主任 收回了 孙丽（康桥联络员） 「康桥骑手互助群」的联络员（联络员已转交给别人）',
      })
      .waitFor()
    await e2e.shot(p, 'e2e-town-3-audit')

    await p.locator('.console__tab', { hasText: '各群' }).click()
    const kangqiao = p.locator('.town-group', { hasText: '康桥骑手互助群' })
    await kangqiao.waitFor({ timeout: 10000 })
    expect(await kangqiao.textContent()).toContain('联络员：陈磊')
    expect(await kangqiao.textContent()).toMatch(/3 位成员/)
    await e2e.shot(p, 'e2e-town-4-groups')
    clean(town)

    // the new liaison: 我的 shows the liaison entry, the console shows the group
    const chen = await e2e.open('/pages/me/index', { openid: CHEN })
    const c = chen.page
    await c.locator('.me__entry', { hasText: '认证审核与群成员' }).click({ timeout: 15000 })
    await c.locator('.page-lead__title', { hasText: '康桥骑手互助群' }).waitFor({ timeout: 15000 })
    await c.locator('.console__tab', { hasText: '邀请' }).click()
    await c.locator('.invite__make').click()
    const qr = c.locator('.invite-qr__image img, img.invite-qr__image').first()
    await qr.waitFor({ timeout: 10000 })
    await c.getByText('请小哥用微信扫一扫，加入“康桥骑手互助群”').waitFor()
    expect(await c.locator('.invite__line').textContent()).toMatch(/^\d+月\d+日 \d\d:\d\d 前有效 · 最多 20 人使用$/)
    // something a person can use, never a page path
    expect(await c.locator('body').textContent()).not.toContain('pkg-me/join/index')
    await e2e.shot(c, 'e2e-town-5-new-liaison-invite')
    const zbar = ['/usr/bin/zbarimg', '/usr/local/bin/zbarimg'].find(existsSync)
    if (!zbar) throw new Error('zbarimg not found: apt-get install -y zbar-tools (.ci/run does this)')
    {
      const file = `${require('node:os').tmpdir()}/e2e-invite-qr-${process.pid}.png`
      await c.locator('.invite-qr').screenshot({ path: file })
      const read = spawnSync(zbar, ['-q', '--raw', file], { encoding: 'utf8' }).stdout.trim()
      expect(read).toMatch(new RegExp(`^${e2e.cloud.url.replace(/[.]/g, '\\.')}/#/pkg-me/join/index\\?t=[A-Za-z0-9_-]{32}$`))
    }
    // H5 has no share card: the button copies the link and says so
    await c.locator('.invite__copy', { hasText: '复制邀请链接' }).click()
    await c.getByText('邀请链接已复制').waitFor({ timeout: 5000 })
    clean(chen)

    // the old liaison no longer keeps that group, nor the liaison role (it was her only group)
    const sun = await e2e.open('/pkg-me/liaison/index', { openid: 'o-demo-liaison-sun' })
    await sun.page.getByText('你还没有负责的群').waitFor({ timeout: 15000 })
    expect(await sun.page.locator('body').textContent()).not.toContain('康桥骑手互助群')
    clean(sun)
  }, 120000)

  test('the liaison puts 张伟 on duty next week; 王强 shows as on duty now', async () => {
    const li = await e2e.open('/pkg-me/liaison/index', { openid: 'o-demo-liaison-li' })
    const p = li.page
    await p.locator('.console__tab', { hasText: '群成员' }).click({ timeout: 15000 })
    const wang = p.locator('.member', { hasText: '王强' })
    await wang.waitFor({ timeout: 10000 })
    expect(await wang.textContent()).toContain('值班中')
    const zhang = p.locator('.member', { hasText: '张伟' })
    await zhang.locator('.member__plan').click()
    await zhang.locator('.duty-form__presets .chip', { hasText: '下周' }).click()
    await e2e.shot(p, 'e2e-duty-1-form')
    await zhang.locator('.duty-form__save').click()
    await zhang.locator('.duty__range', { hasText: '将值班' }).waitFor({ timeout: 10000 })
    expect(await zhang.locator('.duty__range').textContent()).toMatch(/^将值班 \d+月\d+日–\d+月\d+日$/)
    await e2e.shot(p, 'e2e-duty-2-planned')
    const stored = e2e.cloud.db.find('users', { _id: 'o-demo-rider-zhang' })[0]
    expect(stored.adminOf).toEqual(['grp-zhoupu-wanda'])
    expect((stored.dutyPeriods as unknown[]).length).toBe(1)
    clean(li)

    const w = await e2e.open('/pages/me/index', { openid: 'o-demo-admin-wang' })
    await w.page.locator('.me__group', { hasText: '周浦万达骑手之家群' }).getByText('值班中').waitFor({ timeout: 15000 })
    clean(w)
  }, 60000)

  test('the liaison reads the group’s change log a page at a time (更多), and sees no other group’s entries', async () => {
    const base = Date.now() - 2 * 86400000
    const entry = (i: number, scopeId: string) => ({
      _id: `e2e-audit-${scopeId}-${String(i).padStart(2, '0')}`,
      actorOpenid: 'o-demo-liaison-li',
      targetOpenid: 'o-demo-rider-chen',
      action: 'dutyRemove',
      role: 'admin',
      scopeKind: 'group',
      scopeId,
      outcome: 'applied',
      before: null,
      after: null,
      note: null,
      at: new Date(base + i * 60000),
    })
    e2e.cloud.db.insert('audit_log', [
      ...Array.from({ length: 30 }, (_, i) => entry(i, 'grp-zhoupu-wanda')),
      ...Array.from({ length: 3 }, (_, i) => entry(i, DEMO_GROUP2_ID)),
    ])
    const mine = e2e.cloud.db.find('audit_log', { scopeKind: 'group', scopeId: 'grp-zhoupu-wanda' }, { limit: 1000 }).length
    const li = await e2e.open('/pkg-me/liaison/index', { openid: 'o-demo-liaison-li' })
    const p = li.page
    await p.locator('.console__tab', { hasText: '记录' }).click({ timeout: 15000 })
    await p.locator('.audit').nth(19).waitFor({ timeout: 10000 })
    expect(await p.locator('.audit').count()).toBe(20)
    await e2e.shot(p, 'e2e-liaison-audit-1')
    await p.locator('.audit__more').click()
    await p.locator('.audit').nth(20).waitFor({ timeout: 10000 })
    if (mine > 40) await p.locator('.audit__more').click()
    await p.getByText('没有更早的记录了').waitFor({ timeout: 10000 })
    expect(await p.locator('.audit').count()).toBe(mine)
    clean(li)
  }, 60000)

  test('我的 shows unread notices; the list opens them and marks them read', async () => {
    const now = Date.now()
    e2e.cloud.db.insert('notifications', [
      {
        _id: 'n-e2e-1',
        openid: 'o-demo-rider-zhang',
        template: 'stationProblemResolved',
        title: '问题处理结果',
        text: '你报告的万达驿站微波炉故障已修好，谢谢你。',
        page: 'pages/stations/index',
        pushed: false,
        read: false,
        createdAt: new Date(now - 20 * 60000),
      },
      {
        _id: 'n-e2e-2',
        openid: 'o-demo-rider-zhang',
        template: 'verificationResult',
        title: '认证结果通知',
        text: '你的小哥认证已通过，可以使用小哥专属的服务了。',
        page: 'pages/me/index',
        pushed: true,
        read: true,
        createdAt: new Date(now - 3 * 86400000),
      },
    ])
    const z = await e2e.open('/pages/me/index', { openid: 'o-demo-rider-zhang' })
    const p = z.page
    await p.locator('.me__badge', { hasText: '1 条未读' }).waitFor({ timeout: 15000 })
    await e2e.shot(p, 'e2e-notices-1-me')
    await p.locator('.me__notices').click()
    await p.locator('.notice').nth(1).waitFor({ timeout: 10000 })
    expect(await p.locator('.notices__count').textContent()).toBe('1 条未读')
    expect(await p.locator('.notice--unread .notice__time').textContent()).toMatch(/^今天 \d\d:\d\d$/)
    await e2e.shot(p, 'e2e-notices-2-list')
    await p.locator('.notice--unread').click()
    await p.waitForURL(/pages\/stations\/index/, { timeout: 10000 })
    await p.waitForFunction(() => true)
    const stored = e2e.cloud.db.find('notifications', { _id: 'n-e2e-1' })[0]
    expect(stored.read).toBe(true)
    const again = await e2e.open('/pages/me/index', { openid: 'o-demo-rider-zhang' })
    await again.page.getByText('没有新通知').waitFor({ timeout: 15000 })
    clean(again)
  }, 60000)
})
