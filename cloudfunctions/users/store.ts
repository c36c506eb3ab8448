/**
 * Reading and writing the `users` and `groups` documents. Every write that must happen once
 * (joining, claiming, approving) is a conditional update whose `stats.updated` says who won.
 */
import { createHash, randomBytes } from 'node:crypto'
import { _, cloud, db, row, rows } from '../_lib/cloud'
import { AppError, precondition } from '../_lib/errors'
import { isoShanghai } from '../_lib/time'

export type Doc = Record<string, unknown>

export const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback)
export const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v ? v : null)
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
export const iso = (v: unknown): string | null => (v instanceof Date ? isoShanghai(v) : null)

/** How many groups one person may be in (a rider is usually in one or two). */
export const MAX_GROUPS_PER_PERSON = 20
export const DELETED_NAME = '已注销用户'

export function maskPhone(phone: unknown): string | null {
  const p = str(phone)
  return /^1\d{10}$/.test(p) ? `${p.slice(0, 3)}****${p.slice(7)}` : null
}

export function newId(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(6).toString('hex')}`
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

function freshProfile(now: Date): Doc {
  return {
    nickname: '骑手朋友',
    avatarFileId: null,
    workType: null,
    platform: null,
    phone: null,
    roles: [],
    groupIds: [],
    currentGroupId: null,
    liaisonOf: [],
    adminOf: [],
    staffOf: { canteen: [], station: [] },
    verification: 'none',
    verificationId: null,
    verificationReason: null,
    createdAt: now,
    updatedAt: now,
  }
}

const isDuplicate = (err: unknown) => /duplicate key|E11000/i.test(String((err as { errMsg?: string })?.errMsg ?? err))

/**
 * The caller's profile, created as a visitor on the first call (and again after deleting it).
 * Two first calls at once: the unique `_id` lets exactly one insert win; the other re-reads.
 */
export async function ensureProfile(openid: string, existing: Doc | null, now: Date): Promise<Doc> {
  if (existing && !existing.deletedAt) return existing
  const users = db.collection('users')
  const stored = existing ?? (await row(users.where({ _id: openid })))
  if (stored && !stored.deletedAt) return stored
  if (stored?.deletedAt) {
    await users.where({ _id: openid, deletedAt: _.exists(true) }).update({ data: { ...freshProfile(now), deletedAt: _.remove() } })
  } else {
    try {
      await users.add({ data: { _id: openid, ...freshProfile(now) } })
    } catch (err) {
      if (!isDuplicate(err)) throw err
    }
  }
  const created = await row(users.where({ _id: openid }))
  if (!created) throw new AppError('INTERNAL', '服务暂时不可用，请稍后重试')
  return created
}

export async function groupById(groupId: string): Promise<Doc | null> {
  return row(db.collection('groups').where({ _id: groupId }))
}

export async function groupsByIds(ids: string[]): Promise<Doc[]> {
  if (!ids.length) return []
  return rows(
    db
      .collection('groups')
      .where({ _id: _.in(ids.slice(0, 100)) })
      .limit(100),
  )
}

export async function usersByIds(ids: string[]): Promise<Map<string, Doc>> {
  const unique = [...new Set(ids.filter(Boolean))].slice(0, 100)
  if (!unique.length) return new Map()
  const list = await rows(
    db
      .collection('users')
      .where({ _id: _.in(unique) })
      .limit(100),
  )
  return new Map(list.map((u) => [str(u._id), u]))
}

export const displayName = (u: Doc | undefined | null): string =>
  !u ? '（未知）' : u.deletedAt ? DELETED_NAME : str(u.nickname, '骑手朋友')

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
    throw new AppError('FAILED_PRECONDITION', '没有读到群信息，请稍后重试')
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
  const users = db.collection('users')
  const res = (await users
    .where({ _id: openid, groupIds: _.nin([groupId]), [`groupIds.${MAX_GROUPS_PER_PERSON - 1}`]: _.exists(false) })
    .update({ data: { groupIds: _.push([groupId]), currentGroupId: groupId, updatedAt: now } })) as { stats: { updated: number } }
  if (res.stats.updated === 1) {
    await db
      .collection('groups')
      .where({ _id: groupId })
      .update({ data: { memberCount: _.inc(1) } })
    return true
  }
  const me = await row(users.where({ _id: openid }))
  if (!strings(me?.groupIds).includes(groupId)) throw new AppError('RESOURCE_EXHAUSTED', `最多加入 ${MAX_GROUPS_PER_PERSON} 个群`)
  await users.where({ _id: openid }).update({ data: { currentGroupId: groupId } })
  return false
}

/** Files a person may reference: their own uploads only (paths carry the openid). */
export function isOwnFile(fileId: string, openid: string): boolean {
  const path = fileId.replace(/^cloud:\/\/[^/]+\//, '')
  if (path === fileId || path.includes('..') || path.includes('//')) return false
  return ['uploads', 'avatars', 'verification'].some((dir) => path.startsWith(`${dir}/${openid}/`))
}

export async function deleteFiles(fileIds: (string | null | undefined)[]): Promise<void> {
  const list = fileIds.filter((f): f is string => typeof f === 'string' && f.startsWith('cloud://'))
  if (!list.length) return
  try {
    await cloud.deleteFile({ fileList: list })
  } catch (err) {
    // A file that cannot be deleted now is not a reason to fail the decision; it is logged.
    console.warn('[users] deleteFile failed', (err as { errCode?: number })?.errCode ?? err)
  }
}

export async function tempUrls(fileIds: (string | null | undefined)[]): Promise<Map<string, string>> {
  const list = [...new Set(fileIds.filter((f): f is string => typeof f === 'string' && f.startsWith('cloud://')))].slice(0, 50)
  if (!list.length) return new Map()
  try {
    const res = (await cloud.getTempFileURL({ fileList: list.map((fileID) => ({ fileID, maxAge: 3600 })) })) as unknown as {
      fileList: { fileID: string; tempFileURL: string; status: number }[]
    }
    return new Map(res.fileList.filter((f) => f.status === 0 && f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]))
  } catch (err) {
    console.warn('[users] getTempFileURL failed', (err as { errCode?: number })?.errCode ?? err)
    return new Map()
  }
}
