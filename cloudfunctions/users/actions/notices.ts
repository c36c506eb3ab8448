/** 我的 › 通知: the in-app notices kept for every message (a WeChat subscribe message may or may not have gone out). */
import { _, db, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { actionsOf } from '../../_lib/router'
import { type Doc, updatedCount } from '../../_lib/values'
import { usersContract } from '../contract'
import { noticeItem } from '../present'
import { unreadCount } from '../store'

const act = actionsOf(usersContract)
const notifications = () => db.collection(COLLECTION.notifications)

export const listMyNotices = act('listMyNotices', {
  summary: '我的站内通知（认证结果等），新的在前；标已读用 markNoticesRead',
  roles: ['anyone'],
  async handler(_input, { caller }) {
    const [list, unread] = await Promise.all([
      rows(notifications().where({ openid: caller.openid }).orderBy('createdAt', 'desc').limit(50)),
      unreadCount(caller.openid),
    ])
    return { unread, items: list.map(noticeItem) }
  },
})

export const markNoticesRead = act('markNoticesRead', {
  summary: '把我的站内通知标为已读（指定几条，或全部）；别人的通知不受影响',
  roles: ['anyone'],
  async handler(input, { caller, now }) {
    const where: Doc = { openid: caller.openid, read: false }
    if (input.ids) where._id = _.in(input.ids)
    const res = await notifications()
      .where(where)
      .update({ data: { read: true, readAt: now } })
    return { marked: updatedCount(res), unread: await unreadCount(caller.openid) }
  },
})
