/**
 * One person found by the town: what the town appointed them to (each with 收回), their rider
 * verification (收回 is town-wide), and 指派新角色. Every change asks for confirmation first.
 */
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import { assignRole, type FoundUser, type RoleChange, type TownOverview } from '@/services/users'
import { roleTags } from '@/utils/labels'
import type { PlaceNames } from '../utils/audit-text'
import AppointForm from './appoint-form'

interface Held {
  label: string
  change: RoleChange
}

export function heldRoles(u: FoundUser, names: PlaceNames): Held[] {
  const to = { targetOpenid: u.openid, grant: false }
  return [
    ...u.liaisonOf.map((g) => ({
      label: `联络员 · ${names.group(g)}`,
      change: { ...to, targetRole: 'liaison', scopeId: g } as RoleChange,
    })),
    ...u.staffOf.station.map((s) => ({
      label: `驿站 · ${names.station(s)}`,
      change: { ...to, targetRole: 'staff', staffKind: 'station', scopeId: s } as RoleChange,
    })),
    ...u.staffOf.canteen.map((c) => ({
      label: `食堂 · ${names.canteen(c)}`,
      change: { ...to, targetRole: 'staff', staffKind: 'canteen', scopeId: c } as RoleChange,
    })),
    ...(u.roles.includes('town') ? [{ label: '镇里账号', change: { ...to, targetRole: 'town' } as RoleChange }] : []),
    ...(u.roles.includes('rider') ? [{ label: '小哥认证（全镇）', change: { ...to, targetRole: 'rider' } as RoleChange }] : []),
  ]
}

export type Apply = (change: RoleChange, question: string) => Promise<boolean>

export default function PersonCard(props: { user: FoundUser; overview: TownOverview; names: PlaceNames; onChanged: () => void }) {
  const { user, overview, names, onChanged } = props
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const apply: Apply = async (change, question) => {
    setError(null)
    const ok = await Taro.showModal({ title: '请确认', content: question })
    if (!ok.confirm) return false
    setBusy(true)
    const r = await assignRole(change)
    setBusy(false)
    if (!r.ok) {
      setError(r.error.message)
      return false
    }
    void Taro.showToast({ title: r.data.changed ? '已更新' : '没有变化', icon: 'none' })
    setOpen(false)
    onChanged()
    return true
  }
  const revokeText = (h: Held) =>
    h.change.targetRole === 'rider'
      ? `收回 ${user.nickname} 的小哥认证？所有群的轮值管理员和值班一并取消，他仍留在群里，可以重新申请。`
      : `收回 ${user.nickname} 的“${h.label}”？`
  const held = heldRoles(user, names)
  return (
    <Card className="person">
      <View className="person__head">
        <Text className="person__name">{user.nickname}</Text>
        <View className="row__tags">
          {roleTags(user.roles).map((t) => (
            <Text key={t} className="tag">
              {t}
            </Text>
          ))}
        </View>
      </View>
      {held.every((h) => h.change.targetRole === 'rider') ? <Text className="note person__none">目前没有镇里指派的角色</Text> : null}
      {held.map((h) => (
        <View key={h.label} className="row person__held">
          <Text className="row__title">{h.label}</Text>
          <Button
            className="button-secondary small-button person__revoke"
            disabled={busy ? true : undefined}
            onClick={() => void apply(h.change, revokeText(h))}
          >
            收回
          </Button>
        </View>
      ))}
      {error ? <Text className="form-error person__error">{error}</Text> : null}
      {open ? (
        <AppointForm user={user} overview={overview} busy={busy} apply={apply} onCancel={() => setOpen(false)} />
      ) : (
        <Button className="button-primary person__open" onClick={() => setOpen(true)}>
          指派新角色
        </Button>
      )}
    </Card>
  )
}
