/**
 * The append-only audit log of role and permission changes (collection `audit_log`): who did
 * what to whom, when, the role state before and after, and whether it was applied or denied.
 * Nothing ever updates or removes an entry. Functions that change roles (users, later the
 * micro-front roster) write here; denied attempts are recorded through `action({ onDenied })`.
 */
import { db } from './cloud'
import { dutyPeriodsOf } from './duty'

export interface RoleState {
  roles: string[]
  liaisonOf: string[]
  adminOf: string[]
  staffOf: { canteen: string[]; station: string[] }
  verification: string
  /** duty periods of admin appointments (instants) */
  duty: { id: string; groupId: string; start: Date; end: Date }[]
}

export interface AuditEntry {
  actorOpenid: string
  targetOpenid: string
  /** e.g. grant, revoke, verify, claimGroup, deleteProfile, dutyAdd, dutyRemove */
  action: string
  role?: string | null
  /** group / canteen / station the change is about */
  scopeId?: string | null
  /** the group the change belongs to, so its liaison can read it */
  groupId?: string | null
  outcome: 'applied' | 'denied'
  before?: RoleState | null
  after?: RoleState | null
  note?: string | null
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

/** The role-relevant part of a users document. */
export function roleState(doc: Record<string, unknown> | null | undefined): RoleState {
  const staffOf = (doc?.staffOf ?? {}) as Record<string, unknown>
  return {
    roles: strings(doc?.roles),
    liaisonOf: strings(doc?.liaisonOf),
    adminOf: strings(doc?.adminOf),
    staffOf: { canteen: strings(staffOf.canteen), station: strings(staffOf.station) },
    verification: typeof doc?.verification === 'string' ? doc.verification : 'none',
    duty: dutyPeriodsOf(doc),
  }
}

/** Something with `collection(name).add({ data })`: the database or a transaction. */
interface Adder {
  collection(name: string): { add(options: { data: Record<string, unknown> }): Promise<unknown> }
}

export async function writeAudit(entry: AuditEntry, at: Date, via: Adder = db as unknown as Adder): Promise<void> {
  await via.collection('audit_log').add({
    data: {
      actorOpenid: entry.actorOpenid,
      targetOpenid: entry.targetOpenid,
      action: entry.action,
      role: entry.role ?? null,
      scopeId: entry.scopeId ?? null,
      groupId: entry.groupId ?? null,
      outcome: entry.outcome,
      before: entry.before ?? null,
      after: entry.after ?? null,
      note: entry.note ?? null,
      at,
    },
  })
}
