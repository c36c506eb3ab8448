/**
 * 微阵地 in Chromium with the functions on a fixed clock (libfaketime in the containers): an admin's
 * term ends at Monday 00:00 Asia/Shanghai while the post form is open; the notice sent one second
 * later is refused and the form says so; the admin of the new term posts.
 */
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { addDays, fakeClock, mondayAhead, sh } from '../cloud/fronts-clock'
import { type E2E, startE2E } from './helpers/browser'

const MONDAY = mondayAhead(3)
const clock = fakeClock(sh(addDays(MONDAY, -1), '23:58'))
const G = DEMO.group.zhoupu.id

describe('a term ends (H5 in Chromium, fixed clock)', () => {
  let e2e: E2E
  beforeAll(async () => {
    e2e = await startE2E({ functionEnv: clock.env })
    const plan = (admins: string[], from: string, to: string) =>
      e2e.cloud.call(
        'fronts',
        'planTerm',
        { groupId: G, start: sh(from).toISOString(), end: sh(to).toISOString(), admins },
        { openid: DEMO.liaison.li },
      )
    expect((await plan([DEMO.rider.zhang], addDays(MONDAY, -7), MONDAY)).ok).toBe(true)
    expect((await plan([DEMO.rider.chen], MONDAY, addDays(MONDAY, 7))).ok).toBe(true)
  }, 60000)
  afterAll(() => e2e?.close())

  test('the old admin can no longer post once the term has ended; the new one can', async () => {
    const old = await e2e.open(`/pkg-front/post/index?groupId=${G}`, { openid: DEMO.rider.zhang })
    const p = old.page
    await p.locator('.fr-post__title input').waitFor({ timeout: 15000 })
    await p.locator('.fr-post__title input').fill('本周最后一条')
    await p.locator('.fr-post__body textarea').fill('明天起陈磊值班，有事找他。')
    clock.set(sh(MONDAY, '00:00', '01'))
    await p.locator('.fr-post__send').click()
    await p.locator('.form-error').waitFor({ timeout: 15000 })
    expect(await p.locator('.form-error').textContent()).toContain('值班已经结束')
    await e2e.shot(p, 'e2e-fronts-8-term-ended')
    await p.reload({ waitUntil: 'networkidle' })
    await p.getByText('你现在不在值班').waitFor({ timeout: 15000 })
    expect(e2e.cloud.db.find('notices', { title: '本周最后一条' })).toEqual([])

    const next = await e2e.open(`/pkg-front/front/index?groupId=${G}`, { openid: DEMO.rider.chen })
    await next.page.locator('.fr-front__door--post').waitFor({ timeout: 15000 })
    expect(await next.page.locator('.fr-band__line').first().textContent()).toContain('值班：陈磊')
    expect(old.consoleErrors).toEqual([])
    expect(next.consoleErrors).toEqual([])
  }, 90000)
})
