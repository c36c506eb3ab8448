/**
 * 我也遇到 (support, once per rider, withdrawable) and following a topic. The count is exact under
 * any concurrency: the support is one conditional update that adds the rider's key to the topic's
 * `supporters` map and increments `supportCount` only when the key was absent (30 riders and the
 * same rider 20 times at once → +30); the durable record in topic_supports (unique per rider and
 * topic) is written first. Reaching the topic's threshold makes a written answer mandatory — once,
 * with an entry on the public timeline. A supporter follows the topic (is told of its progress).
 */
import { LIVE_STATUSES, statusOf } from '../../_domain/topic-status'
import { _ } from '../../_lib/cloud'
import { denied, precondition } from '../../_lib/errors'
import { notify } from '../../_lib/notify'
import { actionsOf } from '../../_lib/router'
import { type Doc, num, str, updatedCount } from '../../_lib/values'
import { topicsContract } from '../contract'
import { entry } from '../lifecycle'
import { activateRecord, deactivateRecord, follow as startFollowing } from '../membership'
import { groupInfo } from '../people'
import { follows, mine, personKey, supports, topicById, topics } from '../store'
import { consentsOf, topicPage } from '../tell'

const act = actionsOf(topicsContract)

function assertSupportable(doc: Doc): void {
  if (doc.hidden === true || doc.moderation === 'removed') throw precondition('议题正在审核，暂时不能支持')
  if (!LIVE_STATUSES.includes(statusOf(doc.status))) throw precondition('议题已经结束，不能再支持了')
}

async function countOf(topicId: string) {
  const doc = await topicById(topicId, { supportCount: true, answerRequired: true })
  return { supportCount: Math.max(0, num(doc.supportCount)), answerRequired: doc.answerRequired === true }
}

/** The threshold was just reached: flag it once, on the timeline, and tell the liaison. */
async function reachThreshold(doc: Doc, now: Date): Promise<void> {
  const topicId = str(doc._id)
  const threshold = num(doc.threshold, 10)
  const text = `已有 ${threshold} 位小哥遇到同样的问题，须书面答复`
  const system = { openid: '', name: '系统', role: 'system' as const }
  const flipped = updatedCount(
    await topics()
      .where({ _id: topicId, answerRequired: false, supportCount: _.gte(threshold) })
      .update({ data: { answerRequired: true, thresholdAt: now, timeline: _.push([entry('threshold', null, system, text, now)]) } }),
  )
  if (!flipped) return
  const group = await groupInfo(str(doc.groupId) || null)
  const to = [group?.liaisonOpenid, str(doc.authorOpenid)].filter((o): o is string => Boolean(o))
  for (const openid of to)
    await notify({ to: openid, title: '议题须书面答复', text: `《${str(doc.title)}》${text}`, page: topicPage(topicId) }, now).catch(
      (err: unknown) => console.warn('[topics] threshold notice failed', err),
    )
}

export const support = act('support', {
  summary: '我也遇到：认证小哥支持议题，每人只算一次（重复发送也只算一次），可撤回；达到门槛后须书面答复；支持即关注进展',
  roles: ['rider'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  async handler({ topicId, accepted }, { caller, now }) {
    if (!caller.verified) throw denied('认证成为小哥后才能支持议题')
    const key = personKey(caller.openid)
    const doc = await topicById(topicId, {
      status: true,
      hidden: true,
      moderation: true,
      authorOpenid: true,
      threshold: true,
      groupId: true,
      title: true,
      [`supporters.${key}`]: true,
    })
    if (doc.authorOpenid === key) throw precondition('这是你提的议题，有进展会通知你')
    if (!mine(doc, 'supporters', key)) assertSupportable(doc)
    await activateRecord(supports(), topicId, key, now)
    const counted = updatedCount(
      await topics()
        .where({ _id: topicId, status: _.in([...LIVE_STATUSES]), hidden: false, [`supporters.${key}`]: _.exists(false) })
        .update({ data: { [`supporters.${key}`]: now, supportCount: _.inc(1), updatedAt: now } }),
    )
    if (counted) {
      await activateRecord(follows(), topicId, key, now)
      await startFollowing(topicId, key, now, { accepted, counted: true })
      const after = await countOf(topicId)
      if (!after.answerRequired && after.supportCount >= num(doc.threshold, 10)) await reachThreshold(doc, now)
      else return { supported: true, ...after }
    } else {
      const again = await topicById(topicId, { status: true, hidden: true, moderation: true, [`supporters.${key}`]: true })
      if (!mine(again, 'supporters', key)) {
        // closed or hidden in between: the record goes back
        await deactivateRecord(supports(), topicId, key, now)
        assertSupportable(again)
      }
      if (accepted?.length) await startFollowing(topicId, key, now, { accepted, counted: true })
    }
    return { supported: true, ...(await countOf(topicId)) }
  },
})

export const withdrawSupport = act('withdrawSupport', {
  summary: '撤回我的支持（只减一次）',
  roles: ['rider'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  async handler({ topicId }, { caller, now }) {
    const key = personKey(caller.openid)
    const doc = await topicById(topicId, { status: true, [`supporters.${key}`]: true })
    if (mine(doc, 'supporters', key) && !LIVE_STATUSES.includes(statusOf(doc.status))) throw precondition('议题已经结束，支持记录会保留')
    await topics()
      .where({ _id: topicId, status: _.in([...LIVE_STATUSES]), [`supporters.${key}`]: _.exists(true) })
      .update({ data: { [`supporters.${key}`]: _.remove(), supportCount: _.inc(-1), updatedAt: now } })
    await deactivateRecord(supports(), topicId, key, now)
    return { supported: false, ...(await countOf(topicId)) }
  },
})

export const follow = act('follow', {
  summary: '关注议题：有进展时通知我（可选哪些进展）；同意订阅消息时记下本议题可发的条数',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  async handler({ topicId, accepted, kinds }, { caller, now }) {
    const key = personKey(caller.openid)
    const doc = await topicById(topicId, { status: true, authorOpenid: true, hidden: true, moderation: true })
    const author = doc.authorOpenid === key
    if (!author && (doc.moderation === 'removed' || !LIVE_STATUSES.includes(statusOf(doc.status))))
      throw precondition('议题已经结束，不用再关注了')
    if (!author) await activateRecord(follows(), topicId, key, now)
    await startFollowing(topicId, key, now, { accepted, kinds, counted: !author })
    const after = await topicById(topicId, { [`followers.${key}`]: true })
    return { following: true, consents: consentsOf(mine(after, 'followers', key)).progress }
  },
})

export const unfollow = act('unfollow', {
  summary: '取消关注（提出人一直会收到站内通知）',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  async handler({ topicId }, { caller, now }) {
    const key = personKey(caller.openid)
    const doc = await topicById(topicId, { authorOpenid: true })
    if (doc.authorOpenid === key) throw precondition('这是你提的议题，有进展会一直通知你')
    await topics()
      .where({ _id: topicId, [`followers.${key}`]: _.exists(true) })
      .update({ data: { [`followers.${key}`]: _.remove(), followerCount: _.inc(-1) } })
    await deactivateRecord(follows(), topicId, key, now)
    return { following: false, consents: 0 }
  },
})
