/**
 * The duty roster: everyone in the group sees who is on duty now and the coming terms; the liaison
 * also sees the pool of admins and the swaps waiting for approval, and plans a term for one or more
 * admins at once (all or nothing: one overlap refuses the whole term). Privileges start and end with
 * the term by themselves: the router decides "on duty" at each call's instant.
 */

import { addPeriodTx } from '../../_domain/front-duty'
import { _, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { type DutyPeriod, dutyPeriodsOf, isDutyNow, MAX_DUTY_DAYS, overlaps } from '../../_lib/duty'
import { conflict, denied, invalid, notFound, precondition } from '../../_lib/errors'
import { isLiaisonOf } from '../../_lib/guard'
import { newId } from '../../_lib/ids'
import { displayName, isVerified } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { DAY_MS, isoShanghai } from '../../_lib/time'
import { inTransaction } from '../../_lib/transaction'
import { type Doc, str, strings } from '../../_lib/values'
import { canReadGroup, cleanKey, deniedIn } from '../access'
import { frontsContract } from '../contract'
import { groupAdmins, periodsIn, termsOf } from '../roster-model'
import { groupIdOr, mustGroup, swaps, users } from '../store'
import { swapView } from '../swap-model'
import { tellAdmin } from '../tell'

const act = actionsOf(frontsContract)
/** Ended terms shown besides the current and coming ones. */
const PAST_SHOWN = 4

export const roster = act('roster', {
  summary: '本群的值班表：现在谁在值班、接下来的班和最近结束的几班；联络员还看到轮值管理员名单和等批准的换班',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  scope: (input, { caller }) => canReadGroup(caller, groupIdOr(input.groupId, caller.currentGroupId)),
  async handler(input, { caller, now }) {
    const groupId = groupIdOr(input.groupId, caller.currentGroupId)
    const liaison = isLiaisonOf(caller, groupId)
    const [group, admins, pending] = await Promise.all([
      mustGroup(groupId),
      groupAdmins(groupId),
      liaison
        ? rows(
            swaps()
              .where({ groupId, state: _.in(['proposed', 'accepted']) })
              .orderBy('createdAt', 'desc')
              .limit(50),
          )
        : Promise.resolve([] as Doc[]),
    ])
    const periods = periodsIn(groupId, admins)
    const terms = termsOf(periods, now)
    const ended = terms.filter((t) => t.ended)
    const shown = [...ended.slice(-PAST_SHOWN), ...terms.filter((t) => !t.ended)]
    const pool = liaison
      ? admins
          .filter((u) => strings(u.roles).includes('admin') && !u.deletedAt)
          .map((u) => {
            const mine = dutyPeriodsOf(u).filter((p) => p.groupId === groupId)
            const next = mine.filter((p) => p.start.getTime() > now.getTime()).sort((a, b) => a.start.getTime() - b.start.getTime())[0]
            return {
              openid: str(u._id),
              name: displayName(u),
              onDuty: mine.some((p) => isDutyNow(p, now)),
              nextStart: next ? isoShanghai(next.start) : null,
              servedTerms: mine.filter((p) => p.end.getTime() <= now.getTime()).length,
            }
          })
      : []
    return {
      groupId,
      groupName: str(group.name),
      onDutyNow: terms.filter((t) => t.current).flatMap((t) => t.admins),
      terms: shown,
      pool,
      swaps: pending.map(swapView),
      canEdit: liaison,
    }
  },
})

/** The people to appoint: living, in the group, verified; never the liaison themself. */
async function appointees(groupId: string, openids: string[], callerOpenid: string): Promise<Doc[]> {
  if (openids.includes(callerOpenid)) throw denied('不能给自己排班')
  const found = await rows(
    users()
      .where({ _id: _.in(openids) })
      .limit(openids.length),
  )
  const byId = new Map(found.map((u) => [str(u._id), u]))
  return openids.map((openid) => {
    const u = byId.get(openid)
    if (!u || u.deletedAt) throw notFound('没有找到要安排的人')
    if (!strings(u.groupIds).includes(groupId)) throw precondition(`${displayName(u)} 还不在这个群里`)
    if (!isVerified(u)) throw precondition(`${displayName(u)} 还没有通过小哥认证，认证后才能当轮值管理员`)
    return u
  })
}

export const planTerm = act('planTerm', {
  summary:
    '联络员为本群安排一班：一段时间 [开始, 结束) 和一位或几位轮值管理员（第一次安排即任命）；有人时间重叠则整班不安排；被安排的人收到通知；记入本群的变更记录',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONFLICT'],
  scope: (input, { caller }) => isLiaisonOf(caller, input.groupId),
  onDenied: deniedIn('planTerm', (p) => cleanKey(p.groupId)),
  async handler(input, { caller, now }) {
    const { groupId, start, end } = input
    if (end.getTime() - start.getTime() > MAX_DUTY_DAYS * DAY_MS) throw invalid(`一班最长 ${MAX_DUTY_DAYS} 天`, { field: 'end' })
    if (end.getTime() <= now.getTime()) throw precondition('这段时间已经过去了')
    const group = await mustGroup(groupId)
    const people = await appointees(groupId, input.admins, caller.openid)
    const planned = people.map((u) => ({
      openid: str(u._id),
      name: displayName(u),
      period: { id: newId('duty-'), groupId, start, end } as DutyPeriod,
    }))
    await inTransaction(async (t) => {
      for (const p of planned) {
        const held = dutyPeriodsOf((await t.collection(COLLECTION.users).doc(p.openid).get()).data)
        if (held.some((h) => h.groupId === groupId && overlaps(h, p.period))) throw conflict(`${p.name} 在这段时间已经有班了`)
      }
      for (const p of planned) await addPeriodTx(t, p.openid, p.period, { actorOpenid: caller.openid, action: 'dutyAdd' }, now)
    })
    const names = planned.map((p) => p.name).join('、')
    for (const p of planned) {
      const partners = planned.length > 1 ? `，同班：${names}` : ''
      await tellAdmin(
        p.openid,
        str(group.name),
        start,
        '你被安排值班',
        `你被安排在“${str(group.name)}”值班${partners}。值班期间可以发群公告，详见「我的值班」。`,
        now,
      )
    }
    return termsOf(planned, now)[0]
  },
})
