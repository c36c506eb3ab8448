/**
 * Posting a notice (the admin on duty, the group's liaison, town): content-checked title, body and
 * photos, stored once per requestId, with the group's members at that moment as its audience (for
 * "who has not read it"); a 安全提醒 also goes to riders who asked for those messages.
 */
import { row } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { checkTexts, recordMediaChecks, startMediaChecks } from '../../_lib/content'
import { invalid } from '../../_lib/errors'
import { assertOwnFiles } from '../../_lib/files'
import { displayName } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { DAY_MS, MINUTE_MS } from '../../_lib/time'
import { type Doc, isDuplicateKey, str } from '../../_lib/values'
import { authorRole, canPostIn, canReadGroup, cleanKey, deniedIn } from '../access'
import { addAlertCredit, alertCredits, sendAlerts } from '../alerts'
import { frontsContract, NOTICE_LIMITS } from '../contract'
import { sharePathOf } from '../present-notice'
import { addActivity, audiences, frontOf, idFor, memberIds, mustGroup, NEVER, notices } from '../store'

const act = actionsOf(frontsContract)

/** An expiry must lie ahead (at least 10 minutes) and within 90 days. */
export function checkExpiry(expiresAt: Date | null | undefined, now: Date): void {
  if (!expiresAt) return
  if (expiresAt.getTime() < now.getTime() + 10 * MINUTE_MS) throw invalid('到期时间要在现在之后', { field: 'expiresAt' })
  if (expiresAt.getTime() > now.getTime() + NOTICE_LIMITS.maxDays * DAY_MS)
    throw invalid(`最长 ${NOTICE_LIMITS.maxDays} 天后到期`, { field: 'expiresAt' })
}

export const postNotice = act('postNotice', {
  summary:
    '值班中的轮值管理员（和本群联络员、镇里）向本群发布公告：标题、正文、分类、照片、置顶、到期；经内容安全检查；同一 requestId 只发一次；安全提醒同时发订阅消息给愿意接收的人。值班结束的管理员不能再发',
  roles: ['admin', 'liaison', 'town'],
  errors: ['NOT_FOUND', 'CONTENT_REJECTED'],
  scope: (input, { caller }) => canPostIn(caller, input.groupId),
  onDenied: deniedIn('postNotice', (p) => cleanKey(p.groupId)),
  async handler(input, { caller, now }) {
    const { openid } = caller
    const id = idFor('nt-', openid, input.requestId)
    if (await row(notices().where({ _id: id }))) return { id, created: false, sharePath: sharePathOf(id), pushed: 0 }
    const group = await mustGroup(input.groupId)
    const photos = input.photos ?? []
    checkExpiry(input.expiresAt, now)
    assertOwnFiles(photos, { openid, purpose: 'notices', field: 'photos' })
    await checkTexts({ title: input.title, body: input.body }, { openid, scene: 'forum' })
    const started = await startMediaChecks(photos, { openid, scene: 'forum' })
    const audience = (await memberIds(input.groupId)).filter((m) => m !== openid)
    const { editWindowMinutes } = frontOf(group).settings
    const notice: Doc = {
      _id: id,
      groupId: input.groupId,
      groupName: str(group.name),
      title: input.title,
      body: input.body,
      category: input.category,
      photos,
      pendingMedia: photos,
      pinned: Boolean(input.pinned),
      expiresAt: input.expiresAt ?? null,
      liveUntil: input.expiresAt ?? NEVER,
      state: 'live',
      authorOpenid: openid,
      authorName: displayName(caller.profile),
      authorRole: authorRole(caller, input.groupId),
      createdAt: now,
      updatedAt: now,
      editableUntil: new Date(now.getTime() + editWindowMinutes * MINUTE_MS),
      editedAt: null,
      readCount: 0,
      ackCount: 0,
      audience: audience.length,
    }
    try {
      await notices().add({ data: notice })
    } catch (err) {
      if (isDuplicateKey(err)) return { id, created: false, sharePath: sharePathOf(id), pushed: 0 }
      throw err
    }
    await audiences().add({ data: { _id: id, groupId: input.groupId, unread: audience, createdAt: now } })
    await recordMediaChecks(started, { collection: COLLECTION.notices, id, field: 'photos', author: openid }, now)
    await addActivity(input.groupId, 'notice', `${notice.authorName} 发布了公告《${input.title}》`, now, {
      'front.lastNoticeAt': now,
    })
    const pushed = input.category === 'safety' ? await sendAlerts(notice, str(group.name), now) : 0
    return { id, created: true, sharePath: sharePathOf(id), pushed }
  },
})

export const subscribeAlerts = act('subscribeAlerts', {
  summary: '群成员在微信订阅弹窗里同意接收本群的安全提醒（一次同意可收一条），记下次数；拒绝则不变',
  roles: ['anyone'],
  scope: (input, { caller }) => canReadGroup(caller, input.groupId),
  async handler(input, { caller, now }) {
    if (!input.accepted) return { credits: await alertCredits(input.groupId, caller.openid) }
    return { credits: await addAlertCredit(input.groupId, caller.openid, now) }
  },
})
