/** 指派为: liaison of a group (handing it over from the current one), station or canteen staff, or a town account. */
import { Button, Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import ChipPicker from '@/components/chip-picker'
import type { FoundUser, RoleChange, TownOverview } from '@/services/users'
import type { Apply } from './person-card'

type Kind = 'liaison' | 'station' | 'canteen' | 'town'
const KINDS: { key: Kind; label: string }[] = [
  { key: 'liaison', label: '群联络员' },
  { key: 'station', label: '驿站工作人员' },
  { key: 'canteen', label: '食堂工作人员' },
  { key: 'town', label: '镇里账号' },
]

interface Props {
  user: FoundUser
  overview: TownOverview
  busy: boolean
  apply: Apply
  onCancel: () => void
}

function optionsFor(kind: Kind, o: TownOverview): { id: string; name: string; hint: string }[] {
  if (kind === 'liaison')
    return o.groups.map((g) => ({ id: g.id, name: g.name, hint: g.liaisonName ? `现联络员：${g.liaisonName}` : '暂无联络员' }))
  if (kind === 'station') return o.stations.map((s) => ({ ...s, hint: '' }))
  if (kind === 'canteen') return o.canteens.map((c) => ({ ...c, hint: '' }))
  return []
}

export default function AppointForm({ user, overview, busy, apply, onCancel }: Props) {
  const [kind, setKind] = useState<Kind>('liaison')
  const [scope, setScope] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const options = useMemo(() => optionsFor(kind, overview), [kind, overview])

  function appoint() {
    if (kind !== 'town' && !scope) return setError('请选择要负责的群或站点')
    const target = options.find((x) => x.id === scope)
    const base = { targetOpenid: user.openid, grant: true }
    const change: RoleChange =
      kind === 'liaison'
        ? { ...base, targetRole: 'liaison', scopeId: scope as string }
        : kind === 'town'
          ? { ...base, targetRole: 'town' }
          : { ...base, targetRole: 'staff', staffKind: kind, scopeId: scope as string }
    const what =
      kind === 'town' ? '镇里账号（可以管理所有群和人员）' : `「${target?.name ?? ''}」的${KINDS.find((k) => k.key === kind)?.label}`
    const handover = kind === 'liaison' && target?.hint.startsWith('现联络员') ? `原${target.hint.slice(1)}将不再负责这个群。` : ''
    void apply(change, `把 ${user.nickname} 设为${what}？${handover}`)
  }

  return (
    <View className="person__appoint">
      <Text className="form-label">指派为</Text>
      <ChipPicker
        options={KINDS}
        selected={[kind]}
        onPick={(k) => {
          setKind(k)
          setScope(null)
        }}
      />
      {kind === 'town' ? null : (
        <>
          <Text className="form-label person__scope-label">{kind === 'liaison' ? '负责哪个群' : '在哪里工作'}</Text>
          {options.length === 0 ? <Text className="note">还没有可选的地方</Text> : null}
          {options.map((x) => (
            <View key={x.id} className={`scope${scope === x.id ? ' scope--on' : ''}`} onClick={() => setScope(x.id)}>
              <Text className="scope__name">{x.name}</Text>
              {x.hint ? <Text className="scope__hint">{x.hint}</Text> : null}
            </View>
          ))}
        </>
      )}
      {error ? <Text className="form-error">{error}</Text> : null}
      <View className="button-row">
        <Button className="button-secondary button-row__item" onClick={onCancel}>
          取消
        </Button>
        <Button className="button-primary button-row__item person__confirm" disabled={busy ? true : undefined} onClick={() => appoint()}>
          确认指派
        </Button>
      </View>
    </View>
  )
}
