/**
 * Invites for riders who cannot open the app from the group card: a random token (only its hash is
 * stored), an expiry, a use limit (default INVITE_USES.default, at most INVITE_USES.max people), and
 * a life tied to its maker: an invite made by a liaison dies when they stop being that group's
 * liaison (one made by town, when they stop being town) — checked at join time.
 */
import { groupScope, recordDenied, writeAudit } from '../../_lib/audit'
import { bootstrapTownOpenids } from '../../_lib/caller'
import { _, db, row } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { exhausted, notFound, precondition } from '../../_lib/errors'
import { liaisonOfInput } from '../../_lib/guard'
import { hashToken, randomToken } from '../../_lib/ids'
import { actionsOf } from '../../_lib/router'
import { dateTimeText, HOUR_MS, isoShanghai } from '../../_lib/time'
import { type Doc, num, str, strings, updatedCount } from '../../_lib/values'
import { INVITE_PAGE, INVITE_USES, usersContract } from '../contract'
import { cleanKey } from '../denied'
import { ensureProfile, groupById, joinGroup, livingUser } from '../store'

const act = actionsOf(usersContract)
const invites = () => db.collection(COLLECTION.group_invites)

export const createInvite = act('createInvite', {
  summary: `联络员生成本群的邀请码（随机口令，只存哈希；默认 72 小时、${INVITE_USES.default} 人，最多 ${INVITE_USES.max} 人；联络员不再负责本群时失效），给无法从群里打开的小哥；记入本群的变更记录`,
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND'],
  scope: liaisonOfInput((i) => i.groupId),
  onDenied: (params, ctx) => recordDenied({ action: 'inviteCreate', role: 'liaison', scope: groupScope(cleanKey(params.groupId)) }, ctx),
  async handler(input, { caller, now }) {
    if (!(await groupById(input.groupId))) throw notFound('群不存在')
    const token = randomToken()
    const expiresAt = new Date(now.getTime() + input.hours * HOUR_MS)
    const createdAs = caller.liaisonOf.includes(input.groupId) ? 'liaison' : 'town'
    await invites().add({
      data: {
        _id: hashToken(token),
        groupId: input.groupId,
        createdBy: caller.openid,
        createdAs,
        createdAt: now,
        expiresAt,
        maxUses: input.maxUses,
        uses: 0,
      },
    })
    await writeAudit(
      {
        actorOpenid: caller.openid,
        action: 'inviteCreate',
        role: createdAs,
        scope: groupScope(input.groupId),
        outcome: 'applied',
        note: `最多 ${input.maxUses} 人，${dateTimeText(expiresAt)} 前有效`,
      },
      now,
    )
    return { token, path: `${INVITE_PAGE}?t=${token}`, expiresAt: isoShanghai(expiresAt), maxUses: input.maxUses }
  },
})

/** The maker still holds the power the invite was made with. */
async function makerStillEntitled(invite: Doc): Promise<boolean> {
  const makerId = str(invite.createdBy)
  const maker = await livingUser(makerId)
  const isTownNow = bootstrapTownOpenids().has(makerId) || strings(maker?.roles).includes('town')
  const isLiaisonNow = strings(maker?.roles).includes('liaison') && strings(maker?.liaisonOf).includes(str(invite.groupId))
  if (invite.createdAs === 'town') return isTownNow
  if (invite.createdAs === 'liaison') return isLiaisonNow
  return isTownNow || isLiaisonNow
}

/** An invite that may still be used, or the reason it may not. */
async function usableInvite(token: string, now: Date): Promise<{ invite: Doc; group: Doc }> {
  const invite = await row(invites().where({ _id: hashToken(token) }))
  if (!invite) throw notFound('邀请码无效，请向联络员要新的')
  if (!(invite.expiresAt instanceof Date) || invite.expiresAt.getTime() <= now.getTime())
    throw precondition('邀请码已过期，请向联络员要新的')
  const group = await groupById(str(invite.groupId))
  if (!group) throw notFound('这个群已不存在')
  if (!(await makerStillEntitled(invite))) throw precondition('这个邀请码已失效：发邀请的人已不再负责这个群，请向现在的联络员要新的')
  return { invite, group }
}

/** Take one use of the invite: false when it is full (never more than its limit, also when many join at once). */
async function takeUse(invite: Doc): Promise<boolean> {
  const max = num(invite.maxUses, INVITE_USES.default)
  const res = await invites()
    .where(_.and([{ _id: str(invite._id) }, _.or([{ uses: _.lt(max) }, { uses: _.exists(false) }])]))
    .update({ data: { uses: _.inc(1) } })
  return updatedCount(res) === 1
}

const giveBack = (invite: Doc) =>
  invites()
    .where({ _id: str(invite._id) })
    .update({ data: { uses: _.inc(-1) } })

export const joinByInvite = act('joinByInvite', {
  summary: '凭联络员的邀请码加入群（过期、用满或发邀请的人不再负责这个群时不能用）',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'RESOURCE_EXHAUSTED'],
  async handler(input, { caller, now }) {
    const { invite, group } = await usableInvite(input.token, now)
    const groupId = str(group._id)
    const ref = { id: groupId, name: str(group.name) }
    const profile = await ensureProfile(caller.openid, caller.profile, now)
    if (strings(profile.groupIds).includes(groupId)) {
      await joinGroup(caller.openid, groupId, now) // makes it the current group
      return { status: 'member' as const, group: ref, canClaim: false }
    }
    if (!(await takeUse(invite))) {
      // full — unless this very person joined a moment ago (two taps at once)
      if (strings((await livingUser(caller.openid))?.groupIds).includes(groupId))
        return { status: 'member' as const, group: ref, canClaim: false }
      throw exhausted(`这个邀请码已经有 ${num(invite.maxUses, INVITE_USES.default)} 人用过了，请向联络员要新的`)
    }
    let joined = false
    try {
      joined = await joinGroup(caller.openid, groupId, now)
    } finally {
      // the same person joining twice at once, or a refusal: this call used nothing
      if (!joined) await giveBack(invite)
    }
    return { status: joined ? ('joined' as const) : ('member' as const), group: ref, canClaim: false }
  },
})
