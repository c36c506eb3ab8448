/**
 * @jest-environment jsdom
 *
 * The built weapp 首页 in miniprogram-simulate, local cloud (demo town): when the 驿站 tab has
 * saved a list fetched from the rider's fuzzy location, 首页's one getHome call carries that
 * location and lists the same nearest station; it never asks for the location itself.
 */
import { loadWeappPage } from './helpers/weapp'

const cloudUrl = process.env.XG_COMPONENTS_CLOUD as string
const NEAR_KANGQIAO = { lat: 31.11, lng: 121.59 }

test('首页 sends the location the 驿站 tab saved; nearest station as on that tab', async () => {
  const storage = new Map<string, unknown>([
    ['xiaoge.stations.list.v1', { savedAt: Date.now() - 60_000, params: { location: NEAR_KANGQIAO, limit: 30 }, list: { stations: [] } }],
  ])
  const asked: string[] = []
  const g = globalThis as unknown as { wx: Record<string, unknown> }
  g.wx = {
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    getFuzzyLocation: () => asked.push('getFuzzyLocation'),
    getLocation: () => asked.push('getLocation'),
    authorize: () => asked.push('authorize'),
  }
  const home = await loadWeappPage('pages/index/index', { cloudUrl, openid: 'o-demo-rider-zhang' })
  await home.waitForText('工会户外职工爱心驿站（康沈路）')
  expect(home.calls).toEqual([{ name: 'home', data: { action: 'getHome', location: NEAR_KANGQIAO } }])
  // The 24-hour union station is the nearest to this location at any hour, so it comes first;
  // which others follow depends on what is open now.
  const names = home.page.querySelectorAll('.station__name').map((n) => n.dom.textContent)
  expect(names[0]).toBe('工会户外职工爱心驿站（康沈路）')
  expect(asked).toEqual([])
})
