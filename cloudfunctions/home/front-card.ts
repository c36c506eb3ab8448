/**
 * 首页's micro-front card: the current group's pinned and latest live notices, each with whether the
 * caller has read it — the group document and one aggregate (shared with the fronts function in
 * _domain/front-notices), read in parallel with the stations.
 */
import { liveNoticesWithMine, mineOf } from '../_domain/front-notices'
import type { Caller } from '../_lib/caller'
import { db, row } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { isoShanghai } from '../_lib/time'
import { iso, str } from '../_lib/values'
import type { HomeFront, HomeNotice } from './contract'

const CATEGORIES = ['notice', 'activity', 'safety', 'mutual'] as const

export async function frontCard(caller: Caller, now: Date): Promise<HomeFront | null> {
  const groupId = caller.currentGroupId
  if (!groupId) return null
  const [group, list] = await Promise.all([
    row(db.collection(COLLECTION.groups).where({ _id: groupId })),
    liveNoticesWithMine(groupId, caller.openid, now, 8),
  ])
  if (!group) return null
  const cards: HomeNotice[] = list.map((n) => {
    const category = CATEGORIES.find((c) => c === n.category) ?? 'notice'
    return {
      id: str(n._id),
      title: str(n.title),
      category,
      pinned: Boolean(n.pinned),
      createdAt: iso(n.createdAt) ?? isoShanghai(0),
      authorName: str(n.authorName, '管理员'),
      read: str(n.authorOpenid) === caller.openid || mineOf(n) !== null,
    }
  })
  return {
    groupId,
    groupName: str(group.name),
    pinned: cards.filter((c) => c.pinned).slice(0, 2),
    latest: cards.filter((c) => !c.pinned).slice(0, 3),
    unread: cards.filter((c) => !c.read).length,
  }
}
