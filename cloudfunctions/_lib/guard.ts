/**
 * Scope predicates for `action({ scope })`. Roles say what kind of person may call; these say
 * whether this person may act on this thing. Town may act everywhere.
 */
import type { Caller } from './caller'

export const isTown = (c: Caller) => c.roles.includes('town')
export const isLiaisonOf = (c: Caller, groupId: string) => isTown(c) || (c.roles.includes('liaison') && c.liaisonOf.includes(groupId))
export const isAdminOf = (c: Caller, groupId: string) => c.roles.includes('admin') && c.adminOf.includes(groupId)
export const isMemberOf = (c: Caller, groupId: string) => c.groupIds.includes(groupId)
export const isStationStaff = (c: Caller, stationId: string) =>
  isTown(c) || (c.roles.includes('staff') && c.staffOf.station.includes(stationId))
export const isCanteenStaff = (c: Caller, canteenId: string) =>
  isTown(c) || (c.roles.includes('staff') && c.staffOf.canteen.includes(canteenId))
