/**
 * The users function from the client (contract: cloudfunctions/users/contract.ts). One small
 * function per call; pages import from here, never callFunction directly.
 */
import type { Envelope } from '@cloud/_lib/envelope'
import type {
  AssignableRole,
  AuditItem,
  CloudIdRef,
  DutyPeriodItem,
  EnterGroupResult,
  FoundUser,
  InviteResult,
  MeData,
  MemberItem,
  NoticeItem,
  TownOverview,
  VerificationItem,
  WorkType,
} from '@cloud/users/contract'
import { callFunction } from '../cloud'

export type {
  AuditItem,
  DutyPeriodItem,
  EnterGroupResult,
  FoundUser,
  InviteResult,
  MeData,
  MemberItem,
  NoticeItem,
  TownOverview,
  VerificationItem,
  WorkType,
}

export const WORK_TYPE_OPTIONS: readonly WorkType[] = ['外卖', '快递', '网约车', '房产中介', '保安', '其他']

export const fetchMe = (): Promise<Envelope<MeData>> => callFunction('users', 'getMe', {})

export interface ProfileEdit {
  nickname?: string
  avatarFileId?: string | null
  workType?: WorkType | null
  platform?: string | null
  phone?: string
}
export const updateProfile = (edit: ProfileEdit) => callFunction('users', 'updateProfile', edit)
export const deleteMe = () => callFunction('users', 'deleteMe', { confirm: true })

export const enterGroup = (groupInfo: CloudIdRef) => callFunction('users', 'enterGroup', { groupInfo })
export const claimGroup = (groupInfo: CloudIdRef, name: string) => callFunction('users', 'claimGroup', { groupInfo, name })
export const switchGroup = (groupId: string) => callFunction('users', 'switchGroup', { groupId })
export const leaveGroup = (groupId: string) => callFunction('users', 'leaveGroup', { groupId })
export const joinByInvite = (token: string) => callFunction('users', 'joinByInvite', { token })
export const createInvite = (groupId: string) => callFunction('users', 'createInvite', { groupId })

export const requestVerification = (input: { workType: WorkType; platform: string; photoFileId: string; groupId?: string }) =>
  callFunction('users', 'requestVerification', input)
export const listVerifications = (groupId: string, state: 'pending' | 'approved' | 'rejected' = 'pending') =>
  callFunction('users', 'listVerifications', { groupId, state })
export const decideVerification = (id: string, approve: boolean, reason?: string) =>
  callFunction('users', 'decideVerification', { id, approve, reason })
export const listMembers = (groupId: string) => callFunction('users', 'listMembers', { groupId })
export const setAdmin = (targetOpenid: string, groupId: string, grant: boolean) =>
  callFunction('users', 'assignRole', { targetOpenid, targetRole: 'admin', scopeId: groupId, grant })
export const listMyNotices = () => callFunction('users', 'listMyNotices', {})
export const markNoticesRead = (ids: string[] | 'all') => callFunction('users', 'markNoticesRead', ids === 'all' ? { all: true } : { ids })

/** Appoint for a duty period; `start`/`end` are instants with +08:00 (see pkg-me/utils/duty-dates). */
export const addDutyPeriod = (targetOpenid: string, groupId: string, start: string, end: string) =>
  callFunction('users', 'addDutyPeriod', { targetOpenid, groupId, start, end })
export const removeDutyPeriod = (targetOpenid: string, periodId: string) =>
  callFunction('users', 'removeDutyPeriod', { targetOpenid, periodId })

// town
export const townOverview = () => callFunction('users', 'townOverview', {})
export const searchUsers = (q: string) => callFunction('users', 'searchUsers', { q })
export const listAudit = (filter: { targetOpenid?: string; groupId?: string; limit?: number } = {}) =>
  callFunction('users', 'listAudit', filter)
export interface RoleChange {
  targetOpenid: string
  targetRole: AssignableRole
  grant: boolean
  scopeId?: string
  staffKind?: 'canteen' | 'station'
}
export const assignRole = (change: RoleChange) => callFunction('users', 'assignRole', change)
