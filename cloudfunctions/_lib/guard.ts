/**
 * Scope predicates for `action({ scope })`. Roles say what kind of person may call; these say
 * whether this person may act on this thing. Town may act everywhere.
 */
import type { Caller } from './caller'

export const isTown = (c: Caller) => c.roles.includes('town')
export const isLiaisonOf = (c: Caller, groupId: string) => isTown(c) || (c.roles.includes('liaison') && c.liaisonOf.includes(groupId))
export const isAdminOf = (c: Caller, groupId: string) => c.roles.includes('admin') && c.adminOf.includes(groupId)
/** Admin of the group and on duty now (inside one of their periods at the invocation's start). */
export const isOnDutyAdminOf = (c: Caller, groupId: string) => isAdminOf(c, groupId) && c.onDutyAdminOf.includes(groupId)
export const isMemberOf = (c: Caller, groupId: string) => c.groupIds.includes(groupId)
export const isStationStaff = (c: Caller, stationId: string) =>
  isTown(c) || (c.roles.includes('staff') && c.staffOf.station.includes(stationId))
export const isCanteenStaff = (c: Caller, canteenId: string) =>
  isTown(c) || (c.roles.includes('staff') && c.staffOf.canteen.includes(canteenId))

/** Verified new-employment worker (approved by a liaison); town counts as verified for posting. */
export const isVerifiedRider = (c: Caller) => c.verified

/**
 * Scope builders for `action({ scope })`: pick the id out of the validated input.
 *   scope: liaisonOfInput((i) => i.groupId)
 * For things that belong to a group (a question, a verification request), load the thing in the
 * scope and check `isLiaisonOf(caller, thing.groupId)`; throw NOT_FOUND when it does not exist.
 */
export const liaisonOfInput =
  <I>(groupIdOf: (input: I) => string | undefined) =>
  (input: I, { caller }: { caller: Caller }) => {
    const groupId = groupIdOf(input)
    return groupId ? isLiaisonOf(caller, groupId) : isTown(caller)
  }
export const memberOfInput =
  <I>(groupIdOf: (input: I) => string) =>
  (input: I, { caller }: { caller: Caller }) =>
    isTown(caller) || isMemberOf(caller, groupIdOf(input))
export const stationStaffOfInput =
  <I>(stationIdOf: (input: I) => string) =>
  (input: I, { caller }: { caller: Caller }) =>
    isStationStaff(caller, stationIdOf(input))
export const canteenStaffOfInput =
  <I>(canteenIdOf: (input: I) => string) =>
  (input: I, { caller }: { caller: Caller }) =>
    isCanteenStaff(caller, canteenIdOf(input))
