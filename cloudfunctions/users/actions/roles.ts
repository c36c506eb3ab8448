/** assignRole: one role change in one transaction, audited in its scope (the rules: roles-plan.ts). */
import { type AuditEntry, groupScope, recordDenied, roleState, writeAudit } from '../../_lib/audit'
import type { Caller } from '../../_lib/caller'
import { _ } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { notFound } from '../../_lib/errors'
import { actionsOf } from '../../_lib/router'
import { inTransaction, type Tx } from '../../_lib/transaction'
import { type Doc, strings, strOrNull } from '../../_lib/values'
import { usersContract } from '../contract'
import { cleanKey } from '../denied'
import { livingUser } from '../store'
import {
  type AssignInput,
  assertMayAssign,
  auditAction,
  changeScope,
  checkAssignPreconditions,
  isRemoval,
  plan,
  sameState,
} from './roles-plan'

const act = actionsOf(usersContract)

export const assignRole = act('assignRole', {
  summary:
    '授予或收回角色。联络员只管自己的群：本群轮值管理员，把成员移出本群（targetRole rider + 本群 scopeId：只影响本群，连同本群的管理员和值班）；镇里管联络员、站点人员、镇里账号，并且只有镇里能收回小哥认证（不带 scopeId，全镇生效）；不能改自己；每次变更写入它所在群/驿站/食堂的变更记录，被拒绝的尝试也记下（每人每分钟一条）',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  onDenied: (params, ctx) =>
    recordDenied(
      {
        targetOpenid: cleanKey(params.targetOpenid),
        action: auditAction(params),
        role: cleanKey(params.targetRole),
        scope: changeScope(params),
      },
      ctx,
    ),
  async handler(input, { caller, now }) {
    assertMayAssign(caller, input)
    const target = await livingUser(input.targetOpenid)
    if (!target) throw notFound('没有找到这个人')
    await checkAssignPreconditions(input, target)
    return inTransaction((t) => applyChange(t, input, caller, now))
  },
})

async function applyChange(t: Tx, input: AssignInput, caller: Caller, now: Date): Promise<{ changed: boolean; roles: string[] }> {
  const users = t.collection(COLLECTION.users)
  const current = (await users.doc(input.targetOpenid).get()).data
  const before = roleState(current)
  const { after, groupIds, currentGroupId } = plan(current, input)
  const wasMember = strings(current.groupIds)
  if (sameState(before, after, wasMember, groupIds)) return { changed: false, roles: after.roles }
  const { roles, liaisonOf, adminOf, staffOf, verification, duty } = after
  const data = { roles, liaisonOf, adminOf, staffOf, verification, dutyPeriods: duty, groupIds, currentGroupId, updatedAt: now }
  await users.doc(input.targetOpenid).update({ data })
  if (input.targetRole === 'liaison') await handOver(t, input, before.liaisonOf, wasMember, caller, now)
  if (isRemoval(input))
    await t
      .collection(COLLECTION.groups)
      .doc(input.scopeId as string)
      .update({ data: { memberCount: _.inc(-1) } })
  const entry: AuditEntry = {
    actorOpenid: caller.openid,
    targetOpenid: input.targetOpenid,
    action: auditAction(input),
    role: input.targetRole,
    scope: changeScope(input),
    outcome: 'applied',
    before,
    after,
  }
  await writeAudit(entry, now, t)
  return { changed: true, roles: after.roles }
}

/** The groups whose liaison changes: the new liaison takes over, the previous one hands over (audited too). */
async function handOver(t: Tx, input: AssignInput, heldBefore: string[], wasMember: string[], caller: Caller, now: Date): Promise<void> {
  const groups = t.collection(COLLECTION.groups)
  const users = t.collection(COLLECTION.users)
  for (const gid of input.scopeId ? [input.scopeId] : heldBefore) {
    const g = (await groups.doc(gid).get()).data
    const data: Doc = {}
    if (input.grant) data.liaisonOpenid = input.targetOpenid
    else if (g.liaisonOpenid === input.targetOpenid) data.liaisonOpenid = null
    if (input.grant && !wasMember.includes(gid)) data.memberCount = _.inc(1)
    if (Object.keys(data).length) await groups.doc(gid).update({ data })
    const prev = strOrNull(g.liaisonOpenid)
    if (!input.grant || !prev || prev === input.targetOpenid) continue
    const p = (await users.doc(prev).get()).data
    const before = roleState(p)
    const liaisonOf = before.liaisonOf.filter((x) => x !== gid)
    const roles = liaisonOf.length ? before.roles : before.roles.filter((r) => r !== 'liaison')
    await users.doc(prev).update({ data: { liaisonOf, roles, updatedAt: now } })
    const after = { ...before, liaisonOf, roles }
    const note = '联络员已转交给别人'
    await writeAudit(
      {
        actorOpenid: caller.openid,
        targetOpenid: prev,
        action: 'revoke',
        role: 'liaison',
        scope: groupScope(gid),
        outcome: 'applied',
        before,
        after,
        note,
      },
      now,
      t,
    )
  }
}
