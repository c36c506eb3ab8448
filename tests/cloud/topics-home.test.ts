/**
 * 首页's 议事 rows through the local cloud: the live topics most riders met, with status and the
 * public clock, never a hidden, removed or closed one, no per-person data; the same call as before
 * (one getHome).
 */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { data, freshAuthor, RIDER, raise, T } from './topics-helpers'

describe('home: topics', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: 'demo' })
  })
  afterAll(() => cloud.stop())

  test('the three live topics most riders met, with their clock; hidden ones never', async () => {
    const home = data(await cloud.call('home', 'getHome', {}, { openid: RIDER }))
    expect(home.topics.map((t) => t.id)).toEqual([T.ebikeBan, T.parcel, T.charging])
    expect(home.topics[0]).toEqual({
      id: T.ebikeBan,
      title: '外卖电动车禁止进入小区，送餐只能步行 800 米',
      status: 'deliberating',
      statusLabel: '议事中',
      supportCount: 37,
      clockState: 'running',
      clockText: '还剩 8 天',
    })
    // a topic with more supporters, hidden after reports, does not show
    const id = await raise(cloud, freshAuthor(cloud), { title: '首页测试：一个被举报的议题' })
    cloud.db.insert('topics', [{ ...cloud.db.find('topics', { _id: id })[0], _id: 'tp-home-hidden', supportCount: 99, hidden: true }])
    const again = data(await cloud.call('home', 'getHome', {}, { openid: 'o-visitor-home' }))
    expect(again.topics.map((t) => t.id)).not.toContain('tp-home-hidden')
    expect(JSON.stringify(again.topics)).not.toMatch(/o-demo|supporters|followers/)
  })
})
