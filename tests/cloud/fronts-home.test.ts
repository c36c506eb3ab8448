/**
 * 首页 (home.getHome) shows the current group's micro-front: its pinned and latest live notices with
 * whether I have read each (each opens the notice page), or nothing for someone in no group.
 */
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { KANGQIAO, rid, SUN, WANG, WU, ZHANG, ZHAO, ZHOUPU } from './fronts-helpers'
import { data } from './helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

const N = DEMO.front.notice
const home = async (as: string) => data(await cloud.call('home', 'getHome', {}, { openid: as })).front

test('the current group’s pinned and latest notices, read or not, with the way to its front', async () => {
  const f = await home(ZHANG)
  expect(f).toMatchObject({ groupId: ZHOUPU, groupName: '周浦万达骑手之家群', unread: 0 })
  expect(f?.pinned.map((n) => [n.id, n.category, n.read])).toEqual([[N.storm, 'safety', true]])
  expect(f?.latest.map((n) => n.id)).toEqual([N.nightSchool, N.insurance])
  const newcomer = await home(ZHAO)
  expect(newcomer?.unread).toBe(3)
  expect(newcomer?.pinned[0]).toMatchObject({ id: N.storm, read: false, authorName: '王强' })
  // reading it on the notice page is what 首页 shows next
  data(await cloud.call('fronts', 'getNotice', { noticeId: N.storm }, { openid: ZHAO }))
  expect((await home(ZHAO))?.pinned[0].read).toBe(true)
  // the author has read their own
  expect((await home(WANG))?.pinned[0].read).toBe(true)
})

test('a new notice appears first among the latest; someone in no group gets no card; 吴涛 sees his current group', async () => {
  const { id } = data(
    await cloud.call(
      'fronts',
      'postNotice',
      { groupId: ZHOUPU, title: '今晚十点后万达驿站暂停充电', body: '线路检修，明早恢复。', category: 'notice', requestId: rid() },
      { openid: WANG },
    ),
  )
  expect((await home(ZHANG))?.latest[0]).toMatchObject({ id, read: false, title: '今晚十点后万达驿站暂停充电' })
  expect(await home('o-someone-new')).toBeNull()
  expect(await home(WU)).toMatchObject({ groupId: KANGQIAO, pinned: [], latest: [] })
  expect((await home(SUN))?.groupId).toBe(KANGQIAO)
})
