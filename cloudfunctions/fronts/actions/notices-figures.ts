/**
 * The poster's read figures: how many of the group (as it was when posted) read it and tapped 收到,
 * and who has not — from the notice's audience record (the members at posting time, each taken off
 * when they first read it), so no view reads every member of the group.
 */
import { _, row, rows } from '../../_lib/cloud'
import { isTown } from '../../_lib/guard'
import { displayName } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { type Doc, iso, num, str, strings } from '../../_lib/values'
import { cleanKey, deniedIn } from '../access'
import { frontsContract } from '../contract'
import { noticeRights } from '../present-notice'
import { mustNotice } from '../reads'
import { audiences, reads, users } from '../store'

const act = actionsOf(frontsContract)
const SHOWN = 200

async function unreadPeople(noticeId: string): Promise<{ people: { openid: string; name: string; at: null }[]; total: number }> {
  const audience = await row(audiences().where({ _id: noticeId }))
  const unread = strings(audience?.unread)
  const shown = unread.slice(0, SHOWN)
  const found = shown.length
    ? await rows(
        users()
          .where({ _id: _.in(shown) })
          .field({ nickname: true, deletedAt: true })
          .limit(SHOWN),
      )
    : []
  const byId = new Map(found.map((u) => [str(u._id), u]))
  return { people: shown.map((openid) => ({ openid, name: displayName(byId.get(openid)), at: null })), total: unread.length }
}

async function readers(
  noticeId: string,
  acked: boolean,
): Promise<{ people: { openid: string; name: string; at: string | null }[]; total: number }> {
  const where: Doc = { noticeId, ackAt: acked ? _.neq(null) : null }
  const [list, count] = await Promise.all([
    rows(
      reads()
        .where(where)
        .orderBy(acked ? 'ackAt' : 'readAt', 'desc')
        .limit(SHOWN),
    ),
    reads().where(where).count() as Promise<{ total: number }>,
  ])
  return {
    people: list.map((r) => ({ openid: str(r.openid), name: str(r.name, '骑手朋友'), at: iso(acked ? r.ackAt : r.readAt) })),
    total: count.total,
  }
}

export const noticeFigures = act('noticeFigures', {
  summary:
    '公告的阅读情况（作者、本群联络员、值班管理员）：发布时群里多少人、多少人看过、多少人点了收到；还没看的人、看了没点收到的人、点了收到的人',
  roles: ['anyone'],
  errors: ['NOT_FOUND'],
  scope: async (input, { caller, now }) => isTown(caller) || noticeRights(await mustNotice(input.noticeId), caller, now).canSeeFigures,
  onDenied: deniedIn('noticeFigures', async (p) => {
    const id = cleanKey(p.noticeId)
    return id ? str((await mustNotice(id).catch(() => null))?.groupId) || null : null
  }),
  async handler(input) {
    const n = await mustNotice(input.noticeId)
    const [shown, unread, acked] = await Promise.all([
      input.list === 'unread' ? unreadPeople(input.noticeId) : readers(input.noticeId, input.list === 'acked'),
      input.list === 'unread' ? null : unreadPeople(input.noticeId),
      reads()
        .where({ noticeId: input.noticeId, ackAt: _.neq(null) })
        .count() as Promise<{ total: number }>,
    ])
    const readCount = (await reads().where({ noticeId: input.noticeId }).count()) as { total: number }
    return {
      noticeId: input.noticeId,
      title: str(n.title),
      audience: num(n.audience),
      readCount: readCount.total,
      ackCount: acked.total,
      unreadCount: (unread ?? shown).total,
      list: input.list,
      people: shown.people,
      more: Math.max(0, shown.total - shown.people.length),
    }
  },
})
