/**
 * users — who is who: profiles, WeChat groups (micro-fronts), verification as a new-employment
 * worker, roles and the audit log.
 *
 * Actions: getMe, updateProfile, deleteMe (anyone); enterGroup, switchGroup, leaveGroup,
 * joinByInvite, requestVerification, listMyNotices, markNoticesRead (anyone); claimGroup,
 * createInvite, listVerifications, decideVerification, listMembers, assignRole, addDutyPeriod,
 * removeDutyPeriod, listAudit (liaison of the group, town); listGroups, searchUsers, townOverview (town).
 * Collections: users (rw), groups (rw), group_invites (rw), verifications (rw), audit_log (append),
 * notifications (rw, via notify), stations / canteens (read, staff scope checks).
 * Openapi permissions: subscribeMessage.send, security.msgSecCheck; cloud.getOpenData (CloudID),
 * storage getTempFileURL / deleteFile.
 * Identity is getWXContext().OPENID only; the group comes from a CloudID resolved here.
 */
import { randomBytes } from 'node:crypto'
import { roleState, writeAudit } from '../_lib/audit'
import type { Caller } from '../_lib/caller'
import { _, cloud, db, row, rows } from '../_lib/cloud'
import { type DutyPeriod, dutyPeriodsOf, isDutyNow, MAX_DUTY_DAYS, overlaps, prunePeriods } from '../_lib/duty'
import { AppError, conflict, denied, invalid, notFound, precondition } from '../_lib/errors'
import { isLiaisonOf, isMemberOf, isTown, liaisonOfInput } from '../_lib/guard'
import { notify, templateId } from '../_lib/notify'
import { type ActionContext, action, createMain } from '../_lib/router'
import { isoShanghai, shanghai } from '../_lib/time'
import {
  type AuditItem,
  addDutyPeriodInput,
  assignRoleInput,
  claimGroupInput,
  createInviteInput,
  type DutyPeriodItem,
  decideVerificationInput,
  deleteMeInput,
  type EnterGroupResult,
  enterGroupInput,
  type FoundUser,
  getMeInput,
  joinByInviteInput,
  leaveGroupInput,
  listAuditInput,
  listGroupsInput,
  listMembersInput,
  listMyNoticesInput,
  listVerificationsInput,
  type MeData,
  type MemberItem,
  markNoticesReadInput,
  removeDutyPeriodInput,
  requestVerificationInput,
  searchUsersInput,
  switchGroupInput,
  type TownOverview,
  townOverviewInput,
  updateProfileInput,
  type VerificationItem,
  type VerificationState,
  WORK_TYPES,
  type WorkType,
} from './contract'
import {
  DELETED_NAME,
  type Doc,
  deleteFiles,
  displayName,
  ensureProfile,
  groupById,
  groupsByIds,
  hashToken,
  isOwnFile,
  iso,
  joinGroup,
  maskPhone,
  newId,
  opengidOf,
  str,
  strings,
  strOrNull,
  tempUrls,
  usersByIds,
} from './store'

type Updated = { stats: { updated: number } }

// ---- helpers ----------------------------------------------------------------------------------

/** Text that other people will see goes through content security v2 (scene 1 = profile). */
async function checkText(content: string, openid: string, scene: 1 | 2 | 3 | 4): Promise<void> {
  let suggest = 'pass'
  try {
    const res = (await cloud.openapi.security.msgSecCheck({ content, version: 2, scene, openid })) as unknown as {
      result?: { suggest?: string }
    }
    suggest = res.result?.suggest ?? 'pass'
  } catch (err) {
    console.warn('[users] msgSecCheck failed', (err as { errCode?: number })?.errCode ?? err)
    throw new AppError('INTERNAL', '内容检查暂时不可用，请稍后重试')
  }
  if (suggest !== 'pass') throw new AppError('CONTENT_REJECTED', '内容未通过安全检查，请修改后再试')
}

function dutyItem(p: DutyPeriod, now: Date): DutyPeriodItem {
  return {
    id: p.id,
    start: isoShanghai(p.start),
    end: isoShanghai(p.end),
    current: isDutyNow(p, now),
    ended: p.end.getTime() <= now.getTime(),
  }
}

const byStart = (a: DutyPeriod, b: DutyPeriod) => a.start.getTime() - b.start.getTime()

function verificationState(profile: Doc): VerificationState {
  const v = str(profile.verification, 'none')
  return v === 'pending' || v === 'approved' || v === 'rejected' ? v : 'none'
}

async function meData(profile: Doc, caller: Caller, now: Date): Promise<MeData> {
  const openid = str(profile._id)
  const groupIds = strings(profile.groupIds)
  const liaisonOf = strings(profile.liaisonOf)
  const adminOf = strings(profile.adminOf)
  const current = groupIds.includes(str(profile.currentGroupId)) ? str(profile.currentGroupId) : (groupIds[0] ?? null)
  const [groups, urls, unread, verification] = await Promise.all([
    groupsByIds(groupIds),
    tempUrls([strOrNull(profile.avatarFileId)]),
    (db.collection('notifications').where({ openid, read: false }).count() as Promise<{ total: number }>).then((r) => r.total),
    profile.verificationId
      ? row(db.collection('verifications').where({ _id: str(profile.verificationId) }))
      : Promise.resolve(null as Doc | null),
  ])
  const byId = new Map<string, Doc>(groups.map((g: Doc) => [str(g._id), g]))
  const roles = caller.roles
  const state = verificationState(profile)
  const staffOf = (profile.staffOf ?? {}) as Doc
  const workType = WORK_TYPES.includes(profile.workType as WorkType) ? (profile.workType as WorkType) : null
  return {
    openid,
    nickname: str(profile.nickname, '骑手朋友'),
    avatarUrl: urls.get(str(profile.avatarFileId)) ?? null,
    avatarFileId: strOrNull(profile.avatarFileId),
    workType,
    platform: strOrNull(profile.platform),
    phoneMasked: maskPhone(profile.phone),
    roles,
    verified: state === 'approved' && roles.includes('rider'),
    verification: {
      state,
      reason: state === 'rejected' ? strOrNull(profile.verificationReason) : null,
      groupName: verification ? strOrNull(byId.get(str(verification.groupId))?.name) : null,
      at: iso(verification?.decidedAt) ?? iso(verification?.createdAt),
    },
    groups: groupIds
      .filter((id) => byId.has(id))
      .map((id) => {
        const g = byId.get(id) as Doc
        return {
          id,
          name: str(g.name),
          memberCount: typeof g.memberCount === 'number' ? g.memberCount : 0,
          isLiaison: liaisonOf.includes(id),
          isAdmin: adminOf.includes(id),
          onDuty: caller.onDutyAdminOf.includes(id),
          current: id === current,
        }
      }),
    currentGroupId: current,
    staffOf: { canteen: strings(staffOf.canteen), station: strings(staffOf.station) },
    onDutyAdminOf: caller.onDutyAdminOf,
    duty: dutyPeriodsOf(profile)
      .filter((p) => adminOf.includes(p.groupId))
      .sort(byStart)
      .map((p) => ({ ...dutyItem(p, now), groupId: p.groupId })),
    canClaimGroup: roles.includes('liaison') && liaisonOf.length === 0,
    unreadNotices: unread,
    templates: { verificationResult: templateId('verificationResult') },
  }
}

const sanitizeKey = (v: unknown): string | null => (typeof v === 'string' && /^[\w-]{1,64}$/.test(v) ? v : null)

// ---- profile ----------------------------------------------------------------------------------

const getMe = action({
  summary: '我的：档案、认证状态、所在的群、角色（首次调用建立访客档案）',
  roles: ['anyone'],
  input: getMeInput,
  async handler(_input, { caller, now }): Promise<MeData> {
    const profile = await ensureProfile(caller.openid, caller.profile, now)
    return meData(profile, caller, now)
  },
})

const updateProfile = action({
  summary: '修改自己的昵称、头像、工种和平台、手机号（昵称经内容安全检查）',
  roles: ['anyone'],
  errors: ['CONTENT_REJECTED'],
  input: updateProfileInput,
  async handler(input, { caller, now }): Promise<MeData> {
    const profile = await ensureProfile(caller.openid, caller.profile, now)
    if (input.avatarFileId && !isOwnFile(input.avatarFileId, caller.openid))
      throw invalid('头像文件不正确，请重新上传', { field: 'avatarFileId' })
    if (input.nickname !== undefined && input.nickname !== profile.nickname) await checkText(input.nickname, caller.openid, 1)
    if (input.platform) await checkText(input.platform, caller.openid, 1)
    const data: Doc = { updatedAt: now }
    if (input.nickname !== undefined) data.nickname = input.nickname
    if (input.avatarFileId !== undefined) data.avatarFileId = input.avatarFileId
    if (input.workType !== undefined) data.workType = input.workType
    if (input.platform !== undefined) data.platform = input.platform || null
    if (input.phone !== undefined) data.phone = input.phone || null
    await db.collection('users').where({ _id: caller.openid }).update({ data })
    const old = strOrNull(profile.avatarFileId)
    if (input.avatarFileId !== undefined && old && old !== input.avatarFileId) await deleteFiles([old])
    return meData({ ...profile, ...data }, caller, now)
  },
})

const deleteMe = action({
  summary: '注销自己的档案：个人信息清除、照片删除、退出所有群；历史记录保留为“已注销用户”',
  roles: ['anyone'],
  errors: ['FAILED_PRECONDITION'],
  input: deleteMeInput,
  async handler(_input, { caller, now }): Promise<{ deleted: true }> {
    const profile = caller.profile
    if (!profile) return { deleted: true }
    if (strings(profile.liaisonOf).length) throw precondition('你是群联络员，请先请镇里把联络员转交给别人')
    const stub: Doc = {
      nickname: DELETED_NAME,
      avatarFileId: null,
      workType: null,
      platform: null,
      phone: null,
      roles: [],
      groupIds: [],
      currentGroupId: null,
      liaisonOf: [],
      adminOf: [],
      dutyPeriods: [],
      staffOf: { canteen: [], station: [] },
      verification: 'none',
      verificationId: null,
      verificationReason: null,
      deletedAt: now,
      updatedAt: now,
    }
    // Only the first of two concurrent deletions gets here with updated = 1.
    const res = (await db
      .collection('users')
      .where({ _id: caller.openid, deletedAt: _.exists(false) })
      .update({ data: stub })) as Updated
    if (res.stats.updated !== 1) return { deleted: true }
    const groupIds = strings(profile.groupIds)
    await Promise.all(
      groupIds.map((g) =>
        db
          .collection('groups')
          .where({ _id: g, memberCount: _.gt(0) })
          .update({ data: { memberCount: _.inc(-1) } }),
      ),
    )
    const pending = await rows(db.collection('verifications').where({ openid: caller.openid, state: 'pending' }))
    for (const v of pending) {
      await db
        .collection('verifications')
        .where({ _id: str(v._id), state: 'pending' })
        .update({ data: { state: 'withdrawn', photoFileId: null, decidedAt: now } })
    }
    await deleteFiles([strOrNull(profile.avatarFileId), ...pending.map((v) => strOrNull(v.photoFileId))])
    await db.collection('notifications').where({ openid: caller.openid }).remove()
    await writeAudit(
      {
        actorOpenid: caller.openid,
        targetOpenid: caller.openid,
        action: 'deleteProfile',
        outcome: 'applied',
        before: roleState(profile),
        after: roleState(stub),
      },
      now,
    )
    return { deleted: true }
  },
})

// ---- groups -----------------------------------------------------------------------------------

const enterGroup = action({
  summary: '从微信群打开小程序：用群的 CloudID 在服务端解出 opengid，自动加入已认领的群',
  roles: ['anyone'],
  errors: ['FAILED_PRECONDITION', 'RESOURCE_EXHAUSTED'],
  input: enterGroupInput,
  async handler(input, { caller, now }): Promise<EnterGroupResult> {
    const opengid = await opengidOf(input.groupInfo)
    await ensureProfile(caller.openid, caller.profile, now)
    const group = await row(db.collection('groups').where({ opengid }))
    if (!group) {
      const canClaim = isTown(caller) || (caller.roles.includes('liaison') && caller.liaisonOf.length === 0)
      return { status: 'unclaimed', group: null, canClaim }
    }
    const groupId = str(group._id)
    const joined = await joinGroup(caller.openid, groupId, now)
    return { status: joined ? 'joined' : 'member', group: { id: groupId, name: str(group.name) }, canClaim: false }
  },
})

const claimGroup = action({
  summary: '联络员第一次从群里打开时认领这个群（成为它的联络员）；镇里也可认领后再指派联络员',
  roles: ['liaison', 'town'],
  errors: ['CONFLICT', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  input: claimGroupInput,
  async handler(input, { caller, now }): Promise<{ group: { id: string; name: string } }> {
    const opengid = await opengidOf(input.groupInfo)
    if (await row(db.collection('groups').where({ opengid }))) throw conflict('这个群已经被认领了')
    await checkText(input.name, caller.openid, 1)
    await ensureProfile(caller.openid, caller.profile, now)
    const asLiaison = caller.roles.includes('liaison')
    const groupId = newId('grp-')
    try {
      await db.collection('groups').add({
        data: {
          _id: groupId,
          opengid,
          name: input.name,
          liaisonOpenid: asLiaison ? caller.openid : null,
          memberCount: 0,
          claimedBy: caller.openid,
          createdAt: now,
        },
      })
    } catch (err) {
      // the unique opengid index: a concurrent claim of the same group won
      if (/duplicate key|E11000/i.test(String((err as { errMsg?: string })?.errMsg ?? err))) throw conflict('这个群已经被认领了')
      throw err
    }
    await joinGroup(caller.openid, groupId, now)
    if (asLiaison) {
      const before = roleState(caller.profile)
      await db
        .collection('users')
        .where({ _id: caller.openid })
        .update({ data: { liaisonOf: _.addToSet(groupId), updatedAt: now } })
      await writeAudit(
        {
          actorOpenid: caller.openid,
          targetOpenid: caller.openid,
          action: 'claimGroup',
          role: 'liaison',
          scopeId: groupId,
          groupId,
          outcome: 'applied',
          before,
          after: { ...before, liaisonOf: [...before.liaisonOf, groupId] },
        },
        now,
      )
    }
    return { group: { id: groupId, name: input.name } }
  },
})

const switchGroup = action({
  summary: '在我加入的几个群之间切换当前群',
  roles: ['anyone'],
  errors: ['FAILED_PRECONDITION'],
  input: switchGroupInput,
  async handler(input, { caller, now }): Promise<{ currentGroupId: string }> {
    if (!isMemberOf(caller, input.groupId)) throw precondition('你还不在这个群里')
    await db
      .collection('users')
      .where({ _id: caller.openid })
      .update({ data: { currentGroupId: input.groupId, updatedAt: now } })
    return { currentGroupId: input.groupId }
  },
})

const leaveGroup = action({
  summary: '退出一个群（联络员需先转交）；同时卸下在该群的轮值管理员身份',
  roles: ['anyone'],
  errors: ['FAILED_PRECONDITION'],
  input: leaveGroupInput,
  async handler(input, { caller, now }): Promise<{ left: boolean; currentGroupId: string | null }> {
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
    const res = (await db.collection('users').where({ _id: caller.openid, groupIds: groupId }).update({ data })) as Updated
    if (res.stats.updated !== 1) return { left: false, currentGroupId: current }
    await db
      .collection('groups')
      .where({ _id: groupId, memberCount: _.gt(0) })
      .update({ data: { memberCount: _.inc(-1) } })
    if (wasAdmin) {
      const before = roleState(caller.profile)
      await writeAudit(
        {
          actorOpenid: caller.openid,
          targetOpenid: caller.openid,
          action: 'leaveGroup',
          role: 'admin',
          scopeId: groupId,
          groupId,
          outcome: 'applied',
          before,
          after: { ...before, adminOf, duty, roles: adminOf.length ? before.roles : before.roles.filter((r) => r !== 'admin') },
        },
        now,
      )
    }
    return { left: true, currentGroupId: current }
  },
})

const INVITE_PAGE = 'pkg-me/join/index'

const createInvite = action({
  summary: '联络员生成本群的邀请链接（随机口令，只存哈希，到期失效），给无法从群里打开的小哥',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND'],
  input: createInviteInput,
  scope: liaisonOfInput((i: { groupId: string }) => i.groupId),
  async handler(input, { caller, now }) {
    if (!(await groupById(input.groupId))) throw notFound('群不存在')
    const token = randomBytes(24).toString('base64url')
    const expiresAt = new Date(now.getTime() + input.hours * 3600_000)
    await db.collection('group_invites').add({
      data: { _id: hashToken(token), groupId: input.groupId, createdBy: caller.openid, createdAt: now, expiresAt, joins: 0 },
    })
    return { token, path: `${INVITE_PAGE}?t=${token}`, expiresAt: isoShanghai(expiresAt) }
  },
})

const joinByInvite = action({
  summary: '凭联络员的邀请链接加入群',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'RESOURCE_EXHAUSTED'],
  input: joinByInviteInput,
  async handler(input, { caller, now }): Promise<EnterGroupResult> {
    const invite = await row(db.collection('group_invites').where({ _id: hashToken(input.token) }))
    if (!invite) throw notFound('邀请链接无效，请向联络员要新的')
    if (!(invite.expiresAt instanceof Date) || invite.expiresAt.getTime() <= now.getTime())
      throw precondition('邀请已过期，请向联络员要新的')
    const group = await groupById(str(invite.groupId))
    if (!group) throw notFound('这个群已不存在')
    await ensureProfile(caller.openid, caller.profile, now)
    const joined = await joinGroup(caller.openid, str(group._id), now)
    if (joined)
      await db
        .collection('group_invites')
        .where({ _id: str(invite._id) })
        .update({ data: { joins: _.inc(1) } })
    return { status: joined ? 'joined' : 'member', group: { id: str(group._id), name: str(group.name) }, canClaim: false }
  },
})

const listGroups = action({
  summary: '镇里查看所有微阵地（群）和它们的联络员',
  roles: ['town'],
  input: listGroupsInput,
  async handler(_input, { caller }) {
    const groups = await rows(db.collection('groups').orderBy('createdAt', 'asc').limit(100))
    const people = await usersByIds(groups.map((g) => str(g.liaisonOpenid)))
    return {
      groups: groups.map((g) => ({
        id: str(g._id),
        name: str(g.name),
        memberCount: typeof g.memberCount === 'number' ? g.memberCount : 0,
        isLiaison: caller.liaisonOf.includes(str(g._id)),
        isAdmin: caller.adminOf.includes(str(g._id)),
        onDuty: caller.onDutyAdminOf.includes(str(g._id)),
        current: caller.currentGroupId === str(g._id),
        liaisonName: g.liaisonOpenid ? displayName(people.get(str(g.liaisonOpenid))) : null,
      })),
    }
  },
})

// ---- verification -----------------------------------------------------------------------------

const requestVerification = action({
  summary: '申请认证为新就业群体：工种、平台和工牌或接单页照片，交所在群的联络员审核',
  roles: ['anyone'],
  errors: ['FAILED_PRECONDITION', 'CONFLICT', 'CONTENT_REJECTED'],
  input: requestVerificationInput,
  async handler(input, { caller, now }): Promise<{ id: string; state: 'pending' }> {
    const profile = await ensureProfile(caller.openid, caller.profile, now)
    if (caller.verified) throw precondition('你已经通过认证了')
    const groupIds = strings(profile.groupIds)
    const groupId = input.groupId ?? caller.currentGroupId ?? groupIds[0]
    if (!groupId) throw precondition('请先从小哥群里打开小程序，加入群后再申请认证')
    if (!groupIds.includes(groupId)) throw precondition('你还不在这个群里')
    if (!isOwnFile(input.photoFileId, caller.openid)) throw invalid('照片文件不正确，请重新上传', { field: 'photoFileId' })
    await checkText(input.platform, caller.openid, 1)
    const id = newId('vf-')
    // One open request per person: only a caller who is not pending/approved flips to pending.
    const res = (await db
      .collection('users')
      .where({ _id: caller.openid, verification: _.nin(['pending', 'approved']) })
      .update({
        data: {
          verification: 'pending',
          verificationId: id,
          verificationReason: null,
          workType: input.workType,
          platform: input.platform,
          updatedAt: now,
        },
      })) as Updated
    if (res.stats.updated !== 1) {
      const again = await row(db.collection('users').where({ _id: caller.openid }))
      if (again?.verification === 'approved') throw precondition('你已经通过认证了')
      throw conflict('认证申请已经提交，请等联络员审核')
    }
    await db.collection('verifications').add({
      data: {
        _id: id,
        openid: caller.openid,
        groupId,
        workType: input.workType,
        platform: input.platform,
        photoFileId: input.photoFileId,
        state: 'pending',
        reason: null,
        createdAt: now,
      },
    })
    return { id, state: 'pending' }
  },
})

const listVerifications = action({
  summary: '联络员查看本群的认证申请（待审核按等待时间排序；照片只给联络员看）',
  roles: ['liaison', 'town'],
  input: listVerificationsInput,
  scope: liaisonOfInput((i: { groupId: string }) => i.groupId),
  async handler(input, { now }): Promise<{ items: VerificationItem[] }> {
    const list = await rows(
      db
        .collection('verifications')
        .where({ groupId: input.groupId, state: input.state })
        .orderBy('createdAt', input.state === 'pending' ? 'asc' : 'desc')
        .limit(50),
    )
    const [people, urls] = await Promise.all([
      usersByIds(list.map((v) => str(v.openid))),
      tempUrls(list.map((v) => strOrNull(v.photoFileId))),
    ])
    return {
      items: list.map((v) => {
        const u = people.get(str(v.openid))
        const created = v.createdAt instanceof Date ? v.createdAt : now
        return {
          id: str(v._id),
          openid: str(v.openid),
          nickname: displayName(u),
          phone: u && !u.deletedAt ? strOrNull(u.phone) : null,
          workType: str(v.workType),
          platform: str(v.platform),
          photoUrl: urls.get(str(v.photoFileId)) ?? null,
          state: v.state as VerificationItem['state'],
          reason: strOrNull(v.reason),
          submittedAt: isoShanghai(created),
          waitingMinutes: Math.max(0, Math.floor((now.getTime() - created.getTime()) / 60000)),
        }
      }),
    }
  },
})

async function verificationOf(id: unknown): Promise<Doc | null> {
  return typeof id === 'string' && /^[\w-]{1,64}$/.test(id) ? row(db.collection('verifications').where({ _id: id })) : null
}

const decideVerification = action({
  summary: '联络员通过或驳回（写明原因）本群小哥的认证；通知本人，照片随即删除',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'CONFLICT'],
  input: decideVerificationInput,
  async scope(input, { caller }) {
    const v = await verificationOf(input.id)
    if (!v) throw notFound('认证申请不存在')
    return isLiaisonOf(caller, str(v.groupId))
  },
  async onDenied(params, { caller, now }) {
    const v = await verificationOf(params.id)
    await writeAudit(
      {
        actorOpenid: caller.openid,
        targetOpenid: v ? str(v.openid) : '(unknown)',
        action: 'verify',
        role: 'rider',
        groupId: v ? str(v.groupId) : null,
        scopeId: v ? str(v.groupId) : null,
        outcome: 'denied',
        note: sanitizeKey(params.id),
      },
      now,
    )
  },
  async handler(input, { caller, now }): Promise<{ id: string; state: 'approved' | 'rejected' }> {
    const v = (await verificationOf(input.id)) as Doc
    const state = input.approve ? 'approved' : 'rejected'
    const reason = input.approve ? null : (input.reason ?? null)
    // Two liaisons deciding at once: exactly one flips pending → decided.
    const res = (await db
      .collection('verifications')
      .where({ _id: input.id, state: 'pending' })
      .update({ data: { state, reason, decidedBy: caller.openid, decidedAt: now, photoFileId: null } })) as Updated
    if (res.stats.updated !== 1) throw conflict('这条申请已经处理过了')
    await deleteFiles([strOrNull(v.photoFileId)])

    const openid = str(v.openid)
    const groupId = str(v.groupId)
    const target = await row(db.collection('users').where({ _id: openid }))
    const before = roleState(target)
    const data: Doc = input.approve
      ? {
          roles: _.addToSet('rider'),
          verification: 'approved',
          verificationReason: null,
          workType: v.workType,
          platform: v.platform,
          verifiedAt: now,
          updatedAt: now,
        }
      : { verification: 'rejected', verificationReason: reason, updatedAt: now }
    // Only the request the person still has open (not after deleting the profile or a newer request).
    const applied = (await db
      .collection('users')
      .where({ _id: openid, verificationId: input.id, deletedAt: _.exists(false) })
      .update({ data })) as Updated
    if (applied.stats.updated === 1) {
      const after = input.approve
        ? { ...before, roles: before.roles.includes('rider') ? before.roles : [...before.roles, 'rider'], verification: 'approved' }
        : { ...before, verification: 'rejected' }
      await writeAudit(
        {
          actorOpenid: caller.openid,
          targetOpenid: openid,
          action: 'verify',
          role: 'rider',
          scopeId: groupId,
          groupId,
          outcome: 'applied',
          before,
          after,
          note: reason,
        },
        now,
      )
      await notify(
        {
          to: openid,
          template: 'verificationResult',
          text: input.approve ? '你的小哥认证已通过，可以预约爱心餐、发起议题了。' : `你的小哥认证未通过：${reason}`,
          page: 'pages/me/index',
          data: {
            phrase1: { value: input.approve ? '已通过' : '未通过' },
            thing2: { value: (input.approve ? '可以预约爱心餐了' : (reason ?? '请补充材料')).slice(0, 20) },
            time3: { value: shanghai(now).format('YYYY-MM-DD HH:mm') },
          },
        },
        now,
      )
    }
    return { id: input.id, state }
  },
})

// ---- members and roles ------------------------------------------------------------------------

const listMembers = action({
  summary: '联络员查看本群成员（含完整手机号，只有联络员能看到）、认证状态和角色',
  roles: ['liaison', 'town'],
  input: listMembersInput,
  scope: liaisonOfInput((i: { groupId: string }) => i.groupId),
  async handler(input, { now }): Promise<{ members: MemberItem[] }> {
    const list = await rows(
      db
        .collection('users')
        .where({ groupIds: input.groupId, deletedAt: _.exists(false) })
        .limit(500),
    )
    return {
      members: list.map((u) => ({
        openid: str(u._id),
        nickname: str(u.nickname, '骑手朋友'),
        phone: strOrNull(u.phone),
        workType: strOrNull(u.workType),
        roles: strings(u.roles),
        verification: verificationState(u),
        isAdmin: strings(u.adminOf).includes(input.groupId),
        isLiaison: strings(u.liaisonOf).includes(input.groupId),
        onDuty:
          strings(u.roles).includes('admin') &&
          strings(u.adminOf).includes(input.groupId) &&
          dutyPeriodsOf(u).some((p) => p.groupId === input.groupId && isDutyNow(p, now)),
        duty: dutyPeriodsOf(u)
          .filter((p) => p.groupId === input.groupId)
          .sort(byStart)
          .map((p) => dutyItem(p, now)),
      })),
    }
  },
})

type AssignInput = ReturnType<typeof assignRoleInput.parse>

/** Who may change what: the liaison of a group its admins (and revoke a member's rider status); town everything; nobody themselves. */
function mayAssign(caller: Caller, input: AssignInput, target: Doc): boolean {
  if (input.targetOpenid === caller.openid) return false
  if (isTown(caller)) return true
  if (!caller.roles.includes('liaison')) return false
  if (input.targetRole === 'admin') return Boolean(input.scopeId && caller.liaisonOf.includes(input.scopeId))
  if (input.targetRole === 'rider' && !input.grant) return strings(target.groupIds).some((g) => caller.liaisonOf.includes(g))
  return false
}

interface Plan {
  after: ReturnType<typeof roleState>
  groupIds: string[]
}

function plan(target: Doc, input: AssignInput): Plan {
  const before = roleState(target)
  const roles = new Set(before.roles)
  const liaisonOf = new Set(before.liaisonOf)
  const adminOf = new Set(before.adminOf)
  const staffOf = { canteen: new Set(before.staffOf.canteen), station: new Set(before.staffOf.station) }
  const groupIds = new Set(strings(target.groupIds))
  let verification = before.verification
  let duty = before.duty
  const scope = input.scopeId
  switch (input.targetRole) {
    case 'admin':
      if (input.grant) adminOf.add(scope as string)
      else {
        adminOf.delete(scope as string)
        duty = duty.filter((p) => p.groupId !== scope)
      }
      if (adminOf.size) roles.add('admin')
      else roles.delete('admin')
      break
    case 'liaison':
      if (input.grant) {
        roles.add('liaison')
        if (scope) {
          liaisonOf.add(scope)
          groupIds.add(scope)
        }
      } else {
        if (scope) liaisonOf.delete(scope)
        else liaisonOf.clear()
        if (!scope || liaisonOf.size === 0) roles.delete('liaison')
      }
      break
    case 'staff': {
      const set = staffOf[input.staffKind as 'canteen' | 'station']
      if (input.grant) set.add(scope as string)
      else set.delete(scope as string)
      if (staffOf.canteen.size || staffOf.station.size) roles.add('staff')
      else roles.delete('staff')
      break
    }
    case 'town':
      if (input.grant) roles.add('town')
      else roles.delete('town')
      break
    case 'rider':
      roles.delete('rider')
      roles.delete('admin')
      adminOf.clear()
      duty = []
      verification = 'none'
      break
  }
  return {
    after: {
      roles: [...roles],
      liaisonOf: [...liaisonOf],
      adminOf: [...adminOf],
      staffOf: { canteen: [...staffOf.canteen], station: [...staffOf.station] },
      verification,
      duty,
    },
    groupIds: [...groupIds],
  }
}

const sameState = (a: ReturnType<typeof roleState>, b: ReturnType<typeof roleState>) => JSON.stringify(a) === JSON.stringify(b)

async function checkAssignPreconditions(input: AssignInput, target: Doc): Promise<void> {
  if (input.targetRole === 'rider' && input.grant) throw invalid('小哥身份需要通过认证获得', { field: 'role' })
  if ((input.targetRole === 'admin' || input.targetRole === 'staff') && !input.scopeId)
    throw invalid('请指定群或站点', { field: 'scopeId' })
  if (input.targetRole === 'staff' && !input.staffKind) throw invalid('请指定食堂或驿站', { field: 'staffKind' })
  if (input.targetRole === 'admin' || (input.targetRole === 'liaison' && input.scopeId)) {
    if (!(await groupById(input.scopeId as string))) throw notFound('群不存在')
  }
  if (input.targetRole === 'admin' && input.grant) {
    if (!strings(target.groupIds).includes(input.scopeId as string)) throw precondition('对方还不在这个群里')
    if (!(strings(target.roles).includes('rider') && target.verification === 'approved')) throw precondition('轮值管理员需要先通过小哥认证')
  }
  if (input.targetRole === 'staff' && input.grant) {
    const coll = input.staffKind === 'canteen' ? 'canteens' : 'stations'
    if (!(await row(db.collection(coll).where({ _id: input.scopeId as string }))))
      throw notFound(input.staffKind === 'canteen' ? '食堂不存在' : '驿站不存在')
  }
}

/** The transaction object of wx-server-sdk (typed loosely by the SDK). */
interface Tx {
  collection(name: string): {
    doc(id: string): { get(): Promise<{ data: Doc }>; update(o: { data: Doc }): Promise<unknown> }
    add(o: { data: Doc }): Promise<unknown>
  }
}

const assignRole = action({
  summary:
    '授予或收回角色：联络员管本群轮值管理员（及收回本群小哥认证），镇里管联络员、站点人员和镇里账号；不能改自己；每次变更（含被拒绝的）写入审计日志',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  input: assignRoleInput,
  async onDenied(params, { caller, now }) {
    await writeAudit(
      {
        actorOpenid: caller.openid,
        targetOpenid: sanitizeKey(params.targetOpenid) ?? '(invalid)',
        action: params.grant === false ? 'revoke' : 'grant',
        role: sanitizeKey(params.targetRole),
        scopeId: sanitizeKey(params.scopeId),
        groupId: params.targetRole === 'admin' || params.targetRole === 'liaison' ? sanitizeKey(params.scopeId) : null,
        outcome: 'denied',
      },
      now,
    )
  },
  async handler(input, { caller, now }: ActionContext) {
    if (input.targetOpenid === caller.openid) throw denied('不能修改自己的角色')
    const target = await row(db.collection('users').where({ _id: input.targetOpenid }))
    if (!target || target.deletedAt) throw notFound('没有找到这个人')
    if (!mayAssign(caller, input, target)) throw denied()
    await checkAssignPreconditions(input, target)
    const groupOfChange = input.targetRole === 'admin' || input.targetRole === 'liaison' ? (input.scopeId ?? null) : null

    const result = (await db.runTransaction(async (t: Tx) => {
      const users = t.collection('users')
      const current = (await users.doc(input.targetOpenid).get()).data
      const before = roleState(current)
      const { after, groupIds } = plan(current, input)
      if (sameState(before, after)) return { changed: false, roles: after.roles }
      const wasMember = strings(current.groupIds)
      await users.doc(input.targetOpenid).update({
        data: {
          roles: after.roles,
          liaisonOf: after.liaisonOf,
          adminOf: after.adminOf,
          staffOf: after.staffOf,
          verification: after.verification,
          dutyPeriods: after.duty,
          groupIds,
          updatedAt: now,
        },
      })
      if (input.targetRole === 'liaison') {
        const touched = input.scopeId ? [input.scopeId] : before.liaisonOf
        for (const gid of touched) {
          const g = (await t.collection('groups').doc(gid).get()).data
          const joinedNow = !wasMember.includes(gid) && groupIds.includes(gid)
          const data: Doc = {}
          if (input.grant) data.liaisonOpenid = input.targetOpenid
          else if (g.liaisonOpenid === input.targetOpenid) data.liaisonOpenid = null
          if (joinedNow) data.memberCount = _.inc(1)
          if (Object.keys(data).length) await t.collection('groups').doc(gid).update({ data })
          // the previous liaison of the group hands it over
          const prev = strOrNull(g.liaisonOpenid)
          if (input.grant && prev && prev !== input.targetOpenid) {
            const p = (await users.doc(prev).get()).data
            await users.doc(prev).update({ data: { liaisonOf: strings(p.liaisonOf).filter((x) => x !== gid), updatedAt: now } })
          }
        }
      }
      await writeAudit(
        {
          actorOpenid: caller.openid,
          targetOpenid: input.targetOpenid,
          action: input.grant ? 'grant' : 'revoke',
          role: input.targetRole,
          scopeId: input.scopeId ?? null,
          groupId: groupOfChange,
          outcome: 'applied',
          before,
          after,
        },
        now,
        t,
      )
      return { changed: true, roles: after.roles }
    })) as { changed: boolean; roles: string[] }
    return result
  },
})

const listAudit = action({
  summary: '查看角色变更审计日志：镇里看全部或某人，联络员只看自己负责的群',
  roles: ['liaison', 'town'],
  input: listAuditInput,
  scope: (input: { groupId?: string }, { caller }) => (input.groupId ? isLiaisonOf(caller, input.groupId) : true),
  async handler(input, { caller }): Promise<{ items: AuditItem[] }> {
    const where: Doc = {}
    if (input.targetOpenid) where.targetOpenid = input.targetOpenid
    if (input.groupId) where.groupId = input.groupId
    else if (!isTown(caller)) where.groupId = _.in(caller.liaisonOf)
    const list = await rows(db.collection('audit_log').where(where).orderBy('at', 'desc').limit(input.limit))
    const people = await usersByIds(list.flatMap((e) => [str(e.actorOpenid), str(e.targetOpenid)]))
    return {
      items: list.map((e) => ({
        id: str(e._id),
        at: iso(e.at) ?? '',
        actorOpenid: str(e.actorOpenid),
        actorName: displayName(people.get(str(e.actorOpenid))),
        targetOpenid: str(e.targetOpenid),
        targetName: displayName(people.get(str(e.targetOpenid))),
        action: str(e.action),
        role: strOrNull(e.role),
        scopeId: strOrNull(e.scopeId),
        outcome: e.outcome === 'denied' ? 'denied' : 'applied',
        before: (e.before as Record<string, unknown>) ?? null,
        after: (e.after as Record<string, unknown>) ?? null,
        note: strOrNull(e.note),
      })),
    }
  },
})

const searchUsers = action({
  summary: '镇里按昵称或 openid 找人，附带其角色和负责的群、站点（用于指派和收回）',
  roles: ['town'],
  input: searchUsersInput,
  async handler(input) {
    const escaped = input.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const byName = { nickname: db.RegExp({ regexp: escaped, options: 'i' }), deletedAt: _.exists(false) }
    // an openid (read from the person's 我的 page) finds exactly that person
    const where = /^[\w-]{6,64}$/.test(input.q) ? _.or([byName, { _id: input.q, deletedAt: _.exists(false) }]) : byName
    const list = await rows(db.collection('users').where(where).limit(20))
    return {
      users: list.map(
        (u): FoundUser => ({
          openid: str(u._id),
          nickname: str(u.nickname),
          roles: strings(u.roles),
          liaisonOf: strings(u.liaisonOf),
          adminOf: strings(u.adminOf),
          staffOf: roleState(u).staffOf,
          verification: verificationState(u),
        }),
      ),
    }
  },
})

const unreadCount = async (openid: string): Promise<number> =>
  ((await db.collection('notifications').where({ openid, read: false }).count()) as { total: number }).total

const listMyNotices = action({
  summary: '我的站内通知（认证结果等），新的在前；标已读用 markNoticesRead',
  roles: ['anyone'],
  input: listMyNoticesInput,
  async handler(_input, { caller }) {
    const [list, unread] = await Promise.all([
      rows(db.collection('notifications').where({ openid: caller.openid }).orderBy('createdAt', 'desc').limit(50)),
      unreadCount(caller.openid),
    ])
    return {
      unread,
      items: list.map((n) => ({
        id: str(n._id),
        title: str(n.title),
        text: str(n.text),
        page: str(n.page),
        read: Boolean(n.read),
        at: iso(n.createdAt) ?? '',
      })),
    }
  },
})

const markNoticesRead = action({
  summary: '把我的站内通知标为已读（指定几条，或全部）；别人的通知不受影响',
  roles: ['anyone'],
  input: markNoticesReadInput,
  async handler(input, { caller, now }) {
    const where: Doc = { openid: caller.openid, read: false }
    if (input.ids) where._id = _.in(input.ids)
    const res = (await db
      .collection('notifications')
      .where(where)
      .update({ data: { read: true, readAt: now } })) as Updated
    return { marked: res.stats.updated, unread: await unreadCount(caller.openid) }
  },
})

// ---- duty periods of group administrators ----------------------------------------------------

async function dutyTarget(targetOpenid: string, callerOpenid: string): Promise<Doc> {
  if (targetOpenid === callerOpenid) throw denied('不能修改自己的角色')
  const target = await row(db.collection('users').where({ _id: targetOpenid }))
  if (!target || target.deletedAt) throw notFound('没有找到这个人')
  return target
}

const addDutyPeriod = action({
  summary:
    '联络员为本群安排轮值管理员的值班时段 [开始, 结束)（镇里可为任何群安排）；第一次安排即任命为管理员；同一人同一群的时段不能重叠；写入审计日志',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONFLICT'],
  input: addDutyPeriodInput,
  scope: liaisonOfInput((i: { groupId: string }) => i.groupId),
  async onDenied(params, { caller, now }) {
    await writeAudit(
      {
        actorOpenid: caller.openid,
        targetOpenid: sanitizeKey(params.targetOpenid) ?? '(invalid)',
        action: 'dutyAdd',
        role: 'admin',
        scopeId: sanitizeKey(params.groupId),
        groupId: sanitizeKey(params.groupId),
        outcome: 'denied',
      },
      now,
    )
  },
  async handler(input, { caller, now }): Promise<{ period: DutyPeriodItem }> {
    const { groupId, start, end } = input
    if (end.getTime() - start.getTime() > MAX_DUTY_DAYS * 86400_000) throw invalid(`一次值班最长 ${MAX_DUTY_DAYS} 天`, { field: 'end' })
    if (end.getTime() <= now.getTime()) throw precondition('这个时段已经过去了')
    const target = await dutyTarget(input.targetOpenid, caller.openid)
    if (!(await groupById(groupId))) throw notFound('群不存在')
    if (!strings(target.groupIds).includes(groupId)) throw precondition('对方还不在这个群里')
    if (!(strings(target.roles).includes('rider') && target.verification === 'approved')) throw precondition('轮值管理员需要先通过小哥认证')
    const period: DutyPeriod = { id: newId('duty-'), groupId, start, end }

    // The transaction reads and writes the person's document: two overlapping appointments at once
    // are serialised on it (a conflict retries), so the second sees the first and is refused.
    const outcome = (await db.runTransaction(async (t: Tx) => {
      const users = t.collection('users')
      const current = (await users.doc(input.targetOpenid).get()).data
      const before = roleState(current)
      if (before.duty.some((p) => p.groupId === groupId && overlaps(p, period))) return 'overlap'
      const adminOf = before.adminOf.includes(groupId) ? before.adminOf : [...before.adminOf, groupId]
      const roles = before.roles.includes('admin') ? before.roles : [...before.roles, 'admin']
      const duty = prunePeriods([...before.duty, period], now)
      await users.doc(input.targetOpenid).update({ data: { roles, adminOf, dutyPeriods: duty, updatedAt: now } })
      await writeAudit(
        {
          actorOpenid: caller.openid,
          targetOpenid: input.targetOpenid,
          action: 'dutyAdd',
          role: 'admin',
          scopeId: groupId,
          groupId,
          outcome: 'applied',
          before,
          after: { ...before, roles, adminOf, duty },
        },
        now,
        t,
      )
      return 'added'
    })) as 'added' | 'overlap'
    if (outcome === 'overlap') throw conflict('和这个人在本群已有的值班时段重叠了')
    return { period: dutyItem(period, now) }
  },
})

async function periodOwner(params: { targetOpenid?: unknown; periodId?: unknown }): Promise<{ target: Doc; period: DutyPeriod } | null> {
  const openid = sanitizeKey(params.targetOpenid)
  const periodId = sanitizeKey(params.periodId)
  if (!openid || !periodId) return null
  const target = await row(db.collection('users').where({ _id: openid }))
  const period = dutyPeriodsOf(target).find((p) => p.id === periodId)
  return target && period ? { target, period } : null
}

const removeDutyPeriod = action({
  summary: '联络员取消本群某人的一个值班时段（仍是管理员；取消管理员用 assignRole）；写入审计日志',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND'],
  input: removeDutyPeriodInput,
  async scope(input, { caller }) {
    const found = await periodOwner(input)
    if (!found) throw notFound('没有找到这个值班时段')
    return isLiaisonOf(caller, found.period.groupId)
  },
  async onDenied(params, { caller, now }) {
    const found = await periodOwner(params).catch(() => null)
    await writeAudit(
      {
        actorOpenid: caller.openid,
        targetOpenid: sanitizeKey(params.targetOpenid) ?? '(invalid)',
        action: 'dutyRemove',
        role: 'admin',
        scopeId: found?.period.groupId ?? null,
        groupId: found?.period.groupId ?? null,
        outcome: 'denied',
        note: sanitizeKey(params.periodId),
      },
      now,
    )
  },
  async handler(input, { caller, now }): Promise<{ removed: boolean }> {
    await dutyTarget(input.targetOpenid, caller.openid)
    const removed = (await db.runTransaction(async (t: Tx) => {
      const users = t.collection('users')
      const current = (await users.doc(input.targetOpenid).get()).data
      const before = roleState(current)
      const period = before.duty.find((p) => p.id === input.periodId)
      if (!period) return false
      const duty = before.duty.filter((p) => p.id !== input.periodId)
      await users.doc(input.targetOpenid).update({ data: { dutyPeriods: duty, updatedAt: now } })
      await writeAudit(
        {
          actorOpenid: caller.openid,
          targetOpenid: input.targetOpenid,
          action: 'dutyRemove',
          role: 'admin',
          scopeId: period.groupId,
          groupId: period.groupId,
          outcome: 'applied',
          before,
          after: { ...before, duty },
        },
        now,
        t,
      )
      return true
    })) as boolean
    return { removed }
  },
})

// ---- town -----------------------------------------------------------------------------------

const townOverview = action({
  summary: '镇里工作台：所有群（联络员、成员数、管理员数）、驿站和食堂的名单，用于指派角色',
  roles: ['town'],
  input: townOverviewInput,
  async handler(): Promise<TownOverview> {
    const [groups, stations, canteens, admins] = await Promise.all([
      rows(db.collection('groups').orderBy('createdAt', 'asc').limit(100)),
      rows(db.collection('stations').field({ name: true }).limit(100)),
      rows(db.collection('canteens').field({ name: true }).limit(100)),
      rows(
        db
          .collection('users')
          .where({ roles: 'admin', deletedAt: _.exists(false) })
          .field({ adminOf: true })
          .limit(1000),
      ),
    ])
    const people = await usersByIds(groups.map((g) => str(g.liaisonOpenid)))
    const adminCount = new Map<string, number>()
    for (const a of admins) for (const g of strings(a.adminOf)) adminCount.set(g, (adminCount.get(g) ?? 0) + 1)
    return {
      groups: groups.map((g) => ({
        id: str(g._id),
        name: str(g.name),
        memberCount: typeof g.memberCount === 'number' ? g.memberCount : 0,
        liaisonOpenid: strOrNull(g.liaisonOpenid),
        liaisonName: g.liaisonOpenid ? displayName(people.get(str(g.liaisonOpenid))) : null,
        adminCount: adminCount.get(str(g._id)) ?? 0,
      })),
      stations: stations.map((x) => ({ id: str(x._id), name: str(x.name) })),
      canteens: canteens.map((x) => ({ id: str(x._id), name: str(x.name) })),
    }
  },
})

export const actions = {
  getMe,
  updateProfile,
  deleteMe,
  enterGroup,
  claimGroup,
  switchGroup,
  leaveGroup,
  createInvite,
  joinByInvite,
  listGroups,
  requestVerification,
  listVerifications,
  decideVerification,
  listMembers,
  assignRole,
  listAudit,
  searchUsers,
  listMyNotices,
  markNoticesRead,
  addDutyPeriod,
  removeDutyPeriod,
  townOverview,
}
export const main = createMain('users', actions)
