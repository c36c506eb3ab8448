/** Reading notices: the detail (records the read), 收到, the group's list with my read state. */
import { _, rows } from '../../_lib/cloud'
import { denied } from '../../_lib/errors'
import { actionsOf } from '../../_lib/router'
import { type Doc, str } from '../../_lib/values'
import { canReadGroup } from '../access'
import { frontsContract } from '../contract'
import { noticeCard, noticeDetail } from '../present-notice'
import { acknowledge, countsAsReader, mustNotice, myReads, recordRead } from '../reads'
import { groupIdOr, notices } from '../store'

const act = actionsOf(frontsContract)
const PAGE = 20

export const getNotice = act('getNotice', {
  summary: '看一条公告（从群里的分享卡片打开也是这里）：群成员第一次看时记为已读；别的群的公告 PERMISSION_DENIED',
  roles: ['anyone'],
  errors: ['NOT_FOUND'],
  async handler(input, { caller, now }) {
    const n = await mustNotice(input.noticeId)
    if (!canReadGroup(caller, str(n.groupId))) throw denied('这是别的群的公告，加入那个群后才能看')
    let mine: Doc | null | undefined
    if (countsAsReader(n, caller)) {
      const read = n.state === 'withdrawn' ? null : await recordRead(n, caller, now)
      mine = read?.doc ?? null
      if (read?.created) n.readCount = Number(n.readCount ?? 0) + 1
    }
    return noticeDetail(n, caller, now, mine, str(n.groupName))
  },
})

export const ackNotice = act('ackNotice', {
  summary: '群成员对一条公告点“收到”：每人每条一次（再点是 CONFLICT，计数不变）；没看过的同时记为已读',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'CONFLICT', 'FAILED_PRECONDITION'],
  async handler(input, { caller, now }) {
    await acknowledge(await mustNotice(input.noticeId), caller, now)
    const n = await mustNotice(input.noticeId)
    return { acked: true as const, ackCount: Number(n.ackCount ?? 0), readCount: Number(n.readCount ?? 0) }
  },
})

/** `<createdAt ms>_<id>` of the last card of a page. */
function parseCursor(cursor: string | undefined): { t: Date; id: string } | null {
  const m = cursor ? /^(\d{1,15})_([\w-]{1,64})$/.exec(cursor) : null
  return m ? { t: new Date(Number(m[1])), id: m[2] } : null
}

export const listNotices = act('listNotices', {
  summary: '本群的公告，新的在前（默认只有有效的；include=all 连同过期和撤回的），一页 20 条，带我看没看过',
  roles: ['anyone'],
  errors: ['FAILED_PRECONDITION'],
  scope: (input, { caller }) => canReadGroup(caller, groupIdOr(input.groupId, caller.currentGroupId)),
  async handler(input, { caller, now }) {
    const groupId = groupIdOr(input.groupId, caller.currentGroupId)
    const conditions: Doc[] = [{ groupId }]
    if (input.include === 'live') conditions.push({ state: 'live', liveUntil: _.gt(now) })
    const after = parseCursor(input.cursor)
    if (after) conditions.push(_.or([{ createdAt: _.lt(after.t) }, { createdAt: after.t, _id: _.lt(after.id) }]) as unknown as Doc)
    const list = await rows(notices().where(_.and(conditions)).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(PAGE))
    const member = caller.groupIds.includes(groupId)
    const mine = member
      ? await myReads(
          list.map((n) => str(n._id)),
          caller.openid,
        )
      : new Map<string, Doc>()
    const items = list.map((n) =>
      noticeCard(n, now, member ? (mine.get(str(n._id)) ?? (str(n.authorOpenid) === caller.openid ? {} : null)) : undefined),
    )
    const last = list[list.length - 1]
    const nextCursor = list.length === PAGE && last ? `${(last.createdAt as Date).getTime()}_${str(last._id)}` : null
    return { items, nextCursor }
  },
})
