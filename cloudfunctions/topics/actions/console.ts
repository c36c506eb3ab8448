/**
 * The liaison's (their groups) and town's (everything) work list: live topics with what to do next,
 * the urgent first — overdue, hidden pending review, due within two days, waiting to be accepted for
 * more than three days or past the support threshold — then by due date and age. `all` pages through
 * every topic of their groups, newest first.
 */
import { LIVE_STATUSES, statusOf } from '../../_domain/topic-status'
import { _, rows } from '../../_lib/cloud'
import { isTown } from '../../_lib/guard'
import { templateId } from '../../_lib/notify'
import { actionsOf } from '../../_lib/router'
import { DAY_MS, dateTimeText } from '../../_lib/time'
import { type Doc, dateOrNull, str } from '../../_lib/values'
import { type ManagedRow, topicsContract } from '../contract'
import { decodeCursor, encodeCursor } from '../cursor'
import { clockOf, presentRow } from '../present'
import { rowFields, topics } from '../store'

const act = actionsOf(topicsContract)

const PAGE = 30

function todoOf(doc: Doc, now: Date): { todo: string; urgent: boolean } {
  const status = statusOf(doc.status)
  const clock = clockOf(doc, now)
  const created = dateOrNull(doc.createdAt)?.getTime() ?? now.getTime()
  if (doc.hidden === true) return { todo: '被举报隐藏，请审核', urgent: true }
  if (clock.state === 'overdue') return { todo: `已逾期 ${clock.daysOverdue} 天，请尽快答复`, urgent: true }
  const soon = clock.daysLeft !== null && clock.daysLeft <= 2
  switch (status) {
    case 'submitted':
      return { todo: '受理并定答复期限', urgent: doc.answerRequired === true || now.getTime() - created > 3 * DAY_MS }
    case 'accepted':
      return { todo: `安排议事会（${clock.text}）`, urgent: soon }
    case 'deliberating': {
      const at = dateOrNull((doc.session as Doc | null)?.at)
      const held = at && at.getTime() < now.getTime()
      return { todo: held ? `议事会已开，请答复（${clock.text}）` : `议事会 ${at ? dateTimeText(at).slice(5) : ''}`, urgent: soon }
    }
    case 'answered':
      return { todo: str((doc.answer as Doc | null)?.outcome) === 'rejected' ? '办结（不采纳）' : '开始落实', urgent: false }
    default:
      return { todo: '更新落实进展或办结', urgent: false }
  }
}

export const myTopicRole = act('myTopicRole', {
  summary: '我在议事里能做什么：能否提议题（不能时怎么办）、有没有议事工作台；订阅消息模板 id',
  roles: ['anyone'],
  async handler(_input, { caller }) {
    const official = isTown(caller) || caller.roles.includes('liaison')
    const hint = caller.verified
      ? null
      : official
        ? '联络员和镇里不提议题：可以在议事工作台受理、答复小哥们提的议题。'
        : '认证成为小哥后就能提议题。在“我的”里填写工种、拍工牌，联络员审核。'
    return {
      canRaise: caller.verified,
      canManage: official,
      isTown: isTown(caller),
      hint,
      templates: { progress: templateId('topicProgress'), session: templateId('topicSession'), moderation: templateId('topicModeration') },
    }
  },
})

export const managedTopics = act('managedTopics', {
  summary: '联络员（本群）/ 镇里（全部）的议题工作台：要做的事，急的在前（逾期、待审核、快到期、久未受理）',
  roles: ['liaison', 'town'],
  async handler({ view = 'todo', cursor }, { caller, now }) {
    const where: Doc = { moderation: _.neq('removed') }
    if (!isTown(caller)) where.groupId = _.in(caller.liaisonOf)
    const openid = caller.openid
    const fields = { ...rowFields(openid), session: true }
    if (view === 'todo') {
      const found = await rows(
        topics()
          .where({ ...where, status: _.in([...LIVE_STATUSES]) })
          .field(fields)
          .orderBy('createdAt', 'asc')
          .limit(200),
      )
      const list: ManagedRow[] = found.map((d) => ({ ...presentRow(d, { now, openid }), ...todoOf(d, now) }))
      const due = (r: ManagedRow) => (r.clock.dueDate ? Date.parse(r.clock.dueDate) : Number.MAX_SAFE_INTEGER)
      list.sort((a, b) => Number(b.urgent) - Number(a.urgent) || due(a) - due(b))
      return { topics: list, cursor: null, isTown: isTown(caller) }
    }
    const pos = decodeCursor(cursor)
    const cond = pos
      ? _.and([where, _.or([{ createdAt: _.lt(new Date(pos.v)) }, { createdAt: new Date(pos.v), _id: _.lt(pos.id) }])])
      : where
    const found = await rows(
      topics()
        .where(cond)
        .field(fields)
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(PAGE + 1),
    )
    const page = found.slice(0, PAGE)
    const last = page[page.length - 1]
    return {
      topics: page.map((d) => ({ ...presentRow(d, { now, openid }), ...todoOf(d, now) })),
      cursor: found.length > PAGE && last ? encodeCursor({ v: (last.createdAt as Date).getTime(), id: str(last._id) }) : null,
      isTown: isTown(caller),
    }
  },
})
