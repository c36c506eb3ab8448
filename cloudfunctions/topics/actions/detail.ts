/**
 * A topic's page: the topic with its public timeline and clock, the council session, the answer,
 * progress photos, what I may do (support, comment, sign up, report, manage) and the first page of
 * comments — three database requests: the caller (router), the topic (projected: my own entries of
 * the per-person maps, never anyone else's), the comments. Photos: one storage call for links.
 * A topic hidden after reports, or removed, shows its content only to its author and its managers.
 */
import { LIVE_STATUSES, STATUS_LABEL, statusOf } from '../../_domain/topic-status'
import type { Caller } from '../../_lib/caller'
import { _, rows } from '../../_lib/cloud'
import { visibleFiles } from '../../_lib/content'
import { tempUrls } from '../../_lib/files'
import { isTown } from '../../_lib/guard'
import { templateId } from '../../_lib/notify'
import { actionsOf } from '../../_lib/router'
import { isoShanghai } from '../../_lib/time'
import { type Doc, num, str, strings } from '../../_lib/values'
import { type TopicDetail, topicsContract } from '../contract'
import { decodeCursor, encodeCursor } from '../cursor'
import { allowedMoves, withdrawKinds } from '../lifecycle'
import { canManage } from '../people'
import { presentAnswer, presentComment, presentRow, presentSession, presentTimeline, presentWithdrawal, timelinePhotos } from '../present'
import { comments, detailFields, mine, topicById } from '../store'
import { consentsOf } from '../tell'
import { NOTICE_KINDS, type NoticeKind } from '../views'

const act = actionsOf(topicsContract)

export const COMMENT_PAGE = 30

export async function commentPage(topicId: string, cursor: string | undefined) {
  const pos = decodeCursor(cursor)
  const cond = pos
    ? _.and([{ topicId }, _.or([{ createdAt: _.gt(new Date(pos.v)) }, { createdAt: new Date(pos.v), _id: _.gt(pos.id) }])])
    : { topicId }
  const found = await rows(
    comments()
      .where(cond)
      .orderBy('createdAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(COMMENT_PAGE + 1),
  )
  const page = found.slice(0, COMMENT_PAGE)
  const last = page[page.length - 1]
  const next = found.length > COMMENT_PAGE && last ? encodeCursor({ v: (last.createdAt as Date).getTime(), id: str(last._id) }) : null
  return { page, next }
}

/** Hidden (pending review) or removed: only the author and the managers see what it says. */
const redacted = (doc: Doc) => doc.hidden === true || doc.moderation === 'removed'

function myPart(doc: Doc, caller: Caller, now: Date, manager: boolean): TopicDetail['me'] {
  const { openid } = caller
  const status = statusOf(doc.status)
  const isAuthor = doc.authorOpenid === openid
  const live = LIVE_STATUSES.includes(status) && !redacted(doc)
  const f = mine<Doc>(doc, 'followers', openid)
  const signup = mine<Doc>(doc, 'signups', openid)
  const session = (doc.session ?? null) as Doc | null
  const official = manager || isTown(caller) || caller.roles.includes('liaison')
  const sessionOpen = status === 'deliberating' && session?.at instanceof Date && session.at.getTime() > now.getTime()
  const why = !live
    ? redacted(doc)
      ? '议题正在审核，暂时不能支持和评论'
      : '议题已结束，不能再支持和评论'
    : caller.verified || official
      ? null
      : '认证成为小哥后，可以支持、评论和报名议事会'
  const kinds = strings(f?.kinds).filter((k): k is NoticeKind => (NOTICE_KINDS as readonly string[]).includes(k))
  return {
    isAuthor,
    supported: Boolean(mine(doc, 'supporters', openid)),
    following: Boolean(f),
    consents: consentsOf(f).progress,
    kinds: f ? kinds : [],
    signedUp: Boolean(signup),
    checkedIn: Boolean(signup?.checkedInAt instanceof Date),
    reported: Boolean(mine(doc, 'reporters', openid)),
    canSupport: live && caller.verified && !isAuthor,
    canComment: live && (caller.verified || official),
    canReport: caller.verified && !isAuthor && !redacted(doc),
    canSignUp: live && caller.verified && sessionOpen && !signup && num(session?.seatsLeft) > 0,
    canManage: manager,
    why,
  }
}

export const getTopic = act('getTopic', {
  summary: '议题详情：内容、公开时间线与答复期限、议事会、答复、落实进展、我能做什么，以及第一页评论（共 3 次数据库请求）',
  roles: ['anyone'],
  errors: ['NOT_FOUND'],
  async handler({ topicId }, { caller, now }): Promise<TopicDetail> {
    const { openid } = caller
    const [doc, first] = await Promise.all([topicById(topicId, detailFields(openid)), commentPage(topicId, undefined)])
    const manager = canManage(caller, doc)
    const isAuthor = doc.authorOpenid === openid
    const open = !redacted(doc) || manager || isAuthor
    const topicPhotos = manager ? strings(doc.photos) : visibleFiles(doc, 'photos', { openid, author: str(doc.authorOpenid) })
    const pending = new Set(strings(doc.pendingMedia))
    const progress = timelinePhotos(doc.timeline)
    const urls = await tempUrls(open ? [...topicPhotos, ...progress] : [])
    const row = presentRow(doc, { now, openid })
    const answer = presentAnswer(doc, now)
    const stance = (doc.stance ?? {}) as Doc
    const removed = doc.moderation === 'removed'
    return {
      ...row,
      title: open ? row.title : removed ? '（该议题已被删除）' : '（该议题正在审核）',
      placeText: open ? row.placeText : null,
      description: open ? str(doc.description) : str(doc.moderationNote, '这个议题被多人举报，正在等待联络员审核。'),
      place: open && doc.place ? placeOf(doc.place as Doc) : null,
      photos: topicPhotos.filter((f) => urls.has(f)).map((f) => urls.get(f) as string),
      photosPending: manager || isAuthor ? topicPhotos.filter((f) => pending.has(f)).length : 0,
      threshold: num(doc.threshold, 10),
      followerCount: num(doc.followerCount),
      stance: { support: num(stance.support), neutral: num(stance.neutral), oppose: num(stance.oppose) },
      session: presentSession(doc, now, manager),
      answer,
      withdrawal: presentWithdrawal(doc),
      mergedFrom: (Array.isArray(doc.mergedFrom) ? (doc.mergedFrom as Doc[]) : []).map((m) => ({ id: str(m.id), title: str(m.title) })),
      timeline: presentTimeline(
        doc.timeline,
        { visible: new Set(progress.filter((f) => !pending.has(f))), seesPending: manager, urls },
        now,
      ),
      me: myPart(doc, caller, now, manager),
      moves: manager ? allowedMoves(doc) : [],
      withdrawKinds: manager && allowedMoves(doc).includes('withdrawn') ? withdrawKinds(doc) : [],
      moderation: { state: moderationState(doc), note: str(doc.moderationNote) || null },
      comments: open ? first.page.map((c) => presentComment(c, { openid, now })) : [],
      commentCursor: open ? first.next : null,
      templates: { progress: templateId('topicProgress'), session: templateId('topicSession'), moderation: templateId('topicModeration') },
      shareTitle: answer
        ? `议题答复：${answer.outcomeLabel}｜${row.title}`
        : `${STATUS_LABEL[row.status]}｜${row.title}（${row.supportCount} 人也遇到）`,
      now: isoShanghai(now),
    }
  },
})

function placeOf(p: Doc): TopicDetail['place'] {
  const point = p.point as Doc | null | undefined
  const ok = point && typeof point.lat === 'number' && typeof point.lng === 'number'
  return { text: str(p.text), point: ok ? { lat: point.lat as number, lng: point.lng as number } : null }
}

function moderationState(doc: Doc): TopicDetail['moderation']['state'] {
  if (doc.moderation === 'removed') return 'removed'
  if (doc.hidden === true) return 'pending'
  return doc.moderation === 'restored' ? 'restored' : 'none'
}

export const listComments = act('listComments', {
  summary: '议题的更多评论（按时间先后，服务端分页）',
  roles: ['anyone'],
  openidOnly: true,
  errors: ['NOT_FOUND'],
  async handler({ topicId, cursor }, { caller, now }) {
    const [doc, page] = await Promise.all([
      topicById(topicId, { hidden: true, moderation: true, authorOpenid: true }),
      commentPage(topicId, cursor),
    ])
    const open = !redacted(doc) || doc.authorOpenid === caller.openid
    return {
      comments: open ? page.page.map((c) => presentComment(c, { openid: caller.openid, now })) : [],
      cursor: open ? page.next : null,
    }
  },
})
