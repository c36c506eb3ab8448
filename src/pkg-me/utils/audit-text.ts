/**
 * The audit log in plain Chinese for the town console: who did what to whom, and the role state
 * before → after. Names of groups, stations and canteens come from the town overview; an id
 * without a name is shown as is.
 */
import type { AuditItem } from '@cloud/users/contract'
import { formatDutyRange } from './duty-dates'

export interface PlaceNames {
  group: (id: string) => string
  station: (id: string) => string
  canteen: (id: string) => string
}

interface State {
  roles: string[]
  liaisonOf: string[]
  adminOf: string[]
  staffOf: { canteen: string[]; station: string[] }
  verification: string
  duty: { id: string; groupId: string; start: string; end: string }[]
}

const arr = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

function state(raw: Record<string, unknown> | null): State | null {
  if (!raw) return null
  const staff = (raw.staffOf ?? {}) as Record<string, unknown>
  const duty = Array.isArray(raw.duty) ? (raw.duty as State['duty']) : []
  return {
    roles: arr(raw.roles),
    liaisonOf: arr(raw.liaisonOf),
    adminOf: arr(raw.adminOf),
    staffOf: { canteen: arr(staff.canteen), station: arr(staff.station) },
    verification: typeof raw.verification === 'string' ? raw.verification : 'none',
    duty: duty.filter((d) => d && typeof d.id === 'string'),
  }
}

export function roleSummary(s: State | null, names: PlaceNames): string {
  if (!s) return '（无）'
  const parts: string[] = []
  const list = (ids: string[], f: (id: string) => string) => (ids.length ? `（${ids.map(f).join('、')}）` : '')
  if (s.roles.includes('rider')) parts.push('小哥')
  if (s.roles.includes('admin')) parts.push(`轮值管理员${list(s.adminOf, names.group)}`)
  if (s.roles.includes('liaison')) parts.push(`联络员${list(s.liaisonOf, names.group)}`)
  if (s.roles.includes('staff'))
    parts.push(`站点人员${list([...s.staffOf.station.map(names.station), ...s.staffOf.canteen.map(names.canteen)], (x) => x)}`)
  if (s.roles.includes('town')) parts.push('镇里账号')
  if (s.duty.length) parts.push(`值班 ${s.duty.length} 段`)
  return parts.length ? parts.join('、') : '访客'
}

const ROLE_NAME: Record<string, string> = { rider: '小哥', admin: '轮值管理员', liaison: '联络员', staff: '站点人员', town: '镇里账号' }

/** One sentence for the entry, e.g. "周主任 把 陈磊 设为「康桥骑手互助群」的联络员". */
export function auditSentence(e: AuditItem, names: PlaceNames): string {
  const before = state(e.before)
  const after = state(e.after)
  const scope = e.scopeId ?? ''
  const place = (): string => {
    if (!scope) return ''
    if (e.role === 'staff') {
      const isCanteen = [after, before].some((s) => s?.staffOf.canteen.includes(scope))
      return `「${isCanteen ? names.canteen(scope) : names.station(scope)}」`
    }
    return `「${names.group(scope)}」`
  }
  const role = ROLE_NAME[e.role ?? ''] ?? e.role ?? ''
  const who = e.actorName
  const whom = e.targetName
  const tried = e.outcome === 'denied' ? '试图' : ''
  const newDuty = after?.duty.find((d) => !before?.duty.some((b) => b.id === d.id))
  const goneDuty = before?.duty.find((d) => !after?.duty.some((a) => a.id === d.id))
  switch (e.action) {
    case 'grant':
      return e.role === 'town' ? `${who} ${tried}把 ${whom} 设为镇里账号` : `${who} ${tried}把 ${whom} 设为${place()}的${role}`
    case 'revoke': {
      const took = tried ? '试图收回' : '收回了'
      if (e.role === 'rider') return `${who} ${took} ${whom} 的小哥认证`
      return e.role === 'town' ? `${who} ${took} ${whom} 的镇里账号` : `${who} ${took} ${whom} ${place()}的${role}`
    }
    case 'verify':
      if (e.outcome === 'denied') return `${who} 试图审核 ${whom} 的小哥认证`
      return after?.verification === 'approved'
        ? `${who} 通过了 ${whom} 的小哥认证`
        : `${who} 驳回了 ${whom} 的小哥认证${e.note ? `（${e.note}）` : ''}`
    case 'claimGroup':
      return `${who} 认领了${place()}，成为联络员`
    case 'leaveGroup':
      return `${whom} 退出了${place()}，不再是轮值管理员`
    case 'deleteProfile':
      return `${whom} 注销了自己的档案`
    case 'dutyAdd':
      return `${who} ${tried}安排 ${whom} 在${place()}值班${newDuty ? ` ${formatDutyRange(newDuty.start, newDuty.end)}` : ''}`
    case 'dutyRemove':
      return `${who} ${tried ? '试图取消' : '取消了'} ${whom} 在${place()}的值班${goneDuty ? ` ${formatDutyRange(goneDuty.start, goneDuty.end)}` : ''}`
    default:
      return `${who} 对 ${whom} 进行了 ${e.action}`
  }
}

/** "小哥 → 小哥、联络员（康桥骑手互助群）", or null when nothing is recorded (denied attempts). */
export function auditChange(e: AuditItem, names: PlaceNames): string | null {
  if (!e.before && !e.after) return null
  return `${roleSummary(state(e.before), names)} → ${roleSummary(state(e.after), names)}`
}
