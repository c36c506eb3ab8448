/**
 * Contract of the `users` function: who is who — profiles, groups (micro-fronts), verification,
 * roles and the audit log. Imported by the function (schemas + types) and by the client
 * (`import type` only).
 */
import { z } from 'zod'

export const WORK_TYPES = ['外卖', '快递', '网约车', '房产中介', '保安', '其他'] as const
export type WorkType = (typeof WORK_TYPES)[number]

export const VERIFICATION_STATES = ['none', 'pending', 'approved', 'rejected'] as const
export type VerificationState = (typeof VERIFICATION_STATES)[number]

/** Roles a person can be given or lose through `assignRole` (rider comes from verification). */
export const ASSIGNABLE_ROLES = ['rider', 'admin', 'liaison', 'staff', 'town'] as const
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number]

const id = z.string().trim().min(1).max(64)
const text = (max: number) => z.string().trim().max(max)
/** Ids of things we store: letters, digits, `_` and `-` (openids, group ids, station ids). */
const key = z.string().regex(/^[\w-]{1,64}$/, '只能包含字母、数字、下划线和短横线')
/** A file id of the cloud storage, e.g. cloud://env.xxx-env-125/uploads/<openid>/a.jpg */
const fileId = z.string().max(512).startsWith('cloud://')
const phone = z.string().regex(/^1\d{10}$/, '请输入 11 位手机号')

/**
 * `cloud.CloudID(cloudID)` / `{ __cloudID__ }` on the wire; the cloud replaces it by the open data
 * before the function runs. The client passes the CloudID object; the function reads only the
 * resolved `data.opengid` (never a plain string).
 */
export const resolvedGroupInfo = z
  .object({
    /** the function re-resolves this id with cloud.getOpenData; `data` sent along is never trusted */
    cloudID: z.string().min(1).max(1024),
  })
  .passthrough()
/** What the client passes: an opaque CloudID object (Taro.cloud.CloudID(id) / { __cloudID__: id }). */
export type CloudIdRef = { readonly __cloudIdRef: true }

export const getMeInput = z.object({})

export const updateProfileInput = z
  .object({
    nickname: text(20).pipe(z.string().min(1, '请填写昵称')).optional(),
    avatarFileId: fileId.nullable().optional(),
    workType: z.enum(WORK_TYPES).nullable().optional(),
    platform: text(20).nullable().optional(),
    /** '' clears the phone. */
    phone: z.union([phone, z.literal('')]).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '没有要修改的内容' })

export const deleteMeInput = z.object({ confirm: z.literal(true) })

export const enterGroupInput = z.object({ groupInfo: resolvedGroupInfo })
export const claimGroupInput = z.object({ groupInfo: resolvedGroupInfo, name: text(30).pipe(z.string().min(2, '群名称至少 2 个字')) })
export const switchGroupInput = z.object({ groupId: key })
export const leaveGroupInput = z.object({ groupId: key })
export const createInviteInput = z.object({
  groupId: key,
  hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(72),
})
export const joinByInviteInput = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, '邀请码格式不正确') })
export const listGroupsInput = z.object({})

export const requestVerificationInput = z.object({
  groupId: key.optional(),
  workType: z.enum(WORK_TYPES),
  platform: text(20).pipe(z.string().min(1, '请填写平台')),
  photoFileId: fileId,
})
export const listVerificationsInput = z.object({
  groupId: key,
  state: z.enum(['pending', 'approved', 'rejected']).default('pending'),
})
export const decideVerificationInput = z
  .object({ id, approve: z.boolean(), reason: text(60).optional() })
  .refine((v) => v.approve || (v.reason ?? '').length >= 2, { message: '不通过时请写明原因', path: ['reason'] })

export const listMembersInput = z.object({ groupId: key })
/** Field names avoid `openid` / `role`: the router drops those keys from every event (never trusted). */
export const assignRoleInput = z.object({
  targetOpenid: key,
  targetRole: z.enum(ASSIGNABLE_ROLES),
  grant: z.boolean(),
  /** group id for admin/liaison (liaison without one: may claim a group), canteen/station id for staff */
  scopeId: key.optional(),
  staffKind: z.enum(['canteen', 'station']).optional(),
})
export const listAuditInput = z.object({
  targetOpenid: key.optional(),
  groupId: key.optional(),
  limit: z.number().int().min(1).max(100).default(30),
})
export const searchUsersInput = z.object({ q: text(64).pipe(z.string().min(1)) })
export const listMyNoticesInput = z.object({})
/** `ids`: mark these of mine read; `all: true`: every unread notice of mine. */
export const markNoticesReadInput = z
  .object({ ids: z.array(id).min(1).max(50).optional(), all: z.literal(true).optional() })
  .refine((v) => Boolean(v.ids) !== Boolean(v.all), { message: '请指定要标为已读的通知' })

/** An instant with its offset, e.g. 2026-11-23T00:00:00+08:00 (the UI sends Shanghai midnights). */
const instant = z
  .string()
  .datetime({ offset: true })
  .transform((v) => new Date(v))
/**
 * Appoint a verified member as admin of the group for a duty period [start, end) (several periods
 * per group allowed, never overlapping for one person). Grants `admin` when it is the first one.
 */
export const addDutyPeriodInput = z
  .object({ targetOpenid: key, groupId: key, start: instant, end: instant })
  .refine((v) => v.start.getTime() < v.end.getTime(), { message: '结束时间要晚于开始时间', path: ['end'] })
export const removeDutyPeriodInput = z.object({ targetOpenid: key, periodId: key })
export const townOverviewInput = z.object({})

// ---- results -------------------------------------------------------------------------------

export interface GroupSummary {
  id: string
  name: string
  memberCount: number
  /** the caller's relation to it */
  isLiaison: boolean
  isAdmin: boolean
  /** admin and inside a duty period now */
  onDuty: boolean
  current: boolean
}

/** A duty period as shown: instants as ISO strings with +08:00. */
export interface DutyPeriodItem {
  id: string
  start: string
  end: string
  /** now inside it */
  current: boolean
  /** already over */
  ended: boolean
}

export interface MeData {
  /** the caller's own openid: uploads go under `<folder>/<openid>/`, and town finds people by it */
  openid: string
  nickname: string
  /** temp URL of the avatar (valid for a while), or null */
  avatarUrl: string | null
  avatarFileId: string | null
  workType: WorkType | null
  platform: string | null
  /** 138****0000, or null */
  phoneMasked: string | null
  roles: string[]
  verified: boolean
  verification: { state: VerificationState; reason: string | null; groupName: string | null; at: string | null }
  groups: GroupSummary[]
  currentGroupId: string | null
  staffOf: { canteen: string[]; station: string[] }
  /** groups where I am admin and on duty right now */
  onDutyAdminOf: string[]
  /** my duty periods (admin), newest last, with the group */
  duty: (DutyPeriodItem & { groupId: string })[]
  /** liaison with no group yet: may claim the group the app was opened from */
  canClaimGroup: boolean
  unreadNotices: number
  /** subscribe-message template ids to ask for before an action whose result is sent later */
  templates: { verificationResult: string }
}

export interface EnterGroupResult {
  /** joined = newly joined now; member = already a member; unclaimed = nobody has claimed this group yet */
  status: 'joined' | 'member' | 'unclaimed'
  group: { id: string; name: string } | null
  /** an unclaimed group and the caller is a liaison without a group, or town */
  canClaim: boolean
}

export interface InviteResult {
  token: string
  /** page path with the token, for a share card / QR code */
  path: string
  expiresAt: string
}

export interface VerificationItem {
  id: string
  openid: string
  nickname: string
  /** full phone: only the liaison sees it */
  phone: string | null
  workType: string
  platform: string
  /** temp URL while pending; null after the decision (the photo is deleted) */
  photoUrl: string | null
  state: 'pending' | 'approved' | 'rejected'
  reason: string | null
  submittedAt: string
  /** minutes waiting, for pending ones */
  waitingMinutes: number
}

export interface MemberItem {
  openid: string
  nickname: string
  phone: string | null
  workType: string | null
  roles: string[]
  verification: VerificationState
  isAdmin: boolean
  isLiaison: boolean
  /** admin of this group and on duty now */
  onDuty: boolean
  /** this group's duty periods of the member, oldest first */
  duty: DutyPeriodItem[]
}

export interface TownOverview {
  groups: { id: string; name: string; memberCount: number; liaisonOpenid: string | null; liaisonName: string | null; adminCount: number }[]
  stations: { id: string; name: string }[]
  canteens: { id: string; name: string }[]
}

export interface FoundUser {
  openid: string
  nickname: string
  roles: string[]
  liaisonOf: string[]
  adminOf: string[]
  staffOf: { canteen: string[]; station: string[] }
  verification: VerificationState
}

export interface AuditItem {
  id: string
  at: string
  actorOpenid: string
  actorName: string
  targetOpenid: string
  targetName: string
  action: string
  role: string | null
  scopeId: string | null
  outcome: 'applied' | 'denied'
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  note: string | null
}

export interface NoticeItem {
  id: string
  title: string
  text: string
  page: string
  read: boolean
  at: string
}

type Api<P extends z.ZodTypeAny, R> = { params: z.input<P>; result: R }

export interface UsersApi {
  getMe: Api<typeof getMeInput, MeData>
  updateProfile: Api<typeof updateProfileInput, MeData>
  deleteMe: Api<typeof deleteMeInput, { deleted: true }>
  enterGroup: { params: { groupInfo: CloudIdRef }; result: EnterGroupResult }
  claimGroup: { params: { groupInfo: CloudIdRef; name: string }; result: { group: { id: string; name: string } } }
  switchGroup: Api<typeof switchGroupInput, { currentGroupId: string }>
  leaveGroup: Api<typeof leaveGroupInput, { left: boolean; currentGroupId: string | null }>
  createInvite: Api<typeof createInviteInput, InviteResult>
  joinByInvite: Api<typeof joinByInviteInput, EnterGroupResult>
  listGroups: Api<typeof listGroupsInput, { groups: (GroupSummary & { liaisonName: string | null })[] }>
  requestVerification: Api<typeof requestVerificationInput, { id: string; state: 'pending' }>
  listVerifications: Api<typeof listVerificationsInput, { items: VerificationItem[] }>
  decideVerification: Api<typeof decideVerificationInput, { id: string; state: 'approved' | 'rejected' }>
  listMembers: Api<typeof listMembersInput, { members: MemberItem[] }>
  assignRole: Api<typeof assignRoleInput, { changed: boolean; roles: string[] }>
  listAudit: Api<typeof listAuditInput, { items: AuditItem[] }>
  searchUsers: Api<typeof searchUsersInput, { users: FoundUser[] }>
  listMyNotices: Api<typeof listMyNoticesInput, { items: NoticeItem[]; unread: number }>
  markNoticesRead: Api<typeof markNoticesReadInput, { marked: number; unread: number }>
  addDutyPeriod: { params: { targetOpenid: string; groupId: string; start: string; end: string }; result: { period: DutyPeriodItem } }
  removeDutyPeriod: Api<typeof removeDutyPeriodInput, { removed: boolean }>
  townOverview: Api<typeof townOverviewInput, TownOverview>
}
