/**
 * 我的值班 — the admin's own page: the term I am on (with whom), my next one, who takes over after me,
 * what to do while on duty (the liaison's checklist), the handover from the previous term and mine
 * for the next, my swaps, my coming periods (to offer in a swap).
 */
import { _, rows } from '../../_lib/cloud'
import { isDutyNow } from '../../_lib/duty'
import { isAdminOf, isMemberOf } from '../../_lib/guard'
import { templateId } from '../../_lib/notify'
import { actionsOf } from '../../_lib/router'
import { isoShanghai } from '../../_lib/time'
import { str, strings } from '../../_lib/values'
import { frontsContract } from '../contract'
import { handoverById, handoverId, handoverInto, handoverView } from '../handover-model'
import { groupAdmins, periodsIn, termOfPeriod, termsOf } from '../roster-model'
import { countOf, frontOf, groupIdOr, mustGroup, notices, swaps } from '../store'
import { OPEN_SWAP_STATES, swapView } from '../swap-model'

const act = actionsOf(frontsContract)

export const myTerm = act('myTerm', {
  summary: '我的值班（轮值管理员）：正在值的班和同班的人、下一班、之后谁接班、值班要做的事、上一班的交接、我写的交接、换班',
  roles: ['anyone'],
  errors: ['FAILED_PRECONDITION', 'NOT_FOUND'],
  scope: (input, { caller }) => isMemberOf(caller, groupIdOr(input.groupId, caller.currentGroupId)),
  async handler(input, { caller, now }) {
    const groupId = groupIdOr(input.groupId, caller.currentGroupId)
    const mine = isAdminOf(caller, groupId) ? caller.dutyPeriods.filter((p) => p.groupId === groupId) : []
    const currentPeriod = mine.find((p) => isDutyNow(p, now)) ?? null
    const coming = mine.filter((p) => p.start.getTime() > now.getTime()).sort((a, b) => a.start.getTime() - b.start.getTime())
    const [group, admins, openSwaps, posted] = await Promise.all([
      mustGroup(groupId),
      groupAdmins(groupId),
      rows(
        swaps()
          .where(_.and([{ groupId, state: _.in(OPEN_SWAP_STATES) }, _.or([{ fromOpenid: caller.openid }, { toOpenid: caller.openid }])]))
          .limit(20),
      ),
      currentPeriod ? countOf(notices().where({ groupId, authorOpenid: caller.openid, createdAt: _.gte(currentPeriod.start) })) : 0,
    ])
    const periods = periodsIn(groupId, admins)
    const mineShown = currentPeriod ?? coming[0] ?? null
    const after = mineShown ? (termsOf(periods, now).find((t) => Date.parse(t.start) >= mineShown.end.getTime()) ?? null) : null
    const [into, out] = await Promise.all([
      mineShown ? handoverInto(groupId, mineShown.start) : null,
      currentPeriod ? handoverById(handoverId(groupId, currentPeriod.end)) : null,
    ])
    const settings = frontOf(group).settings
    return {
      openid: caller.openid,
      groupId,
      groupName: str(group.name),
      isAdmin: isAdminOf(caller, groupId),
      onDuty: Boolean(currentPeriod),
      current: currentPeriod ? termOfPeriod(currentPeriod, periods, now) : null,
      next: coming[0] ? termOfPeriod(coming[0], periods, now) : null,
      after,
      todo: settings.dutyChecklist,
      handoverIn: into && !strings(into.fromOpenids).includes(caller.openid) ? handoverView(into) : null,
      handoverOut: out ? handoverView(out) : null,
      handoverChecklist: settings.handoverChecklist,
      swaps: openSwaps.map(swapView),
      myPeriods: coming.map((p) => ({ periodId: p.id, start: isoShanghai(p.start), end: isoShanghai(p.end) })),
      postedThisTerm: posted,
      dutyTemplate: templateId('frontDuty'),
    }
  },
})
