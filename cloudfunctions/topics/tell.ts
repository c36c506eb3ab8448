/**
 * Telling people about a topic. The author is told of every change; followers (a supporter follows
 * by default) of the kinds of change they asked for. Everyone told gets the in-app notice; a WeChat
 * subscribe message goes out only while the person has consents left FOR THIS TOPIC (counted on
 * `followers.<openid>.consents`: each 同意 in wx.requestSubscribeMessage is one message), so one
 * busy topic cannot spend the consent a rider gave for another. Template data is built here within
 * the keyword limits (thing ≤ 20 characters, phrase ≤ 5 汉字, time). A failure to tell never fails
 * the change that caused it (it is logged).
 */
import { _ } from '../_lib/cloud'
import { notify, SUBSCRIBE_TEMPLATES, type TemplateKey } from '../_lib/notify'
import { dateTimeText } from '../_lib/time'
import { type Doc, num, str, strings } from '../_lib/values'
import { topics } from './store'
import { NOTICE_KINDS, type NoticeKind } from './views'

/** At most this many people are told inline per change, 8 at a time. */
export const MAX_TOLD = 500
const AT_ONCE = 8

/** ≤ n characters (code points), with … when cut. */
export function clip(s: string, n = 20): string {
  const chars = [...s.replace(/\s+/g, ' ').trim()]
  return chars.length <= n ? chars.join('') : `${chars.slice(0, n - 1).join('')}…`
}

export const topicPage = (topicId: string) => `pkg-topics/detail/index?topicId=${topicId}`

/** The topic templates a rider may accept (each 同意 = one message of that template). */
export const TOPIC_TEMPLATES = { progress: 'topicProgress', session: 'topicSession', moderation: 'topicModeration' } as const
export type ConsentKey = keyof typeof TOPIC_TEMPLATES

interface Follower {
  openid: string
  consents: Record<ConsentKey, number>
  kinds: NoticeKind[]
}

export function consentsOf(f: Doc | null | undefined): Record<ConsentKey, number> {
  const c = (f?.consents ?? {}) as Doc
  return { progress: Math.max(0, num(c.progress)), session: Math.max(0, num(c.session)), moderation: Math.max(0, num(c.moderation)) }
}

export function followersOf(doc: Doc): Follower[] {
  const map = (doc.followers ?? {}) as Record<string, Doc>
  return Object.entries(map).map(([openid, f]) => ({
    openid,
    consents: consentsOf(f),
    kinds: strings(f?.kinds).filter((k): k is NoticeKind => (NOTICE_KINDS as readonly string[]).includes(k)),
  }))
}

const NONE: Record<ConsentKey, number> = { progress: 0, session: 0, moderation: 0 }

export interface Change {
  kind: NoticeKind
  /** ≤ 5 汉字: 已受理 · 议事中 · 已答复 · 落实中 · 已完成 · 已撤回 · 已逾期 · 有进展 */
  phrase: string
  text: string
  /** Who made the change: not told of their own change. */
  actor?: string
  /** Already told another way (e.g. the signed-up riders of a changed session). */
  skip?: readonly string[]
}

/** Tell the author and the followers who asked for this kind of change. Returns how many were told. */
export async function tellFollowers(doc: Doc, change: Change, now: Date): Promise<number> {
  const topicId = str(doc._id)
  const author = str(doc.authorOpenid)
  const everyone = followersOf(doc)
  const byOpenid = new Map(everyone.map((f) => [f.openid, f]))
  const asked = everyone.filter((f) => f.openid !== author && (f.kinds.length === 0 || f.kinds.includes(change.kind)))
  const skip = new Set([change.actor, ...(change.skip ?? [])])
  const people = [author, ...asked.map((f) => f.openid)].filter((o) => o && !skip.has(o)).slice(0, MAX_TOLD)
  const data = {
    thing1: { value: clip(str(doc.title)) },
    phrase2: { value: change.phrase },
    thing3: { value: clip(change.text || change.phrase) },
    time4: { value: dateTimeText(now) },
  }
  const text = `《${str(doc.title)}》${change.phrase}：${change.text}`
  let told = 0
  for (let i = 0; i < people.length; i += AT_ONCE) {
    const batch = people.slice(i, i + AT_ONCE)
    const results = await Promise.all(
      batch.map((openid) => tellOne(topicId, openid, byOpenid.get(openid)?.consents ?? NONE, 'progress', { text, data }, now)),
    )
    told += results.filter(Boolean).length
  }
  return told
}

const TITLES: Record<ConsentKey, string> = Object.fromEntries(
  Object.entries(TOPIC_TEMPLATES).map(([k, t]) => [k, SUBSCRIBE_TEMPLATES[t].title]),
) as Record<ConsentKey, string>

interface Message {
  text: string
  data: Record<string, { value: string }>
}

/** One person: the in-app notice (titled like the template), and the subscribe message when they have a consent left for this topic. */
export async function tellOne(
  topicId: string,
  openid: string,
  consents: Record<ConsentKey, number>,
  key: ConsentKey,
  msg: Message,
  now: Date,
) {
  try {
    const push = consents[key] > 0
    const template: TemplateKey = TOPIC_TEMPLATES[key]
    const { pushed } = await notify(
      { to: openid, ...(push ? { template, data: msg.data } : { title: TITLES[key] }), text: msg.text, page: topicPage(topicId) },
      now,
    )
    if (push) {
      const path = `followers.${openid}.consents.${key}`
      // spent one; if WeChat had none left for this person, our count was ahead of theirs: start again from 0
      await topics()
        .where({ _id: topicId, [path]: _.gt(0) })
        .update({ data: { [path]: pushed ? _.inc(-1) : 0 } })
    }
    return true
  } catch (err) {
    console.warn('[topics] telling a follower failed', err)
    return false
  }
}

/** Signed-up riders: the council session moved (subscribe message topicSession while consents last). */
export async function tellSignedUp(doc: Doc, note: string, now: Date): Promise<number> {
  const topicId = str(doc._id)
  const session = (doc.session ?? {}) as Doc
  const signups = Object.keys((doc.signups ?? {}) as Doc)
  const consents = new Map(followersOf(doc).map((f) => [f.openid, f.consents]))
  const when = session.at instanceof Date ? dateTimeText(session.at) : ''
  const msg = {
    text: `《${str(doc.title)}》议事会${note}：${when}，${str(session.place)}`,
    data: {
      thing1: { value: clip(str(doc.title)) },
      time2: { value: when || dateTimeText(now) },
      thing3: { value: clip(str(session.place)) },
    },
  }
  let told = 0
  for (let i = 0; i < signups.length; i += AT_ONCE) {
    const batch = signups.slice(i, i + AT_ONCE)
    const done = await Promise.all(batch.map((o) => tellOne(topicId, o, consents.get(o) ?? NONE, 'session', msg, now)))
    told += done.filter(Boolean).length
  }
  return told
}

/** The author of a topic or comment: what moderation decided (subscribe message topicModeration while consents last). */
export async function tellAuthor(
  topic: Doc,
  author: string,
  what: { content: string; phrase: '已隐藏' | '已恢复' | '已删除'; reason: string },
  now: Date,
): Promise<void> {
  const consents = followersOf(topic).find((f) => f.openid === author)?.consents ?? NONE
  const msg = {
    text: `你的${what.content}${what.phrase}：${what.reason}`,
    data: { thing1: { value: clip(what.content) }, phrase2: { value: what.phrase }, thing3: { value: clip(what.reason) } },
  }
  await tellOne(str(topic._id), author, consents, 'moderation', msg, now)
}
