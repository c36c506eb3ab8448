/**
 * Who is calling: read once per invocation from `cloud.getWXContext().OPENID` and the `users`
 * collection. Nothing in the event (`openid`, `role`, `groupId` sent by a client) is trusted.
 */

import { cloud, db, row } from './cloud'
import { COLLECTION } from './collections'
import { type DutyPeriod, dutyPeriodsOf, onDutyGroups } from './duty'
import { isVerified } from './people'
import type { Role } from './roles'
import { strings } from './values'

export interface Caller {
  /** '' when the invocation has no user (timer trigger). */
  openid: string
  appid: string
  /** e.g. "wx_client", "wx_client,scf", "wx_trigger" */
  source: string
  roles: Role[]
  /** Scopes of the roles, from the users document (empty for a visitor). */
  groupIds: string[]
  liaisonOf: string[]
  adminOf: string[]
  /** Groups where the caller is admin AND inside one of their duty periods at the load instant. */
  onDutyAdminOf: string[]
  /** The caller's duty periods (all groups), for messages like "your next duty starts …". */
  dutyPeriods: DutyPeriod[]
  staffOf: { canteen: string[]; station: string[] }
  /** The group the caller last entered or switched to (one of groupIds), or null. */
  currentGroupId: string | null
  /** Approved as a new-employment worker. */
  verified: boolean
  /** The users document, or null for a first-time visitor (and after the person deleted it). */
  profile: Record<string, unknown> | null
}

/** Openids listed in the function's environment variable TOWN_BOOTSTRAP_OPENIDS are `town`. */
export function bootstrapTownOpenids(): Set<string> {
  return new Set(
    (process.env.TOWN_BOOTSTRAP_OPENIDS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
}

/**
 * `now` = the instant the invocation started (the router's `ctx.now`): on duty is decided at it.
 * `withProfile: false` skips the users read: for public actions (roles ['anyone']) that need only
 * the openid, so a hot list call costs one database request.
 */
export async function loadCaller(now: Date = new Date(), { withProfile = true }: { withProfile?: boolean } = {}): Promise<Caller> {
  const ctx = cloud.getWXContext()
  const openid = typeof ctx.OPENID === 'string' ? ctx.OPENID : ''
  const caller: Caller = {
    openid,
    appid: typeof ctx.APPID === 'string' ? ctx.APPID : '',
    source: typeof ctx.SOURCE === 'string' ? ctx.SOURCE : '',
    roles: [],
    groupIds: [],
    liaisonOf: [],
    adminOf: [],
    onDutyAdminOf: [],
    dutyPeriods: [],
    staffOf: { canteen: [], station: [] },
    currentGroupId: null,
    verified: false,
    profile: null,
  }
  if (!openid) return caller
  if (!withProfile) {
    caller.roles = bootstrapTownOpenids().has(openid) ? ['visitor', 'town'] : ['visitor']
    return caller
  }
  const stored = await row(db.collection(COLLECTION.users).where({ _id: openid }))
  // A deleted profile keeps an anonymised stub for history; its owner is a visitor again.
  const profile = stored && !stored.deletedAt ? stored : null
  caller.profile = profile
  const storedRoles = Array.isArray(profile?.roles) ? (profile?.roles as Role[]) : []
  const roles = new Set<Role>(['visitor', ...storedRoles])
  if (bootstrapTownOpenids().has(openid)) roles.add('town')
  caller.roles = [...roles]
  if (profile) {
    caller.groupIds = strings(profile.groupIds)
    caller.liaisonOf = strings(profile.liaisonOf)
    caller.adminOf = strings(profile.adminOf)
    caller.dutyPeriods = dutyPeriodsOf(profile)
    caller.onDutyAdminOf = roles.has('admin') ? onDutyGroups(caller.adminOf, caller.dutyPeriods, now) : []
    const staffOf = (profile.staffOf ?? {}) as Record<string, unknown>
    caller.staffOf = { canteen: strings(staffOf.canteen), station: strings(staffOf.station) }
    const current = typeof profile.currentGroupId === 'string' ? profile.currentGroupId : null
    caller.currentGroupId = current && caller.groupIds.includes(current) ? current : (caller.groupIds[0] ?? null)
    caller.verified = isVerified(profile)
  }
  return caller
}
