/**
 * The audit log in plain Chinese for the consoles: who did what to whom, where, and the role state
 * before → after. Names of groups, stations and canteens come from the caller (the town overview,
 * or the liaison's groups); an id without a name is shown as is.
 */
import type { AuditItem, RoleStateItem } from '@cloud/users/contract'
import { formatDutyRange } from './duty-dates'

export interface PlaceNames {
  group: (id: string) => string
  station: (id: string) => string
  canteen: (id: string) => string
}

export function roleSummary(s: RoleStateItem | null, names: PlaceNames): string {
  if (!s) return '（无）'
  const parts: string[] = []
  const list = (ids: string[]) => (ids.length ? `（${ids.join('、')}）` : '')
  if (s.roles.includes('rider')) parts.push('小哥')
  if (s.roles.includes('admin')) parts.push(`轮值管理员${list(s.adminOf.map(names.group))}`)
  if (s.roles.includes('liaison')) parts.push(`联络员${list(s.liaisonOf.map(names.group))}`)
  if (s.roles.includes('staff'))
    parts.push(`站点人员${list([...s.staffOf.station.map(names.station), ...s.staffOf.canteen.map(names.canteen)])}`)
  if (s.roles.includes('town')) parts.push('镇里账号')
  if (s.duty.length) parts.push(`值班 ${s.duty.length} 段`)
  return parts.length ? parts.join('、') : '访客'
}

const ROLE_NAME: Record<string, string> = { rider: '小哥', admin: '轮值管理员', liaison: '联络员', staff: '站点人员', town: '镇里账号' }

/** 「place」 of the entry's scope, or '' for the town. */
function placeOf(e: AuditItem, names: PlaceNames): string {
  const { kind, id } = e.scope
  if (!id || kind === 'town') return ''
  const name = kind === 'group' ? names.group(id) : kind === 'station' ? names.station(id) : names.canteen(id)
  return `「${name}」`
}

function dutySentence(e: AuditItem, who: string, whom: string, place: string, tried: boolean): string {
  const before = e.before?.duty ?? []
  const after = e.after?.duty ?? []
  if (e.action === 'dutyAdd') {
    const d = after.find((x) => !before.some((b) => b.id === x.id))
    return `${who} ${tried ? '试图' : ''}安排 ${whom} 在${place}值班${d ? ` ${formatDutyRange(d.start, d.end)}` : ''}`
  }
  const d = before.find((x) => !after.some((a) => a.id === x.id))
  return `${who} ${tried ? '试图取消' : '取消了'} ${whom} 在${place}的值班${d ? ` ${formatDutyRange(d.start, d.end)}` : ''}`
}

/** One sentence for the entry, e.g. "周主任 把 陈磊 设为「康桥骑手互助群」的联络员". */
export function auditSentence(e: AuditItem, names: PlaceNames): string {
  const place = placeOf(e, names)
  const role = ROLE_NAME[e.role ?? ''] ?? e.role ?? ''
  const who = e.actorName
  const whom = e.targetName ?? '（无）'
  const tried = e.outcome === 'denied'
  switch (e.action) {
    case 'grant':
      return e.role === 'town'
        ? `${who} ${tried ? '试图' : ''}把 ${whom} 设为镇里账号`
        : `${who} ${tried ? '试图' : ''}把 ${whom} 设为${place}的${role}`
    case 'revoke': {
      const took = tried ? '试图收回' : '收回了'
      if (e.role === 'rider') return `${who} ${took} ${whom} 的小哥认证（全镇）`
      if (e.role === 'town') return `${who} ${took} ${whom} 的镇里账号`
      return `${who} ${took} ${whom} ${place}的${role}${e.note ? `（${e.note}）` : ''}`
    }
    case 'removeMember':
      return tried ? `${who} 试图把 ${whom} 移出${place}` : `${who} 把 ${whom} 移出了${place}`
    case 'verify':
      if (tried) return `${who} 试图审核 ${whom} 的小哥认证`
      return e.after?.verification === 'approved'
        ? `${who} 通过了 ${whom} 的小哥认证`
        : `${who} 驳回了 ${whom} 的小哥认证${e.note ? `（${e.note}）` : ''}`
    case 'claimGroup':
      return `${who} 认领了${place}，成为联络员`
    case 'leaveGroup':
      return `${whom} 退出了${place}，不再是轮值管理员`
    case 'deleteProfile':
      return `${whom} 注销了自己的档案`
    case 'inviteCreate':
      return tried ? `${who} 试图生成${place}的邀请码` : `${who} 生成了${place}的邀请码${e.note ? `（${e.note}）` : ''}`
    case 'dutyAdd':
    case 'dutyRemove':
      return dutySentence(e, who, whom, place, tried)
    default:
      return `${who} ${tried ? '试图' : ''}在${place || '镇里'}进行了“${e.action}”${e.targetName ? `（对象：${e.targetName}）` : ''}`
  }
}

/** "小哥 → 小哥、联络员（康桥骑手互助群）", or null when nothing is recorded (denied attempts, invites). */
export function auditChange(e: AuditItem, names: PlaceNames): string | null {
  if (!e.before && !e.after) return null
  return `${roleSummary(e.before, names)} → ${roleSummary(e.after, names)}`
}
