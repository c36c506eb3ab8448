/** Duty periods of group administrators (1+X rotation), kept by the group's liaison (or town). */
import { groupScope, recordDenied, roleState, writeAudit } from '../../_lib/audit'
import { COLLECTION } from '../../_lib/collections'
import { type DutyPeriod, dutyPeriodsOf, MAX_DUTY_DAYS, overlaps, prunePeriods } from '../../_lib/duty'
import { conflict, denied, invalid, notFound, precondition } from '../../_lib/errors'
import { isLiaisonOf, liaisonOfInput } from '../../_lib/guard'
import { newId } from '../../_lib/ids'
import { isVerified } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { DAY_MS } from '../../_lib/time'
import { inTransaction } from '../../_lib/transaction'
import { type Doc, strings } from '../../_lib/values'
import { usersContract } from '../contract'
import { cleanKey } from '../denied'
import { dutyItem } from '../present'
import { groupById, livingUser } from '../store'

const act = actionsOf(usersContract)

async function dutyTarget(targetOpenid: string, callerOpenid: string): Promise<Doc> {
  if (targetOpenid === callerOpenid) throw denied('不能修改自己的角色')
  const target = await livingUser(targetOpenid)
  if (!target) throw notFound('没有找到这个人')
  return target
}

export const addDutyPeriod = act('addDutyPeriod', {
  summary:
    '联络员为本群安排轮值管理员的值班时段 [开始, 结束)（镇里可为任何群安排）；第一次安排即任命为管理员；同一人同一群的时段不能重叠；记入本群的变更记录',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONFLICT'],
  scope: liaisonOfInput((i) => i.groupId),
  onDenied: (params, ctx) =>
    recordDenied(
      { targetOpenid: cleanKey(params.targetOpenid), action: 'dutyAdd', role: 'admin', scope: groupScope(cleanKey(params.groupId)) },
      ctx,
    ),
  async handler(input, { caller, now }) {
    const { groupId, start, end } = input
    if (end.getTime() - start.getTime() > MAX_DUTY_DAYS * DAY_MS) throw invalid(`一次值班最长 ${MAX_DUTY_DAYS} 天`, { field: 'end' })
    if (end.getTime() <= now.getTime()) throw precondition('这个时段已经过去了')
    const target = await dutyTarget(input.targetOpenid, caller.openid)
    if (!(await groupById(groupId))) throw notFound('群不存在')
    if (!strings(target.groupIds).includes(groupId)) throw precondition('对方还不在这个群里')
    if (!isVerified(target)) throw precondition('轮值管理员需要先通过小哥认证')
    const period: DutyPeriod = { id: newId('duty-'), groupId, start, end }
    // The transaction reads and writes the person's document: two overlapping appointments at once
    // are serialised on it (a conflict retries), so the second sees the first and is refused.
    const outcome = await inTransaction(async (t) => {
      const users = t.collection(COLLECTION.users)
      const before = roleState((await users.doc(input.targetOpenid).get()).data)
      if (before.duty.some((p) => p.groupId === groupId && overlaps(p, period))) return 'overlap'
      const adminOf = before.adminOf.includes(groupId) ? before.adminOf : [...before.adminOf, groupId]
      const roles = before.roles.includes('admin') ? before.roles : [...before.roles, 'admin']
      const duty = prunePeriods([...before.duty, period], now)
      await users.doc(input.targetOpenid).update({ data: { roles, adminOf, dutyPeriods: duty, updatedAt: now } })
      const after = { ...before, roles, adminOf, duty }
      const entry = {
        actorOpenid: caller.openid,
        targetOpenid: input.targetOpenid,
        action: 'dutyAdd',
        role: 'admin',
        scope: groupScope(groupId),
      }
      await writeAudit({ ...entry, outcome: 'applied', before, after }, now, t)
      return 'added'
    })
    if (outcome === 'overlap') throw conflict('和这个人在本群已有的值班时段重叠了')
    return { period: dutyItem(period, now) }
  },
})

async function periodOwner(params: { targetOpenid?: unknown; periodId?: unknown }): Promise<{ period: DutyPeriod } | null> {
  const openid = cleanKey(params.targetOpenid)
  const periodId = cleanKey(params.periodId)
  if (!openid || !periodId) return null
  const period = dutyPeriodsOf(await livingUser(openid)).find((p) => p.id === periodId)
  return period ? { period } : null
}

export const removeDutyPeriod = act('removeDutyPeriod', {
  summary: '联络员取消本群某人的一个值班时段（仍是管理员；取消管理员用 assignRole）；记入本群的变更记录',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND'],
  async scope(input, { caller }) {
    const found = await periodOwner(input)
    if (!found) throw notFound('没有找到这个值班时段')
    return isLiaisonOf(caller, found.period.groupId)
  },
  async onDenied(params, ctx) {
    const found = await periodOwner(params).catch(() => null)
    const scope = groupScope(found?.period.groupId)
    await recordDenied(
      { targetOpenid: cleanKey(params.targetOpenid), action: 'dutyRemove', role: 'admin', scope, note: cleanKey(params.periodId) },
      ctx,
    )
  },
  async handler(input, { caller, now }) {
    await dutyTarget(input.targetOpenid, caller.openid)
    const removed = await inTransaction(async (t) => {
      const users = t.collection(COLLECTION.users)
      const before = roleState((await users.doc(input.targetOpenid).get()).data)
      const period = before.duty.find((p) => p.id === input.periodId)
      if (!period) return false
      const duty = before.duty.filter((p) => p.id !== input.periodId)
      await users.doc(input.targetOpenid).update({ data: { dutyPeriods: duty, updatedAt: now } })
      const entry = {
        actorOpenid: caller.openid,
        targetOpenid: input.targetOpenid,
        action: 'dutyRemove',
        role: 'admin',
        scope: groupScope(period.groupId),
      }
      await writeAudit({ ...entry, outcome: 'applied', before, after: { ...before, duty } }, now, t)
      return true
    })
    return { removed }
  },
})
