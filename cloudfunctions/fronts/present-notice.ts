/** How a stored notice is shown: the card (lists, 首页, the front page) and the detail page. */
import { noticeState } from '../_domain/front-notices'
import type { Caller } from '../_lib/caller'
import { visibleFiles } from '../_lib/content'
import { tempUrls } from '../_lib/files'
import { isLiaisonOf, isOnDutyAdminOf } from '../_lib/guard'
import { templateId } from '../_lib/notify'
import { isoShanghai } from '../_lib/time'
import { type Doc, iso, num, str, strings } from '../_lib/values'
import { canPostIn, canReadGroup } from './access'
import { NOTICE_CATEGORIES, type NoticeCard, type NoticeCategory, type NoticeDetail, type PhotoView } from './contract'

export const NOTICE_PAGE = 'pkg-front/notice/index'
export const sharePathOf = (id: string) => `${NOTICE_PAGE}?id=${id}`

const categoryOf = (v: unknown): NoticeCategory => (NOTICE_CATEGORIES.includes(v as NoticeCategory) ? (v as NoticeCategory) : 'notice')
const roleOf = (v: unknown) => (v === 'liaison' || v === 'town' ? v : 'admin')

export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

/** `mine`: the viewer's read record (null: none yet; undefined: the viewer is not a member). */
export function noticeCard(n: Doc, now: Date, mine?: Doc | null): NoticeCard {
  const state = noticeState(n, now)
  return {
    id: str(n._id),
    groupId: str(n.groupId),
    title: str(n.title),
    excerpt: state === 'withdrawn' ? '' : excerpt(str(n.body), 40),
    category: categoryOf(n.category),
    pinned: state === 'live' && Boolean(n.pinned),
    createdAt: iso(n.createdAt) ?? isoShanghai(0),
    expiresAt: iso(n.expiresAt),
    state,
    edited: n.editedAt instanceof Date,
    author: { name: str(n.authorName, '管理员'), role: roleOf(n.authorRole) },
    readCount: num(n.readCount),
    ackCount: num(n.ackCount),
    audience: num(n.audience),
    photoCount: visibleFiles(n, 'photos').length,
    read: mine === undefined ? null : Boolean(mine),
    acked: mine === undefined ? null : Boolean(mine?.ackAt instanceof Date),
  }
}

export async function photoViews(doc: Doc, field: string, viewer: string, author: string): Promise<PhotoView[]> {
  const files = visibleFiles(doc, field, { openid: viewer, author })
  const pending = new Set(strings(doc.pendingMedia))
  const urls = await tempUrls(files)
  return files.map((f) => ({ fileId: f, url: urls.get(f) ?? null, checking: pending.has(f) }))
}

/** May this caller change the notice now (author on duty or the group's liaison; within the window for edits)? */
export function noticeRights(n: Doc, caller: Caller, now: Date) {
  const groupId = str(n.groupId)
  const isAuthor = str(n.authorOpenid) === caller.openid
  const liaison = isLiaisonOf(caller, groupId)
  const live = n.state !== 'withdrawn'
  const inWindow = n.editableUntil instanceof Date && now.getTime() < n.editableUntil.getTime()
  const mayManage = liaison || (isAuthor && canPostIn(caller, groupId))
  const mayChange = live && mayManage
  return {
    isAuthor,
    /** who may change it at all (the state is checked by the action) */
    mayManage,
    canEdit: mayChange && inWindow && noticeState(n, now) === 'live',
    canWithdraw: mayChange,
    canPin: live && canPostIn(caller, groupId),
    canSeeFigures: isAuthor || liaison || isOnDutyAdminOf(caller, groupId),
  }
}

export async function noticeDetail(
  n: Doc,
  caller: Caller,
  now: Date,
  mine: Doc | null | undefined,
  groupName: string,
): Promise<NoticeDetail> {
  const card = noticeCard(n, now, mine)
  const rights = noticeRights(n, caller, now)
  const withdrawn = card.state === 'withdrawn'
  return {
    ...card,
    groupName,
    body: withdrawn ? '' : str(n.body),
    photos: withdrawn ? [] : await photoViews(n, 'photos', caller.openid, str(n.authorOpenid)),
    editedAt: iso(n.editedAt),
    editableUntil: rights.canEdit ? iso(n.editableUntil) : null,
    withdrawn: withdrawn
      ? { reason: str(n.withdrawnReason), at: iso(n.withdrawnAt) ?? isoShanghai(0), by: str(n.withdrawnByName, '管理员') }
      : null,
    sharePath: sharePathOf(str(n._id)),
    me: {
      member: canReadGroup(caller, str(n.groupId)),
      isAuthor: rights.isAuthor,
      canEdit: rights.canEdit,
      canWithdraw: rights.canWithdraw,
      canPin: rights.canPin,
      canSeeFigures: rights.canSeeFigures,
      alertsTemplate: templateId('frontAlert'),
    },
  }
}
