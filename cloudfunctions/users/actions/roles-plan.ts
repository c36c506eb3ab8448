/**
 * Who may change which role, and what a change does to the person — the rules of `assignRole`:
 *
 * - Nobody changes their own roles.
 * - Town: everything (liaisons, station and canteen staff, town accounts, admins of any group,
 *   removing someone from a group, and revoking a person's verification town-wide).
 * - A liaison: only inside their own groups — the group's rotating admins, and removing a member
 *   from the group (`targetRole: 'rider', grant: false, scopeId: <their group>`): the person leaves
 *   that group, with their admin appointment and duty periods there; their verification, their
 *   other groups and roles elsewhere are untouched. Nothing a liaison does reaches another group.
 * - A person's verification (the rider role) is town-wide, so only town revokes it
 *   (`targetRole: 'rider', grant: false` without scopeId): rider, admin (every group) and every
 *   duty period go; the person stays a member of their groups and may ask again.
 */
import { type AuditScope, groupScope, type RoleState, roleState, townScope } from '../../_lib/audit'
import type { Caller } from '../../_lib/caller'
import { db, row } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { denied, invalid, notFound, precondition } from '../../_lib/errors'
import { isTown } from '../../_lib/guard'
import { isVerified } from '../../_lib/people'
import { type Doc, str, strings } from '../../_lib/values'
import type { assignRoleInput } from '../contract'
import { cleanKey } from '../denied'
import { groupById } from '../store'

export type AssignInput = ReturnType<typeof assignRoleInput.parse>

/** The parts of a change that name it; unvalidated params (a refused call) are read the same way. */
type Named = { targetRole?: unknown; grant?: unknown; scopeId?: unknown }

/** Taking a member out of one group (by its liaison or town), not a role change. */
export const isRemoval = (i: Named) => i.targetRole === 'rider' && i.grant === false && Boolean(i.scopeId)

/** What the audit entry is called: grant, revoke, or removeMember. */
export const auditAction = (i: Named) => (isRemoval(i) ? 'removeMember' : i.grant === false ? 'revoke' : 'grant')

/** The scope an entry about this change belongs to (its group, station or canteen; else the town). */
export function changeScope(i: { targetRole?: unknown; scopeId?: unknown; staffKind?: unknown }): AuditScope {
  const id = cleanKey(i.scopeId)
  if (i.targetRole === 'staff')
    return id && (i.staffKind === 'canteen' || i.staffKind === 'station') ? { kind: i.staffKind, id } : townScope
  if (i.targetRole === 'admin' || i.targetRole === 'liaison' || i.targetRole === 'rider') return groupScope(id)
  return townScope
}

/** Refuse (PERMISSION_DENIED, with a reason where one helps) what the caller may not do. */
export function assertMayAssign(caller: Caller, input: AssignInput): void {
  if (input.targetOpenid === caller.openid) throw denied('不能修改自己的角色')
  if (isTown(caller)) return
  const ownGroup = Boolean(input.scopeId && caller.liaisonOf.includes(input.scopeId))
  if (caller.roles.includes('liaison') && input.targetRole === 'rider' && !input.grant) {
    if (!input.scopeId) throw denied('小哥认证只能由镇里收回；要把他移出本群，请指定本群')
    if (ownGroup) return
  }
  if (caller.roles.includes('liaison') && input.targetRole === 'admin' && ownGroup) return
  throw denied()
}

/** Input and state checks that need the database; nothing has been written when they throw. */
export async function checkAssignPreconditions(input: AssignInput, target: Doc): Promise<void> {
  const { targetRole: role, scopeId, grant } = input
  if (role === 'rider' && grant) throw invalid('小哥身份需要通过认证获得', { field: 'targetRole' })
  if ((role === 'admin' || role === 'staff') && !scopeId) throw invalid('请指定群或站点', { field: 'scopeId' })
  if (role === 'staff' && !input.staffKind) throw invalid('请指定食堂或驿站', { field: 'staffKind' })
  if ((role === 'admin' || role === 'liaison' || role === 'rider') && scopeId && !(await groupById(scopeId))) throw notFound('群不存在')
  if (role === 'admin' && grant) {
    if (!strings(target.groupIds).includes(scopeId as string)) throw precondition('对方还不在这个群里')
    if (!isVerified(target)) throw precondition('轮值管理员需要先通过小哥认证')
  }
  if (isRemoval(input)) {
    if (!strings(target.groupIds).includes(scopeId as string)) throw precondition('对方不在这个群里')
    if (strings(target.liaisonOf).includes(scopeId as string)) throw precondition('不能把本群的联络员移出群，请先由镇里转交联络员')
  }
  if (role === 'staff' && grant) {
    const coll = input.staffKind === 'canteen' ? COLLECTION.canteens : COLLECTION.stations
    if (!(await row(db.collection(coll).where({ _id: scopeId as string }))))
      throw notFound(input.staffKind === 'canteen' ? '食堂不存在' : '驿站不存在')
  }
}

export interface Plan {
  after: RoleState
  groupIds: string[]
  currentGroupId: string | null
}

/** The person after the change (pure: the caller writes it in a transaction). */
export function plan(target: Doc, input: AssignInput): Plan {
  const before = roleState(target)
  const s = {
    roles: new Set(before.roles),
    liaisonOf: new Set(before.liaisonOf),
    adminOf: new Set(before.adminOf),
    canteen: new Set(before.staffOf.canteen),
    station: new Set(before.staffOf.station),
    groupIds: new Set(strings(target.groupIds)),
    verification: before.verification,
    duty: before.duty,
  }
  applyChange(s, input)
  const groupIds = [...s.groupIds]
  const current = str(target.currentGroupId)
  return {
    after: {
      roles: [...s.roles],
      liaisonOf: [...s.liaisonOf],
      adminOf: [...s.adminOf],
      staffOf: { canteen: [...s.canteen], station: [...s.station] },
      verification: s.verification,
      duty: s.duty,
    },
    groupIds,
    currentGroupId: groupIds.includes(current) ? current : (groupIds[0] ?? null),
  }
}

type Sets = {
  roles: Set<string>
  liaisonOf: Set<string>
  adminOf: Set<string>
  canteen: Set<string>
  station: Set<string>
  groupIds: Set<string>
  verification: string
  duty: RoleState['duty']
}

const toggle = (set: Set<string>, v: string, on: boolean) => (on ? set.add(v) : set.delete(v))

function dropAdmin(s: Sets, groupId: string | null): void {
  if (groupId) s.adminOf.delete(groupId)
  else s.adminOf.clear()
  s.duty = groupId ? s.duty.filter((p) => p.groupId !== groupId) : []
  if (!s.adminOf.size) s.roles.delete('admin')
}

function applyChange(s: Sets, input: AssignInput): void {
  const scope = input.scopeId ?? null
  switch (input.targetRole) {
    case 'admin':
      if (input.grant) s.adminOf.add(scope as string)
      else dropAdmin(s, scope)
      if (s.adminOf.size) s.roles.add('admin')
      break
    case 'liaison':
      if (scope) toggle(s.liaisonOf, scope, input.grant)
      else if (!input.grant) s.liaisonOf.clear()
      if (input.grant && scope) s.groupIds.add(scope)
      toggle(s.roles, 'liaison', input.grant || s.liaisonOf.size > 0)
      break
    case 'staff':
      toggle(input.staffKind === 'canteen' ? s.canteen : s.station, scope as string, input.grant)
      toggle(s.roles, 'staff', s.canteen.size + s.station.size > 0)
      break
    case 'town':
      toggle(s.roles, 'town', input.grant)
      break
    case 'rider':
      if (scope) {
        // removal from one group: that group only
        s.groupIds.delete(scope)
        dropAdmin(s, scope)
      } else {
        s.roles.delete('rider')
        dropAdmin(s, null)
        s.verification = 'none'
      }
      break
  }
}

export const sameState = (a: RoleState, b: RoleState, ga: string[], gb: string[]) =>
  JSON.stringify(a) === JSON.stringify(b) && JSON.stringify(ga) === JSON.stringify(gb)
