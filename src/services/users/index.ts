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
  GroupSummary,
  InviteResult,
  listAuditInput,
  MeData,
  MemberItem,
  NoticeItem,
  requestVerificationInput,
  TownOverview,
  updateProfileInput,
  VerificationItem,
  WorkType,
} from '@cloud/users/contract'
import type { z } from 'zod'
import { callFunction } from '../cloud'

export type {
  AuditItem,
  DutyPeriodItem,
  EnterGroupResult,
  FoundUser,
  GroupSummary,
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

export type ProfileEdit = z.input<typeof updateProfileInput>
export const updateProfile = (edit: ProfileEdit) => callFunction('users', 'updateProfile', edit)
export const deleteMe = () => callFunction('users', 'deleteMe', { confirm: true })

export const enterGroup = (groupInfo: CloudIdRef) => callFunction('users', 'enterGroup', { groupInfo })
export const claimGroup = (groupInfo: CloudIdRef, name: string) => callFunction('users', 'claimGroup', { groupInfo, name })
export const switchGroup = (groupId: string) => callFunction('users', 'switchGroup', { groupId })
export const leaveGroup = (groupId: string) => callFunction('users', 'leaveGroup', { groupId })
export const joinByInvite = (token: string) => callFunction('users', 'joinByInvite', { token })
/** An invite for `groupId` (defaults: 72 hours, 20 people; see INVITE_USES in the contract). */
export const createInvite = (groupId: string, opts: { hours?: number; maxUses?: number } = {}) =>
  callFunction('users', 'createInvite', { groupId, ...opts })

export const requestVerification = (input: z.input<typeof requestVerificationInput>) => callFunction('users', 'requestVerification', input)
export const listVerifications = (groupId: string, state: 'pending' | 'approved' | 'rejected' = 'pending') =>
  callFunction('users', 'listVerifications', { groupId, state })
export const decideVerification = (id: string, approve: boolean, reason?: string) =>
  callFunction('users', 'decideVerification', { id, approve, reason })
export const listMembers = (groupId: string) => callFunction('users', 'listMembers', { groupId })
export const setAdmin = (targetOpenid: string, groupId: string, grant: boolean) =>
  callFunction('users', 'assignRole', { targetOpenid, targetRole: 'admin', scopeId: groupId, grant })
/** Take a member out of one group (with their admin appointment and duty there); nothing else about them changes. */
export const removeFromGroup = (targetOpenid: string, groupId: string) =>
  callFunction('users', 'assignRole', { targetOpenid, targetRole: 'rider', scopeId: groupId, grant: false })
export const listMyNotices = () => callFunction('users', 'listMyNotices', {})
export const markNoticesRead = (ids: string[] | 'all') => callFunction('users', 'markNoticesRead', ids === 'all' ? { all: true } : { ids })

/** Appoint for a duty period; `start`/`end` are instants with +08:00 (see pkg-me/utils/duty-dates). */
export const addDutyPeriod = (targetOpenid: string, groupId: string, start: string, end: string) =>
  callFunction('users', 'addDutyPeriod', { targetOpenid, groupId, start, end })
export const removeDutyPeriod = (targetOpenid: string, periodId: string) =>
  callFunction('users', 'removeDutyPeriod', { targetOpenid, periodId })

/** The groups a console shows: the liaison's own, or every group for town. */
export async function fetchConsoleGroups(): Promise<Envelope<{ me: MeData; groups: GroupSummary[] }>> {
  const me = await fetchMe()
  if (!me.ok) return me
  if (!me.data.roles.includes('town')) return { ok: true, data: { me: me.data, groups: me.data.groups.filter((g) => g.isLiaison) } }
  const all = await callFunction('users', 'listGroups', {})
  if (!all.ok) return all
  return { ok: true, data: { me: me.data, groups: all.data.groups.map(({ liaisonName: _name, ...g }) => g) } }
}

// town
export const townOverview = () => callFunction('users', 'townOverview', {})
export const searchUsers = (q: string) => callFunction('users', 'searchUsers', { q })
export type AuditFilter = z.input<typeof listAuditInput>
/** One page of the change log; pass the previous page's `nextCursor` for the next one. */
export const listAudit = (filter: AuditFilter = {}) => callFunction('users', 'listAudit', filter)
export interface RoleChange {
  targetOpenid: string
  targetRole: AssignableRole
  grant: boolean
  scopeId?: string
  staffKind?: 'canteen' | 'station'
}
export const assignRole = (change: RoleChange) => callFunction('users', 'assignRole', change)
