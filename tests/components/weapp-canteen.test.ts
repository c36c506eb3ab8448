/**
 * @jest-environment jsdom
 *
 * The built weapp 食堂 tab in miniprogram-simulate against the local cloud (demo canteen): one
 * meals.listDay call shows the set meals and the slot grid; booking is day → slot → 确认预约
 * (the 爱心餐 preselected), one meals.book call with a requestId, and it opens the booking.
 * Tomorrow is used so the test does not depend on the hour.
 */
import { loadWeappPage, type WeappPage } from './helpers/weapp'

const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string

describe('weapp 食堂 tab (built output, local cloud)', () => {
  let tab: WeappPage
  test('today: one listDay call, the set meals with their dishes and the slot grid with seats left', async () => {
    const g = globalThis as unknown as { wx?: Record<string, unknown> }
    g.wx = { ...(g.wx ?? {}), showToast: () => undefined, showModal: () => undefined }
    tab = await loadWeappPage('pages/canteen/index', { cloudUrl, openid: 'o-demo-rider-chen' })
    await tab.waitForText('周浦小哥食堂')
    await tab.waitForText('爱心餐 A')
    expect(tab.calls.map((c) => c.data.action)).toEqual(['listDay'])
    expect(tab.text()).toContain('选时段')
    expect(tab.page.querySelectorAll('.slot').length).toBe(8)
    expect(tab.text()).toContain('错峰')
  })

  test('day → slot → 确认预约 books once and opens the booking', async () => {
    tab.page.querySelectorAll('.days__item')[1].dispatchEvent('tap')
    const until0 = Date.now() + 5000
    while (tab.text().includes('今天的菜') && Date.now() < until0) await new Promise((r) => setTimeout(r, 50))
    await tab.waitForText(' 的菜')
    const before = tab.calls.length
    await tab.tap('.slot')
    await tab.waitForText('确认预约')
    expect(tab.text()).toContain('爱心餐 A')
    await tab.tap('.sheet__confirm')
    const until = Date.now() + 5000
    while (!tab.navigations.length && Date.now() < until) await new Promise((r) => setTimeout(r, 50))
    const booked = tab.calls.slice(before).filter((c) => c.data.action === 'book')
    expect(booked).toHaveLength(1)
    expect(booked[0].data).toMatchObject({ mealId: 'm-love-a', requestId: expect.stringMatching(/^[\w-]{8,64}$/) })
    expect(tab.navigations).toEqual([{ api: 'navigateTo', url: expect.stringMatching(/^\/pkg-canteen\/booking\/index\?bookingId=bk-/) }])
  })
})
