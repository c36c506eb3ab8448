/** A verification decision reaching the person: their rider role, the group's audit trail, the notice. */
import { groupScope, type RoleState, writeAudit } from '../../_lib/audit'
import { _ } from '../../_lib/cloud'
import { notify } from '../../_lib/notify'
import { dateTimeText } from '../../_lib/time'
import { type Doc, str, updatedCount } from '../../_lib/values'
import { users } from '../store'

export interface Decision {
  v: Doc
  before: RoleState
  approve: boolean
  reason: string | null
  actor: string
}

/**
 * Apply the decision to the request the person still has open (not after deleting the profile or
 * a newer request), then record it in the group's audit log and tell the person.
 */
export async function applyDecision({ v, before, approve, reason, actor }: Decision, now: Date): Promise<void> {
  const openid = str(v.openid)
  const id = str(v._id)
  const data: Doc = approve
    ? {
        roles: _.addToSet('rider'),
        verification: 'approved',
        verificationReason: null,
        workType: v.workType,
        platform: v.platform,
        verifiedAt: now,
      }
    : { verification: 'rejected', verificationReason: reason }
  const applied = await users()
    .where({ _id: openid, verificationId: id, deletedAt: _.exists(false) })
    .update({ data: { ...data, updatedAt: now } })
  if (updatedCount(applied) !== 1) return
  const after: RoleState = approve
    ? { ...before, roles: before.roles.includes('rider') ? before.roles : [...before.roles, 'rider'], verification: 'approved' }
    : { ...before, verification: 'rejected' }
  const scope = groupScope(str(v.groupId))
  await writeAudit(
    { actorOpenid: actor, targetOpenid: openid, action: 'verify', role: 'rider', scope, outcome: 'applied', before, after, note: reason },
    now,
  )
  await notify(
    {
      to: openid,
      template: 'verificationResult',
      text: approve ? '你的小哥认证已通过，可以使用小哥专属的服务了。' : `你的小哥认证未通过：${reason}。可以补充材料后重新申请。`,
      page: 'pages/me/index',
      data: {
        phrase1: { value: approve ? '已通过' : '未通过' },
        thing2: { value: (approve ? '认证已通过' : (reason ?? '请补充材料')).slice(0, 20) },
        time3: { value: dateTimeText(now) },
      },
    },
    now,
  )
}
