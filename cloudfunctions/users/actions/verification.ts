/**
 * Verification as a new-employment worker: the rider asks once with a badge photo (own upload in
 * `verification/<openid>/`, photo-checked: the liaison sees it only once the check passes), the
 * group's liaison (or town) decides once — never on their own request — the rider is told, and
 * the photo is deleted.
 */
import { groupScope, recordDenied, roleState } from '../../_lib/audit'
import { _, db, row, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { checkTexts, recordMediaChecks, startMediaChecks, visibleFiles } from '../../_lib/content'
import { conflict, denied, notFound, precondition } from '../../_lib/errors'
import { assertOwnFiles, deleteFiles, tempUrls } from '../../_lib/files'
import { isLiaisonOf, liaisonOfInput } from '../../_lib/guard'
import { newId } from '../../_lib/ids'
import { displayName } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { isoShanghai, MINUTE_MS } from '../../_lib/time'
import { type Doc, str, strings, strOrNull, updatedCount } from '../../_lib/values'
import { usersContract, type VerificationItem } from '../contract'
import { cleanKey } from '../denied'
import { ensureProfile, users, usersByIds } from '../store'
import { applyDecision } from './verification-decision'

const act = actionsOf(usersContract)
const verifications = () => db.collection(COLLECTION.verifications)

/** Said to a rider who is in no group yet: what to do next, in their words. */
export const NO_GROUP_MESSAGE = '请先加入小哥群：从小哥微信群里点小程序卡片打开，或扫联络员给的邀请码'

export const requestVerification = act('requestVerification', {
  summary: '申请认证为新就业群体：工种、平台（经内容安全检查）和工牌或接单页照片（自己上传的，经图片安全检查），交所在群的联络员审核',
  roles: ['anyone'],
  errors: ['FAILED_PRECONDITION', 'CONFLICT', 'CONTENT_REJECTED'],
  async handler(input, { caller, now }) {
    const { openid } = caller
    const profile = await ensureProfile(openid, caller.profile, now)
    if (caller.verified) throw precondition('你已经通过认证了')
    const groupIds = strings(profile.groupIds)
    const groupId = input.groupId ?? caller.currentGroupId ?? groupIds[0]
    if (!groupId) throw precondition(NO_GROUP_MESSAGE)
    if (!groupIds.includes(groupId)) throw precondition('你还不在这个群里')
    assertOwnFiles([input.photoFileId], { openid, purpose: 'verification', field: 'photoFileId' })
    await checkTexts({ platform: input.platform }, { openid, scene: 'profile' })
    const started = await startMediaChecks([input.photoFileId], { openid, scene: 'profile' })
    const id = newId('vf-')
    // One open request per person: only a caller who is not pending/approved flips to pending.
    const flip = {
      verification: 'pending',
      verificationId: id,
      verificationReason: null,
      workType: input.workType,
      platform: input.platform,
    }
    const res = await users()
      .where({ _id: openid, verification: _.nin(['pending', 'approved']) })
      .update({ data: { ...flip, updatedAt: now } })
    if (updatedCount(res) !== 1) {
      const again = await row(users().where({ _id: openid }))
      if (again?.verification === 'approved') throw precondition('你已经通过认证了')
      throw conflict('认证申请已经提交，请等联络员审核')
    }
    const { workType, platform, photoFileId } = input
    const pendingMedia = started.map((s) => s.fileId)
    await verifications().add({
      data: { _id: id, openid, groupId, workType, platform, photoFileId, pendingMedia, state: 'pending', reason: null, createdAt: now },
    })
    await recordMediaChecks(started, { collection: COLLECTION.verifications, id, field: 'photoFileId', author: openid }, now)
    return { id, state: 'pending' as const }
  },
})

/** What the liaison may see of the photo: nothing until its check has passed. */
function photoState(v: Doc): { state: VerificationItem['photoState']; fileId: string | null } {
  const file = strOrNull(v.photoFileId)
  if (!file) return { state: 'none', fileId: null }
  return visibleFiles(v, 'photoFileId').includes(file) ? { state: 'ready', fileId: file } : { state: 'checking', fileId: null }
}

export const listVerifications = act('listVerifications', {
  summary: '联络员查看本群的认证申请（待审核按等待时间排序；照片只给联络员看，安全检查通过后才显示）',
  roles: ['liaison', 'town'],
  scope: liaisonOfInput((i) => i.groupId),
  async handler(input, { now }) {
    const list = await rows(
      verifications()
        .where({ groupId: input.groupId, state: input.state })
        .orderBy('createdAt', input.state === 'pending' ? 'asc' : 'desc')
        .limit(50),
    )
    const photos = new Map(list.map((v) => [str(v._id), photoState(v)]))
    const [people, urls] = await Promise.all([
      usersByIds(list.map((v) => str(v.openid))),
      tempUrls([...photos.values()].map((p) => p.fileId)),
    ])
    return {
      items: list.map((v): VerificationItem => {
        const u = people.get(str(v.openid))
        const created = v.createdAt instanceof Date ? v.createdAt : now
        const photo = photos.get(str(v._id)) ?? { state: 'none', fileId: null }
        return {
          id: str(v._id),
          openid: str(v.openid),
          nickname: displayName(u),
          phone: u && !u.deletedAt ? strOrNull(u.phone) : null,
          workType: str(v.workType),
          platform: str(v.platform),
          photoState: photo.state,
          photoUrl: photo.fileId ? (urls.get(photo.fileId) ?? null) : null,
          state: v.state === 'approved' || v.state === 'rejected' ? v.state : 'pending',
          reason: strOrNull(v.reason),
          submittedAt: isoShanghai(created),
          waitingMinutes: Math.max(0, Math.floor((now.getTime() - created.getTime()) / MINUTE_MS)),
        }
      }),
    }
  },
})

async function verificationOf(raw: unknown): Promise<Doc | null> {
  const id = cleanKey(raw)
  return id ? row(verifications().where({ _id: id })) : null
}

export const decideVerification = act('decideVerification', {
  summary:
    '联络员通过或驳回（写明原因，经内容安全检查）本群小哥的认证；不能审核自己的申请；照片还在安全检查时只能驳回；通知本人，照片随即删除；记入本群的变更记录',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'CONFLICT', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  async scope(input, { caller }) {
    const v = await verificationOf(input.id)
    if (!v) throw notFound('认证申请不存在')
    if (str(v.openid) === caller.openid) throw denied('不能审核自己的认证申请，请让镇里审核')
    return isLiaisonOf(caller, str(v.groupId))
  },
  async onDenied(params, ctx) {
    const v = await verificationOf(params.id)
    await recordDenied(
      { targetOpenid: v ? str(v.openid) : null, action: 'verify', role: 'rider', scope: groupScope(v ? str(v.groupId) : null), note: null },
      ctx,
    )
  },
  async handler(input, { caller, now }) {
    const v = (await verificationOf(input.id)) as Doc
    if (input.approve && photoState(v).state === 'checking') throw precondition('照片还在安全检查，请稍后再审核')
    const reason = input.approve ? null : (input.reason ?? null)
    await checkTexts({ reason }, { openid: caller.openid, scene: 'comment' })
    const state = input.approve ? ('approved' as const) : ('rejected' as const)
    // Two liaisons deciding at once: exactly one flips pending → decided.
    const res = await verifications()
      .where({ _id: input.id, state: 'pending' })
      .update({ data: { state, reason, decidedBy: caller.openid, decidedAt: now, photoFileId: null, pendingMedia: [] } })
    if (updatedCount(res) !== 1) throw conflict('这条申请已经处理过了')
    await deleteFiles([strOrNull(v.photoFileId)])
    const target = await row(users().where({ _id: str(v.openid) }))
    await applyDecision({ v, before: roleState(target), approve: input.approve, reason, actor: caller.openid }, now)
    return { id: input.id, state }
  },
})
