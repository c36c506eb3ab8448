/**
 * The handover: while on duty, the outgoing admin(s) write a note and tick a checklist for the next
 * term ("交班"), the incoming admin confirms it ("接班"); the liaison reads the history. The note is
 * content-checked (others read it).
 */
import { _, rows } from '../../_lib/cloud'
import { checkTexts } from '../../_lib/content'
import { isDutyNow } from '../../_lib/duty'
import { notFound, precondition } from '../../_lib/errors'
import { isAdminOf, isLiaisonOf, isOnDutyAdminOf } from '../../_lib/guard'
import { displayName } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { type Doc, isDuplicateKey, str, strings, updatedCount } from '../../_lib/values'
import { frontsContract } from '../contract'
import { handoverById, handoverId, handoverView } from '../handover-model'
import { groupAdmins, periodsIn, termsOf } from '../roster-model'
import { addActivity, groupIdOr, handovers } from '../store'
import { TERM_PAGE, tellInApp } from '../tell'

const act = actionsOf(frontsContract)

export const writeHandover = act('writeHandover', {
  summary: '值班中的管理员给下一班写交接说明、勾交班清单；先存草稿或直接交班（通知下一班的人）；接班确认后不能再改',
  roles: ['admin'],
  errors: ['FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  scope: (input, { caller }) => isOnDutyAdminOf(caller, input.groupId),
  async handler(input, { caller, now }) {
    const current = caller.dutyPeriods.find((p) => p.groupId === input.groupId && isDutyNow(p, now))
    if (!current) throw precondition('你现在不在值班')
    await checkTexts({ note: input.note, items: input.items.map((i) => i.text).join('；') }, { openid: caller.openid, scene: 'comment' })
    const id = handoverId(input.groupId, current.end)
    const name = displayName(caller.profile)
    const periods = periodsIn(input.groupId, await groupAdmins(input.groupId))
    const next = termsOf(periods, now).find((t) => Date.parse(t.start) >= current.end.getTime() - 1 && !t.current)
    const handed = input.submit ? { state: 'handed', handedAt: now, toNames: next?.admins.map((a) => a.name) ?? [] } : { state: 'draft' }
    const data: Doc = { note: input.note, items: input.items, updatedAt: now, ...handed }
    try {
      await handovers().add({
        data: {
          _id: id,
          groupId: input.groupId,
          startAt: current.end,
          fromOpenids: [caller.openid],
          fromNames: [name],
          toNames: [],
          createdAt: now,
          ...data,
        },
      })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      const res = await handovers()
        .where({ _id: id, state: _.neq('confirmed') })
        .update({ data: { ...data, fromOpenids: _.addToSet(caller.openid), fromNames: _.addToSet(name) } })
      if (updatedCount(res) !== 1) throw precondition('下一班已经确认接班了，不能再改')
    }
    if (input.submit) {
      for (const a of next?.admins ?? []) {
        if (a.openid !== caller.openid) await tellInApp(a.openid, '交接班', `${name}给你留了交接说明，接班前看一看`, TERM_PAGE, now)
      }
    }
    return handoverView((await handoverById(id)) as Doc)
  },
})

export const confirmHandover = act('confirmHandover', {
  summary: '接班的管理员确认看过交接（“接班”）；交班的人收到通知',
  roles: ['admin'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  async handler(input, { caller, now }) {
    const h = await handoverById(input.handoverId)
    if (!h || !isAdminOf(caller, str(h.groupId))) throw notFound('没有找到这份交接')
    if (strings(h.fromOpenids).includes(caller.openid)) throw precondition('这是你写的交接')
    if (h.state === 'draft') throw precondition('上一班还没交班')
    const name = displayName(caller.profile)
    const res = await handovers()
      .where({ _id: input.handoverId, state: 'handed' })
      .update({ data: { state: 'confirmed', confirmedAt: now, confirmedBy: caller.openid, confirmedByName: name } })
    if (updatedCount(res) !== 1) throw precondition('已经确认接班了')
    for (const openid of strings(h.fromOpenids)) await tellInApp(openid, '已接班', `${name}确认接班了`, TERM_PAGE, now)
    await addActivity(str(h.groupId), 'handover', `${strings(h.fromNames).join('、')} 和 ${name} 完成了交接班`, now)
    return handoverView((await handoverById(input.handoverId)) as Doc)
  },
})

export const handoversList = act('handovers', {
  summary: '本群的交接班记录，新的在前（联络员）',
  roles: ['liaison', 'town'],
  scope: (input, { caller }) => isLiaisonOf(caller, groupIdOr(input.groupId, caller.currentGroupId)),
  async handler(input, { caller }) {
    const list = await rows(
      handovers()
        .where({ groupId: groupIdOr(input.groupId, caller.currentGroupId) })
        .orderBy('startAt', 'desc')
        .limit(30),
    )
    return { items: list.map(handoverView) }
  },
})
