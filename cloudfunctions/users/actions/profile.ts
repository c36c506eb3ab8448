/** Profile actions: 我的 (getMe), editing it, deleting it. */
import { groupScope, roleState, townScope, writeAudit } from '../../_lib/audit'
import { _, db, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { checkTexts } from '../../_lib/content'
import { precondition } from '../../_lib/errors'
import { assertOwnFiles, deleteFiles } from '../../_lib/files'
import { DELETED_NAME, freshProfile } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { type Doc, str, strings, strOrNull, updatedCount } from '../../_lib/values'
import { usersContract } from '../contract'
import { meData } from '../present'
import { countLeft, ensureProfile, users } from '../store'

const act = actionsOf(usersContract)

/** The new value when it differs from the stored one (only changed texts are checked again). */
const changed = (next: string | null | undefined, stored: unknown): string | null => (next && next !== stored ? next : null)

export const getMe = act('getMe', {
  summary: '我的：档案、认证状态、所在的群、角色（首次调用建立访客档案）',
  roles: ['anyone'],
  async handler(_input, { caller, now }) {
    const profile = await ensureProfile(caller.openid, caller.profile, now)
    return meData(profile, caller, now)
  },
})

export const updateProfile = act('updateProfile', {
  summary: '修改自己的昵称、头像、工种和平台、手机号（昵称和平台经内容安全检查；头像须是自己上传的）',
  roles: ['anyone'],
  errors: ['CONTENT_REJECTED'],
  async handler(input, { caller, now }) {
    const profile = await ensureProfile(caller.openid, caller.profile, now)
    const oldAvatar = strOrNull(profile.avatarFileId)
    // Avatars are shown to their owner only (我的); no page shows a person's avatar to anyone else,
    // so no photo check is started. A page that shows avatars to others must add one (scene profile)
    // and present them with visibleFiles.
    assertOwnFiles([input.avatarFileId], {
      openid: caller.openid,
      purpose: 'avatars',
      field: 'avatarFileId',
      attached: oldAvatar ? [oldAvatar] : [],
    })
    await checkTexts(
      { nickname: changed(input.nickname, profile.nickname), platform: changed(input.platform, profile.platform) },
      { openid: caller.openid, scene: 'profile' },
    )
    const data: Doc = { updatedAt: now }
    if (input.nickname !== undefined) data.nickname = input.nickname
    if (input.avatarFileId !== undefined) data.avatarFileId = input.avatarFileId
    if (input.workType !== undefined) data.workType = input.workType
    if (input.platform !== undefined) data.platform = input.platform || null
    if (input.phone !== undefined) data.phone = input.phone || null
    await users().where({ _id: caller.openid }).update({ data })
    if (input.avatarFileId !== undefined && oldAvatar && oldAvatar !== input.avatarFileId) await deleteFiles([oldAvatar])
    return meData({ ...profile, ...data }, caller, now)
  },
})

/** What is left of a deleted profile: a name for history, nothing personal, no roles. */
function deletedStub(now: Date): Doc {
  const { createdAt: _created, ...fresh } = freshProfile(now)
  return { ...fresh, nickname: DELETED_NAME, deletedAt: now }
}

export const deleteMe = act('deleteMe', {
  summary: '注销自己的档案：个人信息清除、照片删除、退出所有群；历史记录保留为“已注销用户”；所在各群的记录里各留一条',
  roles: ['anyone'],
  errors: ['FAILED_PRECONDITION'],
  async handler(_input, { caller, now }) {
    const profile = caller.profile
    if (!profile) return { deleted: true as const }
    if (strings(profile.liaisonOf).length) throw precondition('你是群联络员，请先请镇里把联络员转交给别人')
    const stub = deletedStub(now)
    // Only the first of two concurrent deletions gets here with updated = 1.
    const res = await users()
      .where({ _id: caller.openid, deletedAt: _.exists(false) })
      .update({ data: stub })
    if (updatedCount(res) !== 1) return { deleted: true as const }
    const groupIds = strings(profile.groupIds)
    await Promise.all(groupIds.map((g) => countLeft(g)))
    const pending = await withdrawPending(caller.openid, now)
    await deleteFiles([strOrNull(profile.avatarFileId), ...pending])
    await db.collection(COLLECTION.notifications).where({ openid: caller.openid }).remove()
    const entry = { actorOpenid: caller.openid, targetOpenid: caller.openid, action: 'deleteProfile', outcome: 'applied' as const }
    const scopes = groupIds.length ? groupIds.map(groupScope) : [townScope]
    for (const scope of scopes) await writeAudit({ ...entry, scope, before: roleState(profile), after: roleState(stub) }, now)
    return { deleted: true as const }
  },
})

/** Withdraw the person's pending verification requests; returns their photos (to delete). */
async function withdrawPending(openid: string, now: Date): Promise<(string | null)[]> {
  const verifications = db.collection(COLLECTION.verifications)
  const pending = await rows(verifications.where({ openid, state: 'pending' }))
  for (const v of pending) {
    await verifications
      .where({ _id: str(v._id), state: 'pending' })
      .update({ data: { state: 'withdrawn', photoFileId: null, pendingMedia: [], decidedAt: now } })
  }
  return pending.map((v) => strOrNull(v.photoFileId))
}
