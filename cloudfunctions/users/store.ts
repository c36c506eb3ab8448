/**
 * Reading and writing the `users` and `groups` documents (users-specific storage; the shared
 * readers, ids, files and people helpers come from _lib). Every write that must happen once
 * (joining, claiming, approving) is a conditional update whose `stats.updated` says who won.
 */
import { _, cloud, db, row, rows } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { AppError, exhausted, precondition } from '../_lib/errors'
import { freshProfile } from '../_lib/people'
import { type Doc, isDuplicateKey, num, str, strings, updatedCount } from '../_lib/values'

/** How many groups one person may be in (a rider is usually in one or two). */
export const MAX_GROUPS_PER_PERSON = 20

export const users = () => db.collection(COLLECTION.users)
export const groups = () => db.collection(COLLECTION.groups)

export async function userById(openid: string): Promise<Doc | null> {
  return row(users().where({ _id: openid }))
}

/** A person who exists and has not deleted their profile, or null. */
export async function livingUser(openid: string): Promise<Doc | null> {
  const u = await userById(openid)
  return u && !u.deletedAt ? u : null
}

/**
 * The caller's profile, created as a visitor on the first call (and again after deleting it).
 * Two first calls at once: the unique `_id` lets exactly one insert win; the other re-reads.
 */
export async function ensureProfile(openid: string, existing: Doc | null, now: Date): Promise<Doc> {
  if (existing && !existing.deletedAt) return existing
  const stored = existing ?? (await userById(openid))
  if (stored && !stored.deletedAt) return stored
  if (stored?.deletedAt) {
    await users()
      .where({ _id: openid, deletedAt: _.exists(true) })
      .update({ data: { ...freshProfile(now), deletedAt: _.remove() } })
  } else {
    try {
      await users().add({ data: { _id: openid, ...freshProfile(now) } })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
    }
  }
  const created = await userById(openid)
  if (!created) throw new AppError('INTERNAL', '服务暂时不可用，请稍后重试')
  return created
}

export async function groupById(groupId: string): Promise<Doc | null> {
  return row(groups().where({ _id: groupId }))
}

export async function groupsByIds(ids: string[]): Promise<Doc[]> {
  if (!ids.length) return []
  return rows(
    groups()
      .where({ _id: _.in(ids.slice(0, 100)) })
      .limit(100),
  )
}

export async function usersByIds(ids: (string | null | undefined)[]): Promise<Map<string, Doc>> {
  const unique = [...new Set(ids.filter((x): x is string => Boolean(x)))].slice(0, 100)
  if (!unique.length) return new Map()
  const list = await rows(
    users()
      .where({ _id: _.in(unique) })
      .limit(100),
  )
  return new Map(list.map((u) => [str(u._id), u]))
}

export const memberCountOf = (g: Doc | null | undefined): number => num(g?.memberCount)

export async function unreadCount(openid: string): Promise<number> {
  const res = (await db.collection(COLLECTION.notifications).where({ openid, read: false }).count()) as { total: number }
  return res.total
}

/**
 * The opengid behind a CloudID, resolved HERE with cloud.getOpenData: the `data` the platform
 * (or a forger) put beside the id in the event is never read.
 */
export async function opengidOf(groupInfo: { cloudID: string }): Promise<string> {
  let item: Doc | undefined
  try {
    const res = (await cloud.getOpenData({ list: [groupInfo.cloudID] })) as unknown as { list?: Doc[] }
    item = res.list?.[0]
  } catch (err) {
    console.warn('[users] getOpenData failed', (err as { errCode?: number })?.errCode ?? err)
    throw precondition('没有读到群信息，请稍后重试')
  }
  const data = (item?.data ?? {}) as Doc
  const opengid = str(data.opengid) || str(data.openGId)
  if (!opengid) {
    const expired = item?.errCode === -601006
    throw precondition(expired ? '群信息已过期，请从群里重新打开小程序' : '群信息无效，请从群里重新打开小程序')
  }
  return opengid
}

/**
 * Add `groupId` to the person's groups once: the condition `groupIds ∌ groupId` makes two
 * concurrent joins count one member. Returns true when this call added it.
 */
export async function joinGroup(openid: string, groupId: string, now: Date): Promise<boolean> {
  const res = await users()
    .where({ _id: openid, groupIds: _.nin([groupId]), [`groupIds.${MAX_GROUPS_PER_PERSON - 1}`]: _.exists(false) })
    .update({ data: { groupIds: _.push([groupId]), currentGroupId: groupId, updatedAt: now } })
  if (updatedCount(res) === 1) {
    await groups()
      .where({ _id: groupId })
      .update({ data: { memberCount: _.inc(1) } })
    return true
  }
  const me = await userById(openid)
  if (!strings(me?.groupIds).includes(groupId)) throw exhausted(`最多加入 ${MAX_GROUPS_PER_PERSON} 个群`)
  await users()
    .where({ _id: openid })
    .update({ data: { currentGroupId: groupId } })
  return false
}

/** One fewer member (never below zero). */
export async function countLeft(groupId: string): Promise<void> {
  await groups()
    .where({ _id: groupId, memberCount: _.gt(0) })
    .update({ data: { memberCount: _.inc(-1) } })
}
