/** Group actions: entering from a WeChat group, claiming it, switching, leaving, the town's list. */
import { groupScope, roleState, writeAudit } from '../../_lib/audit'
import { _, row, rows } from '../../_lib/cloud'
import { checkTexts } from '../../_lib/content'
import { conflict, precondition } from '../../_lib/errors'
import { isMemberOf, isTown } from '../../_lib/guard'
import { newId } from '../../_lib/ids'
import { displayName } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { type Doc, isDuplicateKey, str, updatedCount } from '../../_lib/values'
import { usersContract } from '../contract'
import { countLeft, ensureProfile, groups, joinGroup, memberCountOf, opengidOf, users, usersByIds } from '../store'

const act = actionsOf(usersContract)

export const enterGroup = act('enterGroup', {
  summary: '从微信群打开小程序：用群的 CloudID 在服务端解出 opengid，自动加入已认领的群',
  roles: ['anyone'],
  errors: ['FAILED_PRECONDITION', 'RESOURCE_EXHAUSTED'],
  async handler(input, { caller, now }) {
    const opengid = await opengidOf(input.groupInfo)
    await ensureProfile(caller.openid, caller.profile, now)
    const group = await row(groups().where({ opengid }))
    if (!group) {
      const canClaim = isTown(caller) || (caller.roles.includes('liaison') && caller.liaisonOf.length === 0)
      return { status: 'unclaimed' as const, group: null, canClaim }
    }
    const groupId = str(group._id)
    const joined = await joinGroup(caller.openid, groupId, now)
    return { status: joined ? ('joined' as const) : ('member' as const), group: { id: groupId, name: str(group.name) }, canClaim: false }
  },
})

export const claimGroup = act('claimGroup', {
  summary: '联络员第一次从群里打开时认领这个群（成为它的联络员；群名称经内容安全检查）；镇里也可认领后再指派联络员',
  roles: ['liaison', 'town'],
  errors: ['CONFLICT', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  async handler(input, { caller, now }) {
    const opengid = await opengidOf(input.groupInfo)
    if (await row(groups().where({ opengid }))) throw conflict('这个群已经被认领了')
    await checkTexts({ name: input.name }, { openid: caller.openid, scene: 'profile' })
    await ensureProfile(caller.openid, caller.profile, now)
    const asLiaison = caller.roles.includes('liaison')
    const groupId = newId('grp-')
    const group = { _id: groupId, opengid, name: input.name, liaisonOpenid: asLiaison ? caller.openid : null, memberCount: 0 }
    try {
      await groups().add({ data: { ...group, claimedBy: caller.openid, createdAt: now } })
    } catch (err) {
      // the unique opengid index: a concurrent claim of the same group won
      if (isDuplicateKey(err)) throw conflict('这个群已经被认领了')
      throw err
    }
    await joinGroup(caller.openid, groupId, now)
    if (asLiaison) {
      const before = roleState(caller.profile)
      await users()
        .where({ _id: caller.openid })
        .update({ data: { liaisonOf: _.addToSet(groupId), updatedAt: now } })
      const after = { ...before, liaisonOf: [...before.liaisonOf, groupId] }
      await writeAudit(
        {
          actorOpenid: caller.openid,
          targetOpenid: caller.openid,
          action: 'claimGroup',
          role: 'liaison',
          scope: groupScope(groupId),
          outcome: 'applied',
          before,
          after,
        },
        now,
      )
    }
    return { group: { id: groupId, name: input.name } }
  },
})

export const switchGroup = act('switchGroup', {
  summary: '在我加入的几个群之间切换当前群',
  roles: ['anyone'],
  errors: ['FAILED_PRECONDITION'],
  async handler(input, { caller, now }) {
    if (!isMemberOf(caller, input.groupId)) throw precondition('你还不在这个群里')
    await users()
      .where({ _id: caller.openid })
      .update({ data: { currentGroupId: input.groupId, updatedAt: now } })
    return { currentGroupId: input.groupId }
  },
})

export const leaveGroup = act('leaveGroup', {
  summary: '退出一个群（联络员需先转交）；同时卸下在该群的轮值管理员身份和值班（记入该群的变更记录）',
  roles: ['anyone'],
  errors: ['FAILED_PRECONDITION'],
  async handler(input, { caller, now }) {
    const { groupId } = input
    if (caller.liaisonOf.includes(groupId)) throw precondition('你是这个群的联络员，请先请镇里转交')
    if (!isMemberOf(caller, groupId)) return { left: false, currentGroupId: caller.currentGroupId }
    const groupIds = caller.groupIds.filter((g) => g !== groupId)
    const adminOf = caller.adminOf.filter((g) => g !== groupId)
    const wasAdmin = adminOf.length !== caller.adminOf.length
    const current = caller.currentGroupId === groupId ? (groupIds[0] ?? null) : caller.currentGroupId
    const duty = caller.dutyPeriods.filter((p) => p.groupId !== groupId)
    const data: Doc = { groupIds: _.pull(groupId), adminOf: _.pull(groupId), currentGroupId: current, updatedAt: now }
    if (duty.length !== caller.dutyPeriods.length) data.dutyPeriods = duty
    if (wasAdmin && adminOf.length === 0) data.roles = _.pull('admin')
    const res = await users().where({ _id: caller.openid, groupIds: groupId }).update({ data })
    if (updatedCount(res) !== 1) return { left: false, currentGroupId: current }
    await countLeft(groupId)
    if (wasAdmin) {
      const before = roleState(caller.profile)
      const roles = adminOf.length ? before.roles : before.roles.filter((r) => r !== 'admin')
      await writeAudit(
        {
          actorOpenid: caller.openid,
          targetOpenid: caller.openid,
          action: 'leaveGroup',
          role: 'admin',
          scope: groupScope(groupId),
          outcome: 'applied',
          before,
          after: { ...before, adminOf, duty, roles },
        },
        now,
      )
    }
    return { left: true, currentGroupId: current }
  },
})

export const listGroups = act('listGroups', {
  summary: '镇里查看所有微阵地（群）和它们的联络员',
  roles: ['town'],
  async handler(_input, { caller }) {
    const list = await rows(groups().orderBy('createdAt', 'asc').limit(100))
    const people = await usersByIds(list.map((g) => str(g.liaisonOpenid)))
    return {
      groups: list.map((g) => {
        const id = str(g._id)
        return {
          id,
          name: str(g.name),
          memberCount: memberCountOf(g),
          isLiaison: caller.liaisonOf.includes(id),
          isAdmin: caller.adminOf.includes(id),
          onDuty: caller.onDutyAdminOf.includes(id),
          current: caller.currentGroupId === id,
          liaisonName: g.liaisonOpenid ? displayName(people.get(str(g.liaisonOpenid))) : null,
        }
      }),
    }
  },
})
