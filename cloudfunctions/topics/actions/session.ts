/**
 * The council session (议事会) of a topic in 议事中: riders sign up for a seat (one conditional
 * update on the topic: a seat is taken only while `session.seatsLeft > 0` and only once per rider,
 * so seats are never oversold), cancel before it starts, and check in on the day with the 6-digit
 * code the liaison reads out (from an hour before to four hours after; five wrong codes and the
 * liaison checks them in). The liaison sees who signed up and who came.
 */
import { _, db, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { denied, exhausted, invalid, precondition } from '../../_lib/errors'
import { displayName } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { HOUR_MS, isoShanghai } from '../../_lib/time'
import { type Doc, dateOrNull, num, str, updatedCount } from '../../_lib/values'
import { deniedOnTopic } from '../audit'
import { topicsContract } from '../contract'
import { follow } from '../membership'
import { manageScope } from '../people'
import { presentSession } from '../present'
import { mine, personKey, topicById, topics } from '../store'

const act = actionsOf(topicsContract)

export const MAX_WRONG_CODES = 5
const OPENS_BEFORE = HOUR_MS
const CLOSES_AFTER = 4 * HOUR_MS

const sessionOf = (doc: Doc) => (doc.session ?? null) as Doc | null

async function seatsLeft(topicId: string): Promise<number> {
  return Math.max(0, num(sessionOf(await topicById(topicId, { 'session.seatsLeft': true }))?.seatsLeft))
}

export const signUp = act('signUp', {
  summary: '报名参加议事会（认证小哥；座位不超卖，每人一个）；报名即关注进展',
  roles: ['rider'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'RESOURCE_EXHAUSTED'],
  async handler({ topicId, accepted }, { caller, now }) {
    if (!caller.verified) throw denied('认证成为小哥后才能报名')
    const key = personKey(caller.openid)
    const path = `signups.${key}`
    const doc = await topicById(topicId, { status: true, session: true, hidden: true, authorOpenid: true, [path]: true })
    const s = sessionOf(doc)
    if (mine(doc, 'signups', key)) return { signedUp: true, seatsLeft: num(s?.seatsLeft) }
    if (doc.status !== 'deliberating' || !s || doc.hidden === true) throw precondition('这个议题现在没有可报名的议事会')
    if (!(s.at instanceof Date) || s.at.getTime() <= now.getTime()) throw precondition('议事会已经开始，不能再报名了')
    const taken = updatedCount(
      await topics()
        .where({ _id: topicId, status: 'deliberating', 'session.seatsLeft': _.gt(0), [path]: _.exists(false) })
        .update({
          data: { [path]: _.set({ at: now, checkedInAt: null, wrong: 0 }), 'session.seatsLeft': _.inc(-1), 'session.signedUp': _.inc(1) },
        }),
    )
    if (!taken) {
      const again = await topicById(topicId, { session: true, [path]: true })
      if (!mine(again, 'signups', key)) throw exhausted('座位已经报满了')
    }
    await follow(topicId, key, now, { accepted, counted: doc.authorOpenid !== key })
    return { signedUp: true, seatsLeft: await seatsLeft(topicId) }
  },
})

export const cancelSignUp = act('cancelSignUp', {
  summary: '取消报名（议事会开始前），座位还给别人',
  roles: ['rider'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  async handler({ topicId }, { caller, now }) {
    const key = personKey(caller.openid)
    const path = `signups.${key}`
    const doc = await topicById(topicId, { status: true, session: true, [path]: true })
    const s = sessionOf(doc)
    const mineNow = mine<Doc>(doc, 'signups', key)
    if (!mineNow) return { signedUp: false, seatsLeft: num(s?.seatsLeft) }
    if (!(s?.at instanceof Date) || s.at.getTime() <= now.getTime()) throw precondition('议事会已经开始，不能取消报名')
    await topics()
      .where({ _id: topicId, [`${path}.checkedInAt`]: null })
      .update({ data: { [path]: _.remove(), 'session.seatsLeft': _.inc(1), 'session.signedUp': _.inc(-1) } })
    return { signedUp: false, seatsLeft: await seatsLeft(topicId) }
  },
})

export const checkInSession = act('checkInSession', {
  summary: '议事会现场签到：输入联络员念的 6 位签到码（开会前 1 小时到会后 4 小时；错 5 次请联络员代签）',
  roles: ['rider'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'RESOURCE_EXHAUSTED'],
  async handler({ topicId, code }, { caller, now }) {
    const key = personKey(caller.openid)
    const path = `signups.${key}`
    const doc = await topicById(topicId, { status: true, session: true, [path]: true })
    const s = sessionOf(doc)
    const signup = mine<Doc>(doc, 'signups', key)
    if (!s || !(s.at instanceof Date)) throw precondition('这个议题没有议事会')
    if (!signup) throw precondition('你没有报名这次议事会')
    if (signup.checkedInAt instanceof Date) return { checkedIn: true, checkedInCount: num(s.checkedIn) }
    const t = now.getTime()
    if (t < s.at.getTime() - OPENS_BEFORE) throw precondition('还没到签到时间（开会前 1 小时开始）')
    if (t > s.at.getTime() + CLOSES_AFTER) throw precondition('签到已经结束了')
    if (num(signup.wrong) >= MAX_WRONG_CODES) throw exhausted('签到码错了太多次，请找联络员帮你签到')
    if (code !== str(s.code)) {
      await topics()
        .where({ _id: topicId })
        .update({ data: { [`${path}.wrong`]: _.inc(1) } })
      throw invalid(`签到码不对，还可以再试 ${Math.max(0, MAX_WRONG_CODES - num(signup.wrong) - 1)} 次`, { field: 'code' })
    }
    await topics()
      .where({ _id: topicId, [`${path}.checkedInAt`]: null })
      .update({ data: { [`${path}.checkedInAt`]: now, 'session.checkedIn': _.inc(1) } })
    const after = sessionOf(await topicById(topicId, { session: true }))
    return { checkedIn: true, checkedInCount: num(after?.checkedIn) }
  },
})

export const sessionRoster = act('sessionRoster', {
  summary: '议事会名单：谁报了名、谁到了（本群联络员或镇里）',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  scope: manageScope,
  onDenied: deniedOnTopic,
  async handler({ topicId }, { now }) {
    const doc = await topicById(topicId, { session: true, signups: true })
    const session = presentSession(doc, now, true)
    if (!session) throw precondition('这个议题还没有安排议事会')
    const signups = Object.entries((doc.signups ?? {}) as Record<string, Doc>)
    const names = new Map<string, string>()
    for (let i = 0; i < signups.length; i += 100) {
      const ids = signups.slice(i, i + 100).map(([o]) => o)
      for (const u of await rows(
        db
          .collection(COLLECTION.users)
          .where({ _id: _.in(ids) })
          .limit(100),
      ))
        names.set(str(u._id), displayName(u))
    }
    const people = signups
      .map(([openid, s]) => ({ openid, at: dateOrNull(s.at) ?? now, checkedInAt: dateOrNull(s.checkedInAt) }))
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((p) => ({
        name: names.get(p.openid) ?? '（未知）',
        signedUpAt: isoShanghai(p.at),
        checkedInAt: p.checkedInAt ? isoShanghai(p.checkedInAt) : null,
      }))
    return { session, people }
  },
})
