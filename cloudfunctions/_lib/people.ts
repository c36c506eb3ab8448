/**
 * People as the `users` collection keeps them (`_id` = openid): the empty profile a first call
 * creates, what "verified" means, names as others see them. Used by the caller loader and by every
 * function that shows a person; defined once.
 */
import type { Role } from './roles'
import { type Doc, str, strings } from './values'

export const DEFAULT_NICKNAME = '骑手朋友'
export const DELETED_NAME = '已注销用户'

export const VERIFICATION_STATES = ['none', 'pending', 'approved', 'rejected'] as const
export type VerificationState = (typeof VERIFICATION_STATES)[number]

/** Roles held by town-appointed people: they work for the programme and need no rider verification. */
export const OFFICIAL_ROLES: readonly Role[] = ['liaison', 'staff', 'town']

/** The users document of someone seen for the first time (a visitor). */
export function freshProfile(now: Date): Doc {
  return {
    nickname: DEFAULT_NICKNAME,
    avatarFileId: null,
    workType: null,
    platform: null,
    phone: null,
    roles: [],
    groupIds: [],
    currentGroupId: null,
    liaisonOf: [],
    adminOf: [],
    dutyPeriods: [],
    staffOf: { canteen: [], station: [] },
    verification: 'none',
    verificationId: null,
    verificationReason: null,
    createdAt: now,
    updatedAt: now,
  }
}

export function verificationState(profile: Doc | null | undefined): VerificationState {
  const v = str(profile?.verification, 'none')
  return (VERIFICATION_STATES as readonly string[]).includes(v) ? (v as VerificationState) : 'none'
}

/** A verified new-employment worker: approved by a liaison and still holding the rider role. */
export function isVerified(profile: Doc | null | undefined): boolean {
  return Boolean(profile && !profile.deletedAt && verificationState(profile) === 'approved' && strings(profile.roles).includes('rider'))
}

/** Town-appointed (liaison, staff, town): never asked to verify as a rider. */
export const isOfficial = (roles: readonly string[]): boolean => roles.some((r) => (OFFICIAL_ROLES as readonly string[]).includes(r))

/** The name others see: the nickname, 已注销用户 after deletion, （未知） for nobody. */
export const displayName = (u: Doc | null | undefined): string =>
  !u ? '（未知）' : u.deletedAt ? DELETED_NAME : str(u.nickname, DEFAULT_NICKNAME)

/** 138****0000, or null when there is no mobile number. */
export function maskPhone(phone: unknown): string | null {
  const p = str(phone)
  return /^1\d{10}$/.test(p) ? `${p.slice(0, 3)}****${p.slice(7)}` : null
}
