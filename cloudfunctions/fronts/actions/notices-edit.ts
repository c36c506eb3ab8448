/**
 * Changing a notice: edit within the group's window (author still on duty, or the liaison), withdraw
 * with a reason (audited, shown to the group instead of the text), pin. An admin whose term has
 * ended is refused (PERMISSION_DENIED, recorded), decided by the server at the call's instant.
 */
import { groupScope, writeAudit } from '../../_lib/audit'
import { _ } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { checkTexts, recordMediaChecks, startMediaChecks } from '../../_lib/content'
import type { InputOf } from '../../_lib/contract'
import { precondition } from '../../_lib/errors'
import { assertOwnFiles, deleteFiles } from '../../_lib/files'
import { displayName } from '../../_lib/people'
import { type ActionContext, actionsOf } from '../../_lib/router'
import { type Doc, str, strings, updatedCount } from '../../_lib/values'
import { canPostIn, cleanKey, deniedIn } from '../access'
import { frontsContract } from '../contract'
import { noticeDetail, noticeRights } from '../present-notice'
import { mustNotice } from '../reads'
import { addActivity, NEVER, notices } from '../store'
import { checkExpiry } from './notices-post'

const act = actionsOf(frontsContract)

const noticeGroup = async (p: Record<string, unknown>) => {
  const id = cleanKey(p.noticeId)
  return id ? str((await mustNotice(id).catch(() => null))?.groupId) || null : null
}
const mayChange = async (input: { noticeId: string }, { caller, now }: ActionContext) =>
  noticeRights(await mustNotice(input.noticeId), caller, now).mayManage

/** The edited fields, with photos diffed against the record's (new ones are checked, dropped ones deleted). */
async function changes(n: Doc, input: InputOf<(typeof frontsContract)['editNotice']>, openid: string, now: Date) {
  checkExpiry(input.expiresAt, now)
  const before = strings(n.photos)
  const photos = input.photos ?? before
  assertOwnFiles(photos, { openid, purpose: 'notices', field: 'photos', attached: before })
  await checkTexts({ title: input.title, body: input.body }, { openid, scene: 'forum' })
  const added = photos.filter((p) => !before.includes(p))
  const started = await startMediaChecks(added, { openid, scene: 'forum' })
  const data: Doc = { photos, pendingMedia: [...strings(n.pendingMedia).filter((p) => photos.includes(p)), ...added] }
  for (const k of ['title', 'body', 'category', 'pinned'] as const) if (input[k] !== undefined) data[k] = input[k]
  if (input.expiresAt !== undefined) Object.assign(data, { expiresAt: input.expiresAt, liveUntil: input.expiresAt ?? NEVER })
  return { data, started, removed: before.filter((p) => !photos.includes(p)) }
}

export const editNotice = act('editNotice', {
  summary: '修改公告（发布后规定时间内；作者须仍在值班，或本群联络员）；改动经内容安全检查，显示“已编辑”',
  roles: ['admin', 'liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  scope: mayChange,
  onDenied: deniedIn('editNotice', noticeGroup),
  async handler(input, { caller, now }) {
    const n = await mustNotice(input.noticeId)
    if (n.state === 'withdrawn') throw precondition('这条公告已经撤回了')
    if (!noticeRights(n, caller, now).canEdit) throw precondition('已经过了可以修改的时间；可以撤回后重新发布')
    const { data, started, removed } = await changes(n, input, caller.openid, now)
    const res = await notices()
      .where({ _id: input.noticeId, state: 'live', editableUntil: _.gt(now) })
      .update({ data: { ...data, editedAt: now, updatedAt: now, editCount: _.inc(1) } })
    if (updatedCount(res) !== 1) throw precondition('已经过了可以修改的时间；可以撤回后重新发布')
    await recordMediaChecks(started, { collection: COLLECTION.notices, id: input.noticeId, field: 'photos', author: caller.openid }, now)
    await deleteFiles(removed)
    return noticeDetail(await mustNotice(input.noticeId), caller, now, undefined, str(n.groupName))
  },
})

export const withdrawNotice = act('withdrawNotice', {
  summary: '撤回公告并写明原因（作者须仍在值班，或本群联络员）：群里只看到标题和撤回原因；记入本群的变更记录',
  roles: ['admin', 'liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  scope: mayChange,
  onDenied: deniedIn('withdrawNotice', noticeGroup),
  async handler(input, { caller, now }) {
    const n = await mustNotice(input.noticeId)
    await checkTexts({ reason: input.reason }, { openid: caller.openid, scene: 'forum' })
    const by = displayName(caller.profile)
    const res = await notices()
      .where({ _id: input.noticeId, state: 'live' })
      .update({
        data: {
          state: 'withdrawn',
          pinned: false,
          withdrawnReason: input.reason,
          withdrawnAt: now,
          withdrawnBy: caller.openid,
          withdrawnByName: by,
          updatedAt: now,
        },
      })
    if (updatedCount(res) !== 1) throw precondition('这条公告已经撤回了')
    const groupId = str(n.groupId)
    await writeAudit(
      {
        actorOpenid: caller.openid,
        targetOpenid: str(n.authorOpenid),
        action: 'noticeWithdraw',
        scope: groupScope(groupId),
        outcome: 'applied',
        before: { noticeId: input.noticeId, title: str(n.title), state: 'live' },
        after: { noticeId: input.noticeId, state: 'withdrawn' },
        note: input.reason,
      },
      now,
    )
    await addActivity(groupId, 'withdraw', `${by} 撤回了公告《${str(n.title)}》`, now)
    return noticeDetail(await mustNotice(input.noticeId), caller, now, undefined, str(n.groupName))
  },
})

export const pinNotice = act('pinNotice', {
  summary: '置顶或取消置顶（值班中的管理员、本群联络员）',
  roles: ['admin', 'liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  scope: async (input, { caller }) => canPostIn(caller, str((await mustNotice(input.noticeId)).groupId)),
  onDenied: deniedIn('pinNotice', noticeGroup),
  async handler(input, { now }) {
    const res = await notices()
      .where({ _id: input.noticeId, state: 'live' })
      .update({ data: { pinned: input.pinned, updatedAt: now } })
    if (updatedCount(res) !== 1) {
      const n = await mustNotice(input.noticeId)
      if (n.state === 'withdrawn') throw precondition('这条公告已经撤回了')
    }
    return { pinned: input.pinned }
  },
})
