/** The liaison's saved replies: their own short answers to reuse (most used first), content-checked. */
import { rows } from '../../_lib/cloud'
import { checkTexts } from '../../_lib/content'
import { exhausted, notFound } from '../../_lib/errors'
import { newId } from '../../_lib/ids'
import { actionsOf } from '../../_lib/router'
import { isoShanghai } from '../../_lib/time'
import { type Doc, iso, num, str } from '../../_lib/values'
import { frontsContract, QUESTION_LIMITS, type SavedReply } from '../contract'
import { savedReplies } from '../store'

const act = actionsOf(frontsContract)

const view = (r: Doc): SavedReply => ({
  id: str(r._id),
  title: str(r.title),
  text: str(r.text),
  uses: num(r.uses),
  updatedAt: iso(r.updatedAt) ?? isoShanghai(0),
})

export const listSavedReplies = act('listSavedReplies', {
  summary: '联络员自己的常用回复，用得多的在前',
  roles: ['liaison', 'town'],
  async handler(_input, { caller }) {
    const list = await rows(
      savedReplies()
        .where({ ownerOpenid: caller.openid })
        .orderBy('uses', 'desc')
        .orderBy('updatedAt', 'desc')
        .limit(QUESTION_LIMITS.savedReplies),
    )
    return { items: list.map(view) }
  },
})

export const saveReply = act('saveReply', {
  summary: `新建或修改一条常用回复（每人最多 ${QUESTION_LIMITS.savedReplies} 条，经内容安全检查）`,
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'RESOURCE_EXHAUSTED', 'CONTENT_REJECTED'],
  async handler(input, { caller, now }) {
    await checkTexts({ title: input.title, text: input.text }, { openid: caller.openid, scene: 'comment' })
    if (input.id) {
      await savedReplies()
        .where({ _id: input.id, ownerOpenid: caller.openid })
        .update({ data: { title: input.title, text: input.text, updatedAt: now } })
      const held = await rows(savedReplies().where({ _id: input.id, ownerOpenid: caller.openid }).limit(1))
      if (!held[0]) throw notFound('没有找到这条常用回复')
      return view(held[0])
    }
    const count = (await savedReplies().where({ ownerOpenid: caller.openid }).count()) as { total: number }
    if (count.total >= QUESTION_LIMITS.savedReplies) throw exhausted(`常用回复最多 ${QUESTION_LIMITS.savedReplies} 条，请先删掉几条`)
    const doc: Doc = {
      _id: newId('sr-'),
      ownerOpenid: caller.openid,
      title: input.title,
      text: input.text,
      uses: 0,
      createdAt: now,
      updatedAt: now,
    }
    await savedReplies().add({ data: doc })
    return view(doc)
  },
})

export const deleteReply = act('deleteReply', {
  summary: '删掉自己的一条常用回复',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND'],
  async handler(input, { caller }) {
    const res = await savedReplies().where({ _id: input.id, ownerOpenid: caller.openid }).remove()
    if (num((res as { stats?: { removed?: number } }).stats?.removed) !== 1) throw notFound('没有找到这条常用回复')
    return { ok: true as const }
  },
})
