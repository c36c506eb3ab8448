/**
 * The append-only audit log (collection `audit_log`) of privileged changes: who did what to whom,
 * when, in which scope (a group, a station, a canteen, or the town), the state before and after,
 * and whether it was applied or denied. Nothing ever updates or removes an entry.
 *
 * Every entry carries its scope, so the liaison of a group (the staff of a station or canteen)
 * sees what happened there. Denied attempts are recorded at most once per caller per action per
 * minute (a deterministic id per minute: the second insert is a duplicate and is dropped), so a
 * stranger cannot flood a group's log and push real entries out of its liaison's view.
 */
import { createHash } from 'node:crypto'
import { db } from './cloud'
import { COLLECTION } from './collections'
import { dutyPeriodsOf } from './duty'
import type { ActionContext } from './router'
import { type Doc, isDuplicateKey, str, strings } from './values'

export interface RoleState {
  roles: string[]
  liaisonOf: string[]
  adminOf: string[]
  staffOf: { canteen: string[]; station: string[] }
  verification: string
  /** duty periods of admin appointments (instants) */
  duty: { id: string; groupId: string; start: Date; end: Date }[]
}

export const SCOPE_KINDS = ['group', 'station', 'canteen', 'town'] as const
export type ScopeKind = (typeof SCOPE_KINDS)[number]
/** What an entry is about: one group, station or canteen; `town` (id null) for town-wide changes. */
export interface AuditScope {
  kind: ScopeKind
  id: string | null
}
export const townScope: AuditScope = { kind: 'town', id: null }
export const groupScope = (id: string | null | undefined): AuditScope => (id ? { kind: 'group', id } : townScope)

export interface AuditEntry {
  actorOpenid: string
  targetOpenid?: string | null
  /** e.g. grant, revoke, verify, claimGroup, deleteProfile, dutyAdd, dutyRemove, inviteCreate */
  action: string
  role?: string | null
  scope: AuditScope
  outcome: 'applied' | 'denied'
  before?: RoleState | Doc | null
  after?: RoleState | Doc | null
  note?: string | null
}

/** The role-relevant part of a users document. */
export function roleState(doc: Doc | null | undefined): RoleState {
  const staffOf = (doc?.staffOf ?? {}) as Doc
  return {
    roles: strings(doc?.roles),
    liaisonOf: strings(doc?.liaisonOf),
    adminOf: strings(doc?.adminOf),
    staffOf: { canteen: strings(staffOf.canteen), station: strings(staffOf.station) },
    verification: str(doc?.verification, 'none'),
    duty: dutyPeriodsOf(doc),
  }
}

/** Something with `collection(name).add({ data })`: the database or a transaction. */
interface Adder {
  collection(name: string): { add(options: { data: Doc }): Promise<unknown> }
}

function record(entry: AuditEntry, at: Date): Doc {
  return {
    actorOpenid: entry.actorOpenid,
    targetOpenid: entry.targetOpenid ?? null,
    action: entry.action,
    role: entry.role ?? null,
    scopeKind: entry.scope.kind,
    scopeId: entry.scope.id,
    outcome: entry.outcome,
    before: entry.before ?? null,
    after: entry.after ?? null,
    note: entry.note ?? null,
    at,
  }
}

export async function writeAudit(entry: AuditEntry, at: Date, via: Adder = db as unknown as Adder): Promise<void> {
  await via.collection(COLLECTION.audit_log).add({ data: record(entry, at) })
}

/**
 * A refused attempt, at most once per caller per action per minute. `ctx.name` is the action
 * (`users.assignRole`); the entry's own `action` says what was attempted (grant, revoke, …).
 */
export async function recordDenied(entry: Omit<AuditEntry, 'actorOpenid' | 'outcome'>, ctx: ActionContext): Promise<void> {
  const minute = Math.floor(ctx.now.getTime() / 60_000)
  const id = `deny-${createHash('sha256').update(`${ctx.caller.openid}|${ctx.name}|${minute}`).digest('hex').slice(0, 40)}`
  try {
    await db.collection(COLLECTION.audit_log).add({
      data: { _id: id, ...record({ ...entry, actorOpenid: ctx.caller.openid, outcome: 'denied' }, ctx.now), via: ctx.name },
    })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
  }
}
