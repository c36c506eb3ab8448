/** Chinese labels for codes that come from the server (roles, topic statuses). */
import type { Role } from '@cloud/_lib/roles'

export const ROLE_LABEL: Record<Role, string> = {
  visitor: '访客',
  rider: '小哥',
  admin: '轮值管理员',
  liaison: '党员联络员',
  staff: '站点工作人员',
  town: '镇服务中心',
}

export function roleLabel(role: string): string | null {
  return role in ROLE_LABEL ? ROLE_LABEL[role as Role] : null
}

/** Labels worth showing as tags next to 已认证/未认证 (访客 would only repeat 未认证). */
export function roleTags(roles: string[]): string[] {
  return roles
    .filter((role) => role !== 'visitor')
    .map(roleLabel)
    .filter((label): label is string => label !== null)
}

type Tone = 'primary' | 'success' | 'warning' | 'muted'

const VERIFICATION_TAG: Record<string, { label: string; tone: Tone }> = {
  approved: { label: '已认证', tone: 'success' },
  pending: { label: '审核中', tone: 'warning' },
  rejected: { label: '未通过', tone: 'warning' },
  none: { label: '未认证', tone: 'warning' },
}

/**
 * The verification tag beside a person's name: 已认证 for a verified rider; for others their state —
 * except people appointed by the town (liaison, staff, town), who need no verification: no tag.
 */
export function verificationTag(p: { verified: boolean; official: boolean; verification: string }): { label: string; tone: Tone } | null {
  if (p.verified) return VERIFICATION_TAG.approved
  if (p.official) return null
  return VERIFICATION_TAG[p.verification] ?? VERIFICATION_TAG.none
}

/** Topic statuses: a few likely codes; anything already in Chinese is shown as is. */
const TOPIC_STATUS: Record<string, { label: string; tone: Tone }> = {
  open: { label: '征集中', tone: 'primary' },
  raised: { label: '征集中', tone: 'primary' },
  collecting: { label: '征集中', tone: 'primary' },
  scheduled: { label: '已排期', tone: 'warning' },
  discussing: { label: '议事中', tone: 'warning' },
  decided: { label: '已议定', tone: 'success' },
  following: { label: '跟进中', tone: 'warning' },
  followup: { label: '跟进中', tone: 'warning' },
  done: { label: '已办结', tone: 'success' },
  closed: { label: '已办结', tone: 'success' },
  rejected: { label: '未采纳', tone: 'muted' },
}

export function topicStatus(status: string): { label: string; tone: Tone } | null {
  const known = TOPIC_STATUS[status]
  if (known) return known
  return /[\u4e00-\u9fff]/.test(status) ? { label: status, tone: 'muted' } : null
}
