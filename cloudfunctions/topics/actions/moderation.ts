/**
 * Moderation: a verified rider reports a topic or a comment with a reason (each rider counted once:
 * a conditional update on the item's `reporters` map); at three open reports the item is hidden
 * pending review (its author and the group's liaison are told). The liaison of the group or town
 * restores it or removes it with a reason; the author is told; every decision is in the audit log,
 * and a topic's hiding, restoring and removal are on its public timeline too. Visitors cannot report
 * (otherwise three fresh accounts could hide anything).
 */
import { _, rows } from '../../_lib/cloud'
import { checkTexts } from '../../_lib/content'
import { denied, precondition } from '../../_lib/errors'
import { isTown } from '../../_lib/guard'
import { notify } from '../../_lib/notify'
import type { ActionContext } from '../../_lib/router'
import { actionsOf } from '../../_lib/router'
import { isoShanghai } from '../../_lib/time'
import { type Doc, dateOrNull, num, str, updatedCount } from '../../_lib/values'
import { auditTopic, deniedOnTopic } from '../audit'
import { topicsContract } from '../contract'
import { entry } from '../lifecycle'
import { actorOf, canManage, groupInfo } from '../people'
import { commentById, comments, personKey, topicById, topics } from '../store'
import { clip, tellAuthor } from '../tell'
import { REPORT_REASON_LABEL, type ReportedItem, type ReportReason } from '../views'

const act = actionsOf(topicsContract)

export const HIDE_AT = 3
const SYSTEM = { openid: '', name: '系统', role: 'system' as const }

type Kind = 'topic' | 'comment'
const collectionOf = (kind: Kind) => (kind === 'topic' ? topics() : comments())

/** The item and the topic it belongs to. */
async function itemOf(kind: Kind, id: string): Promise<{ item: Doc; topic: Doc }> {
  if (kind === 'topic') {
    const topic = await topicById(id)
    return { item: topic, topic }
  }
  const item = await commentById(id)
  return { item, topic: await topicById(str(item.topicId)) }
}

const describe = (kind: Kind, topic: Doc) => (kind === 'topic' ? `议题《${str(topic.title)}》` : `在《${str(topic.title)}》下的评论`)

export const report = act('report', {
  summary: '举报议题或评论（写明原因）；同一人只算一次，3 人举报后先隐藏、等联络员审核',
  roles: ['rider'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  async handler({ kind, id, reason, note }, { caller, now }) {
    if (!caller.verified) throw denied('认证成为小哥后才能举报')
    const key = personKey(caller.openid)
    const { item, topic } = await itemOf(kind, id)
    if (item.authorOpenid === key) throw precondition('不能举报自己写的内容')
    if (item.moderation === 'removed' || item.removedAt instanceof Date) throw precondition('这条内容已经被删除了')
    await checkTexts({ note }, { openid: key, scene: 'comment' })
    const path = `reporters.${key}`
    const counted = updatedCount(
      await collectionOf(kind)
        .where({ _id: id, [path]: _.exists(false) })
        .update({ data: { [path]: _.set({ reason, note: note ?? null, at: now }), reportCount: _.inc(1), openReports: _.inc(1) } }),
    )
    let hidden = item.hidden === true
    if (counted && !hidden) hidden = await hideIfReported(kind, id, topic, item, now)
    return { reported: true, hidden }
  },
})

/** Three open reports: hide it pending review (once), tell its author and the group's liaison. */
async function hideIfReported(kind: Kind, id: string, topic: Doc, item: Doc, now: Date): Promise<boolean> {
  const data: Doc = { hidden: true, hiddenAt: now, moderation: 'pending' }
  if (kind === 'topic') data.timeline = _.push([entry('hidden', null, SYSTEM, '多人举报，暂时隐藏，等待联络员审核', now)])
  const hid = updatedCount(
    await collectionOf(kind)
      .where({ _id: id, hidden: false, openReports: _.gte(HIDE_AT), moderation: _.neq('removed') })
      .update({ data }),
  )
  if (!hid) return false
  const what = describe(kind, topic)
  await tellAuthor(topic, str(item.authorOpenid), { content: `${what}`, phrase: '已隐藏', reason: '多人举报，等待联络员审核' }, now)
  const liaison = (await groupInfo(str(topic.groupId) || null))?.liaisonOpenid
  if (liaison)
    await notify(
      {
        to: liaison,
        title: '有内容待审核',
        text: `${what}被 ${HIDE_AT} 人举报，已暂时隐藏，请审核：恢复或删除`,
        page: 'pkg-topics/moderation/index',
      },
      now,
    ).catch((err: unknown) => console.warn('[topics] moderation notice failed', err))
  return true
}

function reasonsOf(item: Doc): ReportedItem['reasons'] {
  return Object.values((item.reporters ?? {}) as Record<string, Doc>).map((r) => ({
    reason: REPORT_REASON_LABEL[(str(r.reason) || 'other') as ReportReason] ?? '其他',
    note: str(r.note) || null,
  }))
}

export const moderationQueue = act('moderationQueue', {
  summary: '待审核：被举报的议题和评论（本群联络员看本群的，镇里看全部），隐藏的在前',
  roles: ['liaison', 'town'],
  async handler(_input, { caller, now }) {
    const where: Doc = { openReports: _.gt(0), moderation: _.neq('removed') }
    if (!isTown(caller)) where.groupId = _.in(caller.liaisonOf)
    const [ts, cs] = await Promise.all([
      rows(topics().where(where).orderBy('openReports', 'desc').limit(50)),
      rows(comments().where(where).orderBy('openReports', 'desc').limit(50)),
    ])
    const items: ReportedItem[] = [
      ...ts.map((t) => ({
        kind: 'topic' as const,
        id: str(t._id),
        topicId: str(t._id),
        topicTitle: str(t.title),
        text: clip(str(t.description), 80),
        item: t,
      })),
      ...cs.map((c) => ({
        kind: 'comment' as const,
        id: str(c._id),
        topicId: str(c.topicId),
        topicTitle: str(c.topicTitle),
        text: str(c.text),
        item: c,
      })),
    ].map(({ item, ...rest }) => ({
      ...rest,
      authorName: str(item.authorName, '骑手朋友'),
      hidden: item.hidden === true,
      reports: num(item.openReports),
      reasons: reasonsOf(item),
      since: isoShanghai(dateOrNull(item.hiddenAt) ?? dateOrNull(item.createdAt) ?? now),
    }))
    items.sort((a, b) => Number(b.hidden) - Number(a.hidden) || b.reports - a.reports)
    return { items }
  },
})

async function moderateScope(input: { kind: Kind; id: string }, { caller }: ActionContext): Promise<boolean> {
  const { topic } = await itemOf(input.kind, input.id)
  return canManage(caller, topic)
}

export const moderate = act('moderate', {
  summary: '审核被举报的内容：恢复或删除（写明理由，告诉作者，记入审计）；本群联络员或镇里',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  scope: moderateScope,
  onDenied: deniedOnTopic,
  async handler({ kind, id, decision, reason }, ctx) {
    const { caller, now } = ctx
    const { item, topic } = await itemOf(kind, id)
    if (decision === 'remove' && item.moderation === 'removed') throw precondition('已经删除了')
    if (decision === 'restore' && item.hidden !== true && item.moderation !== 'removed' && num(item.openReports) === 0)
      throw precondition('这条内容没有被举报，不用恢复')
    await checkTexts({ reason }, { openid: caller.openid, scene: 'comment' })
    const before = { hidden: item.hidden === true, moderation: str(item.moderation, 'none'), openReports: num(item.openReports) }
    const data: Doc =
      decision === 'restore'
        ? {
            hidden: false,
            openReports: 0,
            moderation: 'restored',
            moderationNote: reason,
            removedAt: null,
            reviewedAt: now,
            reviewedBy: caller.openid,
          }
        : {
            hidden: false,
            moderation: 'removed',
            moderationNote: reason,
            removedAt: now,
            removedReason: reason,
            reviewedAt: now,
            reviewedBy: caller.openid,
          }
    if (kind === 'topic') {
      const text = decision === 'restore' ? `经审核恢复显示：${reason}` : `经审核删除：${reason}`
      data.timeline = _.push([entry(decision === 'restore' ? 'restored' : 'removed', null, actorOf(caller), text, now)])
    }
    const changed = updatedCount(
      await collectionOf(kind)
        .where({ _id: id, moderation: item.moderation ?? 'none' })
        .update({ data }),
    )
    if (!changed) throw precondition('这条内容刚刚被别人审核过了，请刷新')
    await auditTopic(ctx, topic, {
      action: `moderate:${kind}:${decision}`,
      targetOpenid: str(item.authorOpenid) || null,
      before: { ...(kind === 'comment' ? { commentId: id } : {}), ...before },
      after: { moderation: decision === 'restore' ? 'restored' : 'removed' },
      note: reason,
    })
    const phrase = decision === 'restore' ? '已恢复' : '已删除'
    await tellAuthor(topic, str(item.authorOpenid), { content: describe(kind, topic), phrase, reason }, now)
    return { ok: true as const }
  },
})
