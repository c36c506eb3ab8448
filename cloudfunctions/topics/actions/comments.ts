/**
 * Deliberation in comments: a stance (支持 / 中立 / 反对) with each comment, replies one level deep,
 * the author may edit within 10 minutes; every text content-checked before it is stored. Verified
 * riders, liaisons and town comment (officials are marked); a closed or hidden topic takes none.
 * Once per client requestId; at most 60 comments a day per person.
 */
import { LIVE_STATUSES, statusOf } from '../../_domain/topic-status'
import { _, row } from '../../_lib/cloud'
import { checkTexts } from '../../_lib/content'
import { denied, exhausted, invalid, precondition } from '../../_lib/errors'
import { isTown } from '../../_lib/guard'
import { hashToken, newId } from '../../_lib/ids'
import { notify } from '../../_lib/notify'
import { displayName } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { dayStart } from '../../_lib/time'
import { type Doc, isDuplicateKey, num, str, updatedCount } from '../../_lib/values'
import { topicsContract } from '../contract'
import { EDIT_WINDOW_MS, presentComment } from '../present'
import { commentById, comments, topicById, topics } from '../store'
import { clip, topicPage } from '../tell'

const act = actionsOf(topicsContract)

export const MAX_COMMENTS_PER_DAY = 60

export const comment = act('comment', {
  summary: '评论议题（立场：支持 / 中立 / 反对；可回复一层）；经内容安全检查；议题结束或被隐藏时不能评论',
  roles: ['rider', 'liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONTENT_REJECTED', 'RESOURCE_EXHAUSTED'],
  async handler(input, { caller, now }) {
    const { openid } = caller
    const role = isTown(caller) ? 'town' : caller.roles.includes('liaison') ? 'liaison' : 'rider'
    if (role === 'rider' && !caller.verified) throw denied('认证成为小哥后才能评论')
    const topic = await topicById(input.topicId, {
      status: true,
      hidden: true,
      moderation: true,
      groupId: true,
      title: true,
      authorOpenid: true,
    })
    if (topic.hidden === true || topic.moderation === 'removed') throw precondition('议题正在审核，暂时不能评论')
    if (!LIVE_STATUSES.includes(statusOf(topic.status))) throw precondition('议题已经结束，不能再评论了')
    const parent = input.parentId ? await commentById(input.parentId) : null
    if (parent && parent.topicId !== input.topicId) throw invalid('只能回复这个议题下的评论', { field: 'parentId' })
    if (parent?.parentId) throw invalid('只能回复一层：请回复原评论', { field: 'parentId' })
    if (parent && (parent.removedAt instanceof Date || parent.hidden === true)) throw precondition('这条评论正在审核或已删除，不能回复')
    // once per client request: the id is derived from the author and the requestId
    const id = input.requestId ? `tc-${hashToken(`${openid}|${input.requestId}`).slice(0, 24)}` : newId('tc-')
    if (input.requestId) {
      const earlier = await row(comments().where({ _id: id }))
      if (earlier) return presentComment(earlier, { openid, now })
    }
    const today = (await comments()
      .where({ authorOpenid: openid, createdAt: _.gte(new Date(dayStart(now))) })
      .count()) as { total?: number }
    if (num(today.total) >= MAX_COMMENTS_PER_DAY) throw exhausted('今天评论太多了，明天再来吧')
    await checkTexts({ text: input.text }, { openid, scene: 'comment' })
    const doc: Doc = {
      _id: id,
      topicId: input.topicId,
      topicTitle: str(topic.title),
      groupId: str(topic.groupId) || null,
      parentId: parent ? str(parent._id) : null,
      authorOpenid: openid,
      authorName: caller.profile ? displayName(caller.profile) : '镇里',
      authorRole: role,
      stance: input.stance,
      text: input.text,
      createdAt: now,
      editedAt: null,
      hidden: false,
      moderation: 'none',
      reporters: {},
      reportCount: 0,
      openReports: 0,
      removedAt: null,
    }
    try {
      await comments().add({ data: doc })
    } catch (err) {
      if (!isDuplicateKey(err) || !input.requestId) throw err
      const first = await row(comments().where({ _id: id }))
      if (first) return presentComment(first, { openid, now })
      throw err
    }
    await topics()
      .doc(input.topicId)
      .update({ data: { commentCount: _.inc(1), [`stance.${input.stance}`]: _.inc(1), updatedAt: now } })
    await tellAboutComment(topic, parent, doc, now)
    return presentComment(doc, { openid, now })
  },
})

/** An in-app notice to the one whose words were answered: the parent's author, else the topic's author. */
async function tellAboutComment(topic: Doc, parent: Doc | null, c: Doc, now: Date): Promise<void> {
  const to = str(parent?.authorOpenid) || str(topic.authorOpenid)
  if (!to || to === c.authorOpenid) return
  const what = parent ? '回复了你的评论' : '评论了你的议题'
  await notify(
    {
      to,
      title: '议题有新评论',
      text: `${str(c.authorName)}${what}《${clip(str(topic.title), 30)}》：${clip(str(c.text), 40)}`,
      page: topicPage(str(topic._id)),
    },
    now,
  ).catch((err: unknown) => console.warn('[topics] comment notice failed', err))
}

export const editComment = act('editComment', {
  summary: '修改自己的评论（发出后 10 分钟内；经内容安全检查）',
  roles: ['rider', 'liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  async handler({ commentId, text }, { caller, now }) {
    const c = await commentById(commentId)
    if (c.authorOpenid !== caller.openid) throw denied('只能修改自己的评论')
    if (c.removedAt instanceof Date || c.hidden === true) throw precondition('这条评论正在审核或已删除，不能修改')
    const created = c.createdAt instanceof Date ? c.createdAt.getTime() : 0
    if (now.getTime() - created >= EDIT_WINDOW_MS) throw precondition('发出超过 10 分钟的评论不能再修改')
    await checkTexts({ text }, { openid: caller.openid, scene: 'comment' })
    const changed = updatedCount(
      await comments()
        .where({
          _id: commentId,
          authorOpenid: caller.openid,
          hidden: false,
          removedAt: null,
          createdAt: _.gt(new Date(now.getTime() - EDIT_WINDOW_MS)),
        })
        .update({ data: { text, editedAt: now } }),
    )
    if (!changed && c.text !== text) throw precondition('发出超过 10 分钟的评论不能再修改')
    return presentComment({ ...c, text, editedAt: now }, { openid: caller.openid, now })
  },
})
