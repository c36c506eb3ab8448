/**
 * 安排一班 (the liaison): the days (下周 / 下下周 or picked dates) and one or more admins from the group's
 * verified riders (the first term appoints them). One overlap refuses the whole term, and says whose.
 */
import type { MemberItem } from '@cloud/users/contract'
import { Button, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import ChipPicker from '@/components/chip-picker'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { planTerm } from '@/services/fronts'
import { listMembers } from '@/services/users'
import { addDays, mondayOf, shanghaiDate, termRange } from '../utils/dates'

const eligible = (m: MemberItem) => m.verification === 'approved' && m.roles.includes('rider') && !m.isLiaison

export default function PlanForm({ groupId, onDone }: { groupId: string; onDone: (changed: boolean) => void }) {
  const today = shanghaiDate()
  const next = addDays(mondayOf(today), 7)
  const presets = [
    { key: 'next', label: '下周', from: next, to: addDays(next, 6) },
    { key: 'after', label: '下下周', from: addDays(next, 7), to: addDays(next, 13) },
  ]
  const [from, setFrom] = useState(presets[0].from)
  const [to, setTo] = useState(presets[0].to)
  const [admins, setAdmins] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { state } = useCloudQuery(useCallback(() => listMembers(groupId), [groupId]))
  const people = state.status === 'ready' ? state.data.members.filter(eligible) : []
  const preset = presets.find((p) => p.from === from && p.to === to)?.key ?? null
  async function save() {
    if (to < from) return setError('最后一天不能早于第一天')
    setBusy(true)
    setError(null)
    const r = await planTerm({ groupId, ...termRange(from, to), admins })
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    void Taro.showToast({ title: '已安排，已通知他们', icon: 'none' })
    onDone(true)
  }
  return (
    <View className="fr-plan">
      <Text className="form-label">哪几天</Text>
      <ChipPicker
        options={presets}
        selected={preset ? [preset] : []}
        onPick={(k) => {
          const p = presets.find((x) => x.key === k)
          if (p) {
            setFrom(p.from)
            setTo(p.to)
          }
        }}
      />
      <View className="fr-plan__dates">
        <Picker mode="date" value={from} start={today} onChange={(e) => setFrom(String(e.detail.value))}>
          <View className="form-input fr-plan__date">
            <Text>从 {from}</Text>
          </View>
        </Picker>
        <Picker mode="date" value={to} start={from} onChange={(e) => setTo(String(e.detail.value))}>
          <View className="form-input fr-plan__date">
            <Text>到 {to}</Text>
          </View>
        </Picker>
      </View>
      <Text className="form-hint">从第一天 0 点到最后一天 24 点（北京时间）；到点自动开始和结束，不用手动交接权限。</Text>
      <Text className="form-label fr-plan__who">谁来值班（可以选几位）</Text>
      {state.status === 'loading' ? <Text className="fr-note">正在读取群成员…</Text> : null}
      {state.status === 'ready' && !people.length ? <Text className="fr-note">群里还没有通过认证的小哥。</Text> : null}
      <ChipPicker
        options={people.map((m) => ({ key: m.openid, label: m.nickname }))}
        selected={admins}
        onPick={(k) => setAdmins(admins.includes(k) ? admins.filter((a) => a !== k) : [...admins, k])}
      />
      {error ? <Text className="form-error fr-plan__error">{error}</Text> : null}
      <View className="button-row">
        <Button className="button-secondary button-row__item" onClick={() => onDone(false)}>
          取消
        </Button>
        <Button
          className="button-primary button-row__item fr-plan__save"
          disabled={busy || !admins.length || undefined}
          onClick={() => void save()}
        >
          确定安排
        </Button>
      </View>
    </View>
  )
}
