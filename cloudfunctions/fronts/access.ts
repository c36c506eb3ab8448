/**
 * Who may do what on a group's micro-front, decided from the caller the router loaded (roles and
 * on-duty from the server, at the invocation's instant) — never from anything the client sends.
 */
import { groupScope, recordDenied } from '../_lib/audit'
import type { Caller } from '../_lib/caller'
import { isLiaisonOf, isMemberOf, isOnDutyAdminOf, isTown } from '../_lib/guard'
import type { ActionContext } from '../_lib/router'

/** Members read their group's front; its liaison and town too. */
export const canReadGroup = (c: Caller, groupId: string): boolean => isMemberOf(c, groupId) || isLiaisonOf(c, groupId)
/** The admin on duty now, the group's liaison, town. */
export const canPostIn = (c: Caller, groupId: string): boolean => isOnDutyAdminOf(c, groupId) || isLiaisonOf(c, groupId)
/** Questions are private to the asker, the group's liaison (town) and the admin on duty. */
export const canSeeQuestionsOf = (c: Caller, groupId: string): boolean => isLiaisonOf(c, groupId) || isOnDutyAdminOf(c, groupId)

export function authorRole(c: Caller, groupId: string): 'admin' | 'liaison' | 'town' {
  if (c.roles.includes('liaison') && c.liaisonOf.includes(groupId)) return 'liaison'
  if (isTown(c)) return 'town'
  return 'admin'
}

/** An id from raw (unvalidated) params, for the audit entry of a refused call. */
export const cleanKey = (v: unknown): string | null => (typeof v === 'string' && /^[\w-]{1,64}$/.test(v) ? v : null)

/** `onDenied` of a group-scoped privileged action: at most one entry per caller per action per minute. */
export const deniedIn =
  (what: string, groupIdOf: (params: Record<string, unknown>, ctx: ActionContext) => Promise<string | null> | string | null) =>
  async (params: Record<string, unknown>, ctx: ActionContext): Promise<void> => {
    const groupId = await groupIdOf(params, ctx)
    await recordDenied({ action: what, scope: groupScope(groupId) }, ctx)
  }
