/**
 * How stored documents are shown: 我的 (MeData), members, duty periods, audit entries, notices.
 * Pure functions over documents plus the reads MeData needs; every answer matches contract.ts.
 */
import { roleState } from '../_lib/audit'
import type { Caller } from '../_lib/caller'
import { db, row } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { type DutyPeriod, dutyPeriodsOf, isDutyNow, onDutyGroups } from '../_lib/duty'
import { tempUrls } from '../_lib/files'
import { templateId } from '../_lib/notify'
import { displayName, isOfficial, isVerified, maskPhone, verificationState } from '../_lib/people'
import { isoShanghai } from '../_lib/time'
import { type Doc, iso, str, strings, strOrNull } from '../_lib/values'
import {
  type AuditItem,
  type DutyPeriodItem,
  type MeData,
  type MemberItem,
  type NoticeItem,
  type RoleStateItem,
  WORK_TYPES,
  type WorkType,
} from './contract'
import { groupsByIds, memberCountOf, unreadCount } from './store'

export function dutyItem(p: DutyPeriod, now: Date): DutyPeriodItem {
  return {
    id: p.id,
    start: isoShanghai(p.start),
    end: isoShanghai(p.end),
    current: isDutyNow(p, now),
    ended: p.end.getTime() <= now.getTime(),
  }
}

export const byStart = (a: DutyPeriod, b: DutyPeriod) => a.start.getTime() - b.start.getTime()

const workTypeOf = (v: unknown): WorkType | null => (WORK_TYPES.includes(v as WorkType) ? (v as WorkType) : null)

/** 我的, from the caller's profile document (after an edit: the merged document). */
export async function meData(profile: Doc, caller: Caller, now: Date): Promise<MeData> {
  const openid = str(profile._id)
  const groupIds = strings(profile.groupIds)
  const { liaisonOf, adminOf, staffOf } = roleState(profile)
  const current = groupIds.includes(str(profile.currentGroupId)) ? str(profile.currentGroupId) : (groupIds[0] ?? null)
  const [groups, urls, unread, verification] = await Promise.all([
    groupsByIds(groupIds),
    tempUrls([strOrNull(profile.avatarFileId)]),
    unreadCount(openid),
    profile.verificationId ? row(db.collection(COLLECTION.verifications).where({ _id: str(profile.verificationId) })) : null,
  ])
  const byId = new Map<string, Doc>(groups.map((g) => [str(g._id), g]))
  const state = verificationState(profile)
  const periods = dutyPeriodsOf(profile)
  const onDuty = caller.roles.includes('admin') ? onDutyGroups(adminOf, periods, now) : []
  return {
    openid,
    nickname: displayName(profile),
    avatarUrl: urls.get(str(profile.avatarFileId)) ?? null,
    avatarFileId: strOrNull(profile.avatarFileId),
    workType: workTypeOf(profile.workType),
    platform: strOrNull(profile.platform),
    phoneMasked: maskPhone(profile.phone),
    roles: caller.roles,
    verified: isVerified(profile),
    official: isOfficial(caller.roles),
    verification: {
      state,
      reason: state === 'rejected' ? strOrNull(profile.verificationReason) : null,
      groupName: verification ? strOrNull(byId.get(str(verification.groupId))?.name) : null,
      at: iso(verification?.decidedAt) ?? iso(verification?.createdAt),
    },
    groups: groupIds
      .filter((id) => byId.has(id))
      .map((id) => ({
        id,
        name: str(byId.get(id)?.name),
        memberCount: memberCountOf(byId.get(id)),
        isLiaison: liaisonOf.includes(id),
        isAdmin: adminOf.includes(id),
        onDuty: onDuty.includes(id),
        current: id === current,
      })),
    currentGroupId: current,
    staffOf,
    onDutyAdminOf: onDuty,
    duty: periods
      .filter((p) => adminOf.includes(p.groupId))
      .sort(byStart)
      .map((p) => ({ ...dutyItem(p, now), groupId: p.groupId })),
    canClaimGroup: caller.roles.includes('liaison') && liaisonOf.length === 0,
    unreadNotices: unread,
    templates: { verificationResult: templateId('verificationResult') },
  }
}

/** A member of `groupId` as its liaison sees them (full phone: the liaison's list only). */
export function memberItem(u: Doc, groupId: string, now: Date): MemberItem {
  const s = roleState(u)
  const periods = dutyPeriodsOf(u).filter((p) => p.groupId === groupId)
  const isAdmin = s.roles.includes('admin') && s.adminOf.includes(groupId)
  return {
    openid: str(u._id),
    nickname: displayName(u),
    phone: strOrNull(u.phone),
    workType: strOrNull(u.workType),
    roles: s.roles,
    verification: verificationState(u),
    isAdmin,
    isLiaison: s.liaisonOf.includes(groupId),
    onDuty: isAdmin && periods.some((p) => isDutyNow(p, now)),
    duty: periods.sort(byStart).map((p) => dutyItem(p, now)),
  }
}

const isRoleState = (v: unknown): v is Doc => Boolean(v) && typeof v === 'object' && Array.isArray((v as Doc).roles)

function roleStateItem(raw: Doc): RoleStateItem {
  const s = roleState(raw)
  return { ...s, duty: s.duty.map((d) => ({ id: d.id, groupId: d.groupId, start: isoShanghai(d.start), end: isoShanghai(d.end) })) }
}

const freeForm = (v: unknown): Doc | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : null)

/** An audit entry: role states of people as such; other functions' before/after as recorded. */
export function auditItem(e: Doc, people: Map<string, Doc>): AuditItem {
  const roleEntry = (e.before == null || isRoleState(e.before)) && (e.after == null || isRoleState(e.after))
  const target = strOrNull(e.targetOpenid)
  const kind = str(e.scopeKind)
  return {
    id: str(e._id),
    at: iso(e.at) ?? isoShanghai(0),
    actorOpenid: str(e.actorOpenid),
    actorName: displayName(people.get(str(e.actorOpenid))),
    targetOpenid: target,
    targetName: target ? displayName(people.get(target)) : null,
    action: str(e.action),
    role: strOrNull(e.role),
    scope: { kind: kind === 'group' || kind === 'station' || kind === 'canteen' ? kind : 'town', id: strOrNull(e.scopeId) },
    outcome: e.outcome === 'denied' ? 'denied' : 'applied',
    before: roleEntry && isRoleState(e.before) ? roleStateItem(e.before) : null,
    after: roleEntry && isRoleState(e.after) ? roleStateItem(e.after) : null,
    detail: roleEntry ? null : { before: freeForm(e.before), after: freeForm(e.after) },
    note: strOrNull(e.note),
  }
}

export function noticeItem(n: Doc): NoticeItem {
  return {
    id: str(n._id),
    title: str(n.title),
    text: str(n.text),
    page: str(n.page),
    read: Boolean(n.read),
    at: iso(n.createdAt) ?? isoShanghai(0),
  }
}
