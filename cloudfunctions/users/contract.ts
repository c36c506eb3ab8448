/**
 * Contract of the `users` function: who is who — profiles, groups (micro-fronts), invites,
 * verification, roles, duty periods, the audit log and in-app notices. Input AND output schemas
 * of every action; the types below are `z.infer` of them. Imported by the function (schemas) and
 * by the client (`import type` only).
 */
import { z } from 'zod'
import type { ScopeKind } from '../_lib/audit'
import { type ApiOf, defineContract, withClientParams } from '../_lib/contract'
import { VERIFICATION_STATES } from '../_lib/people'
import { fileId, instant, isoTime, key, mobile, out, text } from '../_lib/schema'

export { VERIFICATION_STATES }
export type VerificationState = (typeof VERIFICATION_STATES)[number]

export const WORK_TYPES = ['外卖', '快递', '网约车', '房产中介', '保安', '其他'] as const
export type WorkType = (typeof WORK_TYPES)[number]

/** Roles a person can be given or lose through `assignRole` (rider comes from verification). */
export const ASSIGNABLE_ROLES = ['rider', 'admin', 'liaison', 'staff', 'town'] as const
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number]

/** Invites: how many people one invite may let in (default, most), and how long it lives (hours). */
export const INVITE_USES = { default: 20, max: 100 } as const
export const INVITE_HOURS = { default: 72, max: 24 * 14 } as const

/** The invite page; the share card opens `${INVITE_PAGE}?t=<token>`. */
export const INVITE_PAGE = 'pkg-me/join/index'

// ---- inputs ------------------------------------------------------------------------------------

/**
 * `cloud.CloudID(cloudID)` / `{ __cloudID__ }` on the wire; the cloud replaces it by the open data
 * before the function runs. The function re-resolves `cloudID` itself (cloud.getOpenData): the
 * `data` beside it is never read.
 */
export const resolvedGroupInfo = z
  .object({ cloudID: z.string().min(1).max(1024).describe('群的 CloudID（客户端传 wx.cloud.CloudID 对象）') })
  .passthrough()
/** What the client passes: an opaque CloudID object (Taro.cloud.CloudID(id) / { __cloudID__: id }). */
export type CloudIdRef = { readonly __cloudIdRef: true }

const empty = z.object({}).strict()
const nickname = text(20).min(1, '请填写昵称')
const platform = text(20).describe('平台或公司，如 美团、顺丰；别人会看到，经内容安全检查')

export const updateProfileInput = z
  .object({
    nickname: nickname.describe('昵称，1–20 字，经内容安全检查').optional(),
    avatarFileId: fileId.describe('头像：自己上传到 avatars/<openid>/ 的文件').nullable().optional(),
    workType: z.enum(WORK_TYPES).nullable().optional(),
    platform: platform.nullable().optional(),
    phone: z
      .union([mobile, z.literal('')])
      .describe("手机号；'' 清除")
      .optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '没有要修改的内容' })

export const deleteMeInput = z.object({ confirm: z.literal(true) }).strict()
export const enterGroupInput = z.object({ groupInfo: resolvedGroupInfo }).strict()
export const claimGroupInput = z
  .object({ groupInfo: resolvedGroupInfo, name: text(30).min(2, '群名称至少 2 个字').describe('群名称，经内容安全检查') })
  .strict()
export const groupIdInput = z.object({ groupId: key }).strict()
export const createInviteInput = z
  .object({
    groupId: key,
    hours: z.number().int().min(1).max(INVITE_HOURS.max).default(INVITE_HOURS.default).describe('有效小时数'),
    maxUses: z.number().int().min(1).max(INVITE_USES.max).default(INVITE_USES.default).describe('最多几人可用'),
  })
  .strict()
export const joinByInviteInput = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, '邀请码格式不正确') }).strict()

export const requestVerificationInput = z
  .object({
    groupId: key.optional().describe('交哪个群的联络员审核；默认当前群'),
    workType: z.enum(WORK_TYPES),
    platform: platform.min(1, '请填写平台'),
    photoFileId: fileId.describe('工牌或接单页照片：自己上传到 verification/<openid>/ 的文件'),
  })
  .strict()
export const listVerificationsInput = z
  .object({ groupId: key, state: z.enum(['pending', 'approved', 'rejected']).default('pending') })
  .strict()
export const decideVerificationInput = z
  .object({ id: key, approve: z.boolean(), reason: text(60).optional().describe('不通过的原因（本人会看到，经内容安全检查）') })
  .strict()
  .refine((v) => v.approve || (v.reason ?? '').length >= 2, { message: '不通过时请写明原因', path: ['reason'] })

/** Field names avoid `openid` / `role`: the router drops those keys from every event (never trusted). */
export const assignRoleInput = z
  .object({
    targetOpenid: key,
    targetRole: z.enum(ASSIGNABLE_ROLES),
    grant: z.boolean(),
    scopeId: key.optional().describe('admin/liaison：群 id；staff：食堂或驿站 id；收回 rider：群 id = 移出这个群，不填 = 镇里收回认证'),
    staffKind: z.enum(['canteen', 'station']).optional(),
  })
  .strict()

/** Audit cursor: opaque, from the previous page's `nextCursor`. */
const cursor = z.string().regex(/^[\w-]{1,200}$/, '翻页参数不正确')
export const listAuditInput = z
  .object({
    groupId: key.optional().describe('只看这个群的记录'),
    targetOpenid: key.optional(),
    actorOpenid: key.optional(),
    entryAction: z
      .string()
      .regex(/^\w{1,32}$/)
      .optional()
      .describe('记录的操作，如 grant、revoke、verify、dutyAdd（参数名避开 action：那是要调用的操作）'),
    outcome: z.enum(['applied', 'denied']).optional(),
    from: instant.optional().describe('从这个时间（含）'),
    to: instant.optional().describe('到这个时间（不含）'),
    limit: z.number().int().min(1).max(50).default(20),
    cursor: cursor.optional(),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from.getTime() < v.to.getTime(), { message: '结束时间要晚于开始时间', path: ['to'] })
export const searchUsersInput = z.object({ q: text(64).min(1, '请输入昵称或编号') }).strict()
/** `ids`: mark these of mine read; `all: true`: every unread notice of mine. */
export const markNoticesReadInput = z
  .object({ ids: z.array(key).min(1).max(50).optional(), all: z.literal(true).optional() })
  .strict()
  .refine((v) => Boolean(v.ids) !== Boolean(v.all), { message: '请指定要标为已读的通知' })
/**
 * Appoint a verified member as admin of the group for a duty period [start, end) (several periods
 * per group allowed, never overlapping for one person). Grants `admin` when it is the first one.
 */
export const addDutyPeriodInput = z
  .object({ targetOpenid: key, groupId: key, start: instant, end: instant })
  .strict()
  .refine((v) => v.start.getTime() < v.end.getTime(), { message: '结束时间要晚于开始时间', path: ['end'] })
export const removeDutyPeriodInput = z.object({ targetOpenid: key, periodId: key }).strict()

// ---- outputs -----------------------------------------------------------------------------------

const groupRef = out({ id: z.string(), name: z.string() })
const staffOf = out({ canteen: z.array(z.string()), station: z.array(z.string()) })
const verificationState = z.enum(VERIFICATION_STATES)
/** The scope kinds of _lib/audit (written out here: the contract stays free of SDK imports; the check below keeps them equal). */
const scopeKind = z.enum(['group', 'station', 'canteen', 'town'])
type SameKinds = [ScopeKind] extends [z.infer<typeof scopeKind>] ? ([z.infer<typeof scopeKind>] extends [ScopeKind] ? true : false) : false
export const SCOPE_KINDS_MATCH: SameKinds = true

export const groupSummary = out({
  id: z.string(),
  name: z.string(),
  memberCount: z.number(),
  /** the caller's relation to it */
  isLiaison: z.boolean(),
  isAdmin: z.boolean(),
  onDuty: z.boolean().describe('轮值管理员且正在值班'),
  current: z.boolean(),
})
export type GroupSummary = z.infer<typeof groupSummary>

/** A duty period as shown: instants with +08:00. */
export const dutyPeriodItem = out({
  id: z.string(),
  start: isoTime,
  end: isoTime,
  current: z.boolean().describe('现在在这段时间内'),
  ended: z.boolean(),
})
export type DutyPeriodItem = z.infer<typeof dutyPeriodItem>

export const meData = out({
  openid: z.string().describe('自己的 openid：上传目录 <用途>/<openid>/，镇里按它找人'),
  nickname: z.string(),
  avatarUrl: z.string().nullable().describe('头像临时链接'),
  avatarFileId: z.string().nullable(),
  workType: z.enum(WORK_TYPES).nullable(),
  platform: z.string().nullable(),
  phoneMasked: z.string().nullable().describe('138****0000'),
  roles: z.array(z.string()),
  verified: z.boolean(),
  official: z.boolean().describe('联络员、站点人员、镇里：不需要小哥认证'),
  verification: out({ state: verificationState, reason: z.string().nullable(), groupName: z.string().nullable(), at: isoTime.nullable() }),
  groups: z.array(groupSummary),
  currentGroupId: z.string().nullable(),
  staffOf,
  onDutyAdminOf: z.array(z.string()),
  duty: z.array(dutyPeriodItem.extend({ groupId: z.string() })),
  canClaimGroup: z.boolean().describe('还没有群的联络员：可以认领打开小程序的那个群'),
  unreadNotices: z.number(),
  templates: out({ verificationResult: z.string() }).describe('要先请求订阅的订阅消息模板 id'),
})
export type MeData = z.infer<typeof meData>

export const enterGroupResult = out({
  status: z.enum(['joined', 'member', 'unclaimed']).describe('joined 刚加入；member 早已在群里；unclaimed 群还没人认领'),
  group: groupRef.nullable(),
  canClaim: z.boolean(),
})
export type EnterGroupResult = z.infer<typeof enterGroupResult>

export const inviteResult = out({
  token: z.string(),
  path: z.string().describe('分享卡片打开的页面（带口令）'),
  expiresAt: isoTime,
  maxUses: z.number(),
})
export type InviteResult = z.infer<typeof inviteResult>

export const verificationItem = out({
  id: z.string(),
  openid: z.string(),
  nickname: z.string(),
  phone: z.string().nullable().describe('完整手机号：只有联络员看得到'),
  workType: z.string(),
  platform: z.string(),
  photoState: z
    .enum(['checking', 'ready', 'none'])
    .describe('checking 照片正在安全检查（还看不到）；ready 可以看；none 没有照片（没通过检查或已处理）'),
  photoUrl: z.string().nullable().describe('照片临时链接，只在 ready 时有'),
  state: z.enum(['pending', 'approved', 'rejected']),
  reason: z.string().nullable(),
  submittedAt: isoTime,
  waitingMinutes: z.number(),
})
export type VerificationItem = z.infer<typeof verificationItem>

export const memberItem = out({
  openid: z.string(),
  nickname: z.string(),
  phone: z.string().nullable(),
  workType: z.string().nullable(),
  roles: z.array(z.string()),
  verification: verificationState,
  isAdmin: z.boolean(),
  isLiaison: z.boolean(),
  onDuty: z.boolean(),
  duty: z.array(dutyPeriodItem).describe('本群的值班时段，早的在前'),
})
export type MemberItem = z.infer<typeof memberItem>

export const townOverview = out({
  groups: z.array(
    out({
      id: z.string(),
      name: z.string(),
      memberCount: z.number(),
      liaisonOpenid: z.string().nullable(),
      liaisonName: z.string().nullable(),
      adminCount: z.number(),
    }),
  ),
  stations: z.array(groupRef),
  canteens: z.array(groupRef),
})
export type TownOverview = z.infer<typeof townOverview>

export const foundUser = out({
  openid: z.string(),
  nickname: z.string(),
  roles: z.array(z.string()),
  liaisonOf: z.array(z.string()),
  adminOf: z.array(z.string()),
  staffOf,
  verification: verificationState,
})
export type FoundUser = z.infer<typeof foundUser>

/** The role-relevant part of a person, before and after a change (instants with +08:00). */
export const roleStateOut = out({
  roles: z.array(z.string()),
  liaisonOf: z.array(z.string()),
  adminOf: z.array(z.string()),
  staffOf,
  verification: z.string(),
  duty: z.array(out({ id: z.string(), groupId: z.string(), start: isoTime, end: isoTime })),
})
export type RoleStateItem = z.infer<typeof roleStateOut>

export const auditItem = out({
  id: z.string(),
  at: isoTime,
  actorOpenid: z.string(),
  actorName: z.string(),
  targetOpenid: z.string().nullable(),
  targetName: z.string().nullable(),
  action: z.string(),
  role: z.string().nullable(),
  scope: out({ kind: scopeKind, id: z.string().nullable() }),
  outcome: z.enum(['applied', 'denied']),
  before: roleStateOut.nullable(),
  after: roleStateOut.nullable(),
  /** Entries of other functions whose before/after is not a person's roles (e.g. a station's state): as recorded. */
  detail: out({ before: z.record(z.unknown()).nullable(), after: z.record(z.unknown()).nullable() }).nullable(),
  note: z.string().nullable(),
})
export type AuditItem = z.infer<typeof auditItem>

export const noticeItem = out({ id: z.string(), title: z.string(), text: z.string(), page: z.string(), read: z.boolean(), at: isoTime })
export type NoticeItem = z.infer<typeof noticeItem>

// ---- the contract --------------------------------------------------------------------------------

export const usersContract = defineContract({
  getMe: { input: empty, output: meData },
  updateProfile: { input: updateProfileInput, output: meData },
  deleteMe: { input: deleteMeInput, output: out({ deleted: z.literal(true) }) },
  enterGroup: withClientParams<{ groupInfo: CloudIdRef }>()({ input: enterGroupInput, output: enterGroupResult }),
  claimGroup: withClientParams<{ groupInfo: CloudIdRef; name: string }>()({ input: claimGroupInput, output: out({ group: groupRef }) }),
  switchGroup: { input: groupIdInput, output: out({ currentGroupId: z.string() }) },
  leaveGroup: { input: groupIdInput, output: out({ left: z.boolean(), currentGroupId: z.string().nullable() }) },
  createInvite: { input: createInviteInput, output: inviteResult },
  joinByInvite: { input: joinByInviteInput, output: enterGroupResult },
  listGroups: { input: empty, output: out({ groups: z.array(groupSummary.extend({ liaisonName: z.string().nullable() })) }) },
  requestVerification: { input: requestVerificationInput, output: out({ id: z.string(), state: z.literal('pending') }) },
  listVerifications: { input: listVerificationsInput, output: out({ items: z.array(verificationItem) }) },
  decideVerification: { input: decideVerificationInput, output: out({ id: z.string(), state: z.enum(['approved', 'rejected']) }) },
  listMembers: { input: groupIdInput, output: out({ members: z.array(memberItem) }) },
  assignRole: { input: assignRoleInput, output: out({ changed: z.boolean(), roles: z.array(z.string()) }) },
  listAudit: {
    input: listAuditInput,
    output: out({ items: z.array(auditItem), nextCursor: z.string().nullable().describe('下一页的 cursor；没有更多时为 null') }),
  },
  searchUsers: { input: searchUsersInput, output: out({ users: z.array(foundUser) }) },
  listMyNotices: { input: empty, output: out({ items: z.array(noticeItem), unread: z.number() }) },
  markNoticesRead: { input: markNoticesReadInput, output: out({ marked: z.number(), unread: z.number() }) },
  addDutyPeriod: { input: addDutyPeriodInput, output: out({ period: dutyPeriodItem }) },
  removeDutyPeriod: { input: removeDutyPeriodInput, output: out({ removed: z.boolean() }) },
  townOverview: { input: empty, output: townOverview },
})
export type UsersApi = ApiOf<typeof usersContract>
