/**
 * The group's FAQ: the liaison publishes a good answer as a question-and-answer pair rewritten for
 * everyone. The asker never reaches it: no openid or name is stored with the entry, and the asker's
 * nickname and any mobile number are taken out of both texts. Publishing and removing are audited.
 */
import { groupScope, writeAudit } from '../../_lib/audit'
import { rows } from '../../_lib/cloud'
import { checkTexts } from '../../_lib/content'
import { conflict, notFound, precondition } from '../../_lib/errors'
import { isLiaisonOf } from '../../_lib/guard'
import { DEFAULT_NICKNAME } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { isoShanghai } from '../../_lib/time'
import { type Doc, isDuplicateKey, iso, str, updatedCount } from '../../_lib/values'
import { canReadGroup } from '../access'
import { type FaqItem, frontsContract, QUESTION_CATEGORIES, type QuestionCategory } from '../contract'
import { mustQuestion } from '../question-model'
import { addActivity, countOf, faqs, groupIdOr, groups, mustGroup, questions, users } from '../store'

const act = actionsOf(frontsContract)

/** The asker's names, their phone and any mobile number taken out of a text meant for everyone. */
export function anonymise(text: string, names: string[], phone = ''): string {
  let out = phone.length >= 5 ? text.split(phone).join('（手机号已隐去）') : text
  for (const n of [...new Set(names)].filter((x) => x.length >= 2 && x !== DEFAULT_NICKNAME).sort((a, b) => b.length - a.length))
    out = out.split(n).join('某骑手')
  return out.replace(/1\d{10}/g, '（手机号已隐去）')
}

const view = (f: Doc): FaqItem => ({
  id: str(f._id),
  question: str(f.question),
  answer: str(f.answer),
  category: QUESTION_CATEGORIES.includes(f.category as QuestionCategory) ? (f.category as QuestionCategory) : 'other',
  publishedAt: iso(f.publishedAt) ?? isoShanghai(0),
})

/** The first three entries and the count, kept on the group for the front page. */
async function refreshTop(groupId: string): Promise<void> {
  const live = { groupId, state: 'live' }
  const [top, total] = await Promise.all([rows(faqs().where(live).orderBy('publishedAt', 'desc').limit(3)), countOf(faqs().where(live))])
  await groups()
    .where({ _id: groupId })
    .update({ data: { 'front.faqTop': top.map((f) => ({ id: str(f._id), question: str(f.question) })), 'front.faqCount': total } })
}

const liaisonOfQuestion = async (input: { questionId: string }, { caller }: { caller: Parameters<typeof isLiaisonOf>[0] }) =>
  isLiaisonOf(caller, str((await mustQuestion(input.questionId)).groupId))

export const publishFaq = act('publishFaq', {
  summary: '联络员把一个答得好的问题整理后发布到本群常见问题：不带提问人（昵称和手机号会被自动去掉），经内容安全检查，记入本群的变更记录',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONFLICT', 'CONTENT_REJECTED'],
  scope: liaisonOfQuestion,
  async handler(input, { caller, now }) {
    const q = await mustQuestion(input.questionId)
    if (!(q.firstReplyAt instanceof Date)) throw precondition('回答过的问题才能整理成常见问题')
    const asker = (
      await rows(
        users()
          .where({ _id: str(q.askerOpenid) })
          .limit(1),
      )
    )[0]
    const names = [str(q.askerName), str(asker?.nickname)]
    const phone = str(asker?.phone)
    const entry = { question: anonymise(input.question, names, phone), answer: anonymise(input.answer, names, phone) }
    await checkTexts(entry, { openid: caller.openid, scene: 'forum' })
    const groupId = str(q.groupId)
    const id = `faq-${input.questionId}`
    const doc: Doc = {
      _id: id,
      groupId,
      ...entry,
      category: str(q.category, 'other'),
      state: 'live',
      publishedBy: caller.openid,
      publishedAt: now,
    }
    try {
      await faqs().add({ data: { ...doc, fromQuestionId: input.questionId } })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      const res = await faqs()
        .where({ _id: id, state: 'removed' })
        .update({ data: { ...entry, state: 'live', publishedBy: caller.openid, publishedAt: now } })
      if (updatedCount(res) !== 1) throw conflict('这个问题已经在常见问题里了')
    }
    await questions()
      .where({ _id: input.questionId })
      .update({ data: { faqId: id } })
    await refreshTop(groupId)
    await writeAudit(
      {
        actorOpenid: caller.openid,
        action: 'faqPublish',
        scope: groupScope(groupId),
        outcome: 'applied',
        after: { faqId: id, question: entry.question },
      },
      now,
    )
    await addActivity(groupId, 'faq', `常见问题新增：${entry.question}`, now)
    return view(doc)
  },
})

export const unpublishFaq = act('unpublishFaq', {
  summary: '联络员把一条常见问题撤下（记入本群的变更记录）',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND'],
  scope: async (input, { caller }) => {
    const f = (await rows(faqs().where({ _id: input.faqId }).limit(1)))[0]
    if (!f) throw notFound('没有找到这条常见问题')
    return isLiaisonOf(caller, str(f.groupId))
  },
  async handler(input, { caller, now }) {
    const f = (await rows(faqs().where({ _id: input.faqId }).limit(1)))[0]
    if (!f) throw notFound('没有找到这条常见问题')
    const res = await faqs()
      .where({ _id: input.faqId, state: 'live' })
      .update({ data: { state: 'removed', removedAt: now, removedBy: caller.openid } })
    if (updatedCount(res) === 1) {
      await questions()
        .where({ faqId: input.faqId })
        .update({ data: { faqId: null } })
      await refreshTop(str(f.groupId))
      await writeAudit(
        {
          actorOpenid: caller.openid,
          action: 'faqRemove',
          scope: groupScope(str(f.groupId)),
          outcome: 'applied',
          before: { faqId: input.faqId, question: str(f.question) },
        },
        now,
      )
    }
    return { ok: true as const }
  },
})

export const listFaq = act('listFaq', {
  summary: '本群的常见问题（群成员都能看，不含提问人）',
  roles: ['anyone'],
  errors: ['FAILED_PRECONDITION'],
  scope: (input, { caller }) => canReadGroup(caller, groupIdOr(input.groupId, caller.currentGroupId)),
  async handler(input, { caller }) {
    const groupId = groupIdOr(input.groupId, caller.currentGroupId)
    const [group, list] = await Promise.all([
      mustGroup(groupId),
      rows(faqs().where({ groupId, state: 'live' }).orderBy('publishedAt', 'desc').limit(100)),
    ])
    return { groupId, groupName: str(group.name), items: list.map(view), canEdit: isLiaisonOf(caller, groupId) }
  },
})
