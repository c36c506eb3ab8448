/**
 * The group's front page in one call and four database requests: the caller (the router), the group
 * (its micro-front part: settings, this week's reply figures, FAQ, activity), the liaison with every
 * admin whose term has not ended (one query), and the live notices — pinned first — each joined
 * with the caller's own read record (one aggregate).
 */
import { liveNoticesWithMine, mineOf } from '../../_domain/front-notices'
import { isAdminOf, isLiaisonOf, isMemberOf } from '../../_lib/guard'
import { templateId } from '../../_lib/notify'
import { displayName } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { isoShanghai, weekKey } from '../../_lib/time'
import { type Doc, num, str, strings } from '../../_lib/values'
import { canPostIn, canReadGroup } from '../access'
import { frontsContract } from '../contract'
import { noticeCard } from '../present-notice'
import { median } from '../question-model'
import { currentAndNext, liaisonAndComingAdmins, periodsIn } from '../roster-model'
import { serviceHoursText } from '../service-clock'
import { frontOf, groupIdOr, mustGroup } from '../store'

const act = actionsOf(frontsContract)
const SHOWN = { pinned: 3, recent: 5 }
/** Cards of notices read with `liveNoticesWithMine`; `member` false: the viewer's read state is not shown. */
export function cardsWithMine(list: Doc[], openid: string, member: boolean, now: Date) {
  return list.map((n) => {
    const mine = mineOf(n)
    const own = str(n.authorOpenid) === openid
    return noticeCard(n, now, member ? (mine ?? (own ? { ackAt: null } : null)) : undefined)
  })
}

export const getFront = act('getFront', {
  summary:
    '本群的微阵地首页：联络员和现在值班的人、置顶和最新公告（带我看没看过）、常见问题、本周首次回复用时中位数和回答数、群动态；不是本群成员 PERMISSION_DENIED',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  scope: (input, { caller }) => canReadGroup(caller, groupIdOr(input.groupId, caller.currentGroupId)),
  async handler(input, { caller, now }) {
    const groupId = groupIdOr(input.groupId, caller.currentGroupId)
    const member = isMemberOf(caller, groupId)
    const [group, people, list] = await Promise.all([
      mustGroup(groupId),
      liaisonAndComingAdmins(groupId, now),
      liveNoticesWithMine(groupId, caller.openid, now, SHOWN.pinned + SHOWN.recent + 4),
    ])
    const front = frontOf(group)
    const liaison = people.find((u) => strings(u.liaisonOf).includes(groupId))
    const { current, next } = currentAndNext(periodsIn(groupId, people), now)
    const cards = cardsWithMine(list, caller.openid, member, now)
    const thisWeek = front.week.key === weekKey(now)
    return {
      group: { id: groupId, name: str(group.name), memberCount: num(group.memberCount) },
      liaison: liaison ? { name: displayName(liaison) } : null,
      onDuty: current.flatMap((t) => t.admins.map((a) => ({ name: a.name }))),
      nextDuty: current.length || !next ? null : { names: next.admins.map((a) => a.name), start: next.start },
      pinned: cards.filter((c) => c.pinned).slice(0, SHOWN.pinned),
      recent: cards.filter((c) => !c.pinned).slice(0, SHOWN.recent),
      faq: front.faqTop,
      faqCount: front.faqCount,
      stats: {
        weekMedianReplyMinutes: thisWeek ? median(front.week.replyMinutes) : null,
        weekAnswered: thisWeek ? front.week.answered : 0,
        answeredTotal: front.answeredTotal,
        waitingNow: front.waiting,
      },
      activity: front.activity.map((a) => ({ kind: a.kind, text: a.text, at: isoShanghai(a.at) })),
      serviceHoursText: serviceHoursText(front.settings.serviceHours),
      targetMinutes: front.settings.replyTargetMinutes,
      me: {
        member,
        canPost: canPostIn(caller, groupId),
        isLiaison: isLiaisonOf(caller, groupId),
        isAdmin: isAdminOf(caller, groupId),
        onDuty: current.some((t) => t.admins.some((a) => a.openid === caller.openid)),
      },
      templates: { alerts: templateId('frontAlert'), answer: templateId('frontAnswer'), duty: templateId('frontDuty') },
    }
  },
})
