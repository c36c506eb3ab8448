/**
 * 预约规则 (canteen staff, town): the days the canteen serves and its heated lockers; when booking
 * closes and free cancelling ends, how long a meal is kept warm and how much longer a late rider may
 * ask for, how many no-shows pause booking and for how long, and per-rider limits a day and a week.
 * The slots still ahead take the new rules.
 */

import type { Envelope } from '@cloud/_lib/envelope'
import type { ManagedCanteen, PolicyView } from '@cloud/meals/contract'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import ChipPicker from '@/components/chip-picker'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { myCanteens, setPolicy } from '@/services/meals/staff'
import { Failed, Loading } from '../components/load-state'
import '../shared.scss'
import './index.scss'

async function loadCanteen(canteenId: string): Promise<Envelope<ManagedCanteen | null>> {
  const r = await myCanteens()
  return r.ok ? { ok: true, data: r.data.canteens.find((c) => c.id === canteenId) ?? null } : r
}

type NumberKey = 'cutoffMinutes' | 'freeCancelMinutes' | 'holdMinutes' | 'extendMinutes'
const MINUTES: [NumberKey, string][] = [
  ['cutoffMinutes', '开餐前多少分钟截止预约'],
  ['freeCancelMinutes', '开餐前多少分钟内取消算爽约'],
  ['holdMinutes', '时段结束后保温多久'],
  ['extendMinutes', '晚到的小哥可以再延长'],
]
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'].map((label, i) => ({ key: String(i + 1), label }))
const n = (v: string) => Number(v) || 0

function Field({ label, unit, value, onInput }: { label: string; unit: string; value: string; onInput: (v: string) => void }) {
  return (
    <View className="form__field settings__field">
      <Text className="form__label">{label}</Text>
      <View className="settings__input">
        <Input className="form__input" type="number" value={value} onInput={(e) => onInput(e.detail.value)} />
        <Text className="settings__unit">{unit}</Text>
      </View>
    </View>
  )
}

interface Draft {
  policy: PolicyView
  week: string
  openDays: number[]
  lockers: string
}

function Opening({ d, set }: { d: Draft; set: (d: Draft) => void }) {
  const toggle = (day: number) =>
    set({ ...d, openDays: d.openDays.includes(day) ? d.openDays.filter((x) => x !== day) : [...d.openDays, day] })
  return (
    <Card>
      <Text className="form__label">营业日</Text>
      <ChipPicker options={WEEKDAYS} selected={d.openDays.map(String)} onPick={(k) => toggle(Number(k))} />
      <Field label="恒温保温柜" unit="个" value={d.lockers} onInput={(v) => set({ ...d, lockers: v })} />
    </Card>
  )
}

function Rules({ d, set }: { d: Draft; set: (d: Draft) => void }) {
  const p = d.policy
  const put = (policy: PolicyView) => set({ ...d, policy })
  return (
    <>
      <Card>
        {MINUTES.map(([key, label]) => (
          <Field key={key} label={label} unit="分钟" value={String(p[key])} onInput={(v) => put({ ...p, [key]: n(v) })} />
        ))}
      </Card>
      <Card>
        <Field
          label="几次爽约暂停预约"
          unit="次"
          value={String(p.noShow.count)}
          onInput={(v) => put({ ...p, noShow: { ...p.noShow, count: n(v) } })}
        />
        <Field
          label="在多少天内"
          unit="天"
          value={String(p.noShow.windowDays)}
          onInput={(v) => put({ ...p, noShow: { ...p.noShow, windowDays: n(v) } })}
        />
        <Field
          label="暂停多少天"
          unit="天"
          value={String(p.noShow.pauseDays)}
          onInput={(v) => put({ ...p, noShow: { ...p.noShow, pauseDays: n(v) } })}
        />
      </Card>
      <Card>
        <Text className="form__label">每人每天最多</Text>
        <ChipPicker
          options={[
            { key: '1', label: '1 份（午餐或晚餐）' },
            { key: '2', label: '2 份（午餐和晚餐）' },
          ]}
          selected={[String(p.limits.perDay)]}
          onPick={(k) => put({ ...p, limits: { ...p.limits, perDay: Number(k) } })}
        />
        <Field label="每人每周最多（空着为不限）" unit="份" value={d.week} onInput={(week) => set({ ...d, week })} />
      </Card>
    </>
  )
}

function SettingsForm({ canteen }: { canteen: ManagedCanteen }) {
  const [d, setD] = useState<Draft>({
    policy: canteen.policy,
    week: canteen.policy.limits.perWeek === null ? '' : String(canteen.policy.limits.perWeek),
    openDays: canteen.openDays,
    lockers: String(canteen.lockerCount),
  })
  const [busy, setBusy] = useState(false)
  async function save() {
    setBusy(true)
    const r = await setPolicy({
      canteenId: canteen.id,
      openDays: [...d.openDays].sort(),
      lockerCount: n(d.lockers),
      policy: { ...d.policy, limits: { perDay: d.policy.limits.perDay, perWeek: d.week.trim() ? n(d.week) : null } },
    })
    setBusy(false)
    if (!r.ok) return void Taro.showModal({ title: '没有保存', content: r.error.message, showCancel: false, confirmText: '知道了' })
    void Taro.showToast({ title: '规则已保存', icon: 'success' })
  }
  return (
    <>
      <Opening d={d} set={setD} />
      <Rules d={d} set={setD} />
      <Button
        className="button-primary settings__save"
        hoverClass="button-primary--hover"
        loading={busy}
        disabled={busy || undefined}
        onClick={() => void save()}
      >
        保存规则
      </Button>
    </>
  )
}

export default function SettingsPage() {
  const { params } = useRouter()
  const canteenId = params.canteenId ?? ''
  const fetcher = useCallback(() => loadCanteen(canteenId), [canteenId])
  const { state, reload } = useCloudQuery(fetcher)
  if (state.status === 'loading') return <Loading title="正在打开预约规则…" />
  if (state.status === 'error') return <Failed error={state.error} onRetry={() => void reload()} />
  if (!state.data) return <StateView kind="empty" glyph="饭" title="不是你负责的食堂" />
  return (
    <View className="page settings">
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">{state.data.name}</Text>
          <Text className="page-lead__text">每人每天每餐（午餐、晚餐）只能约一份。改了规则，之后的时段都按新规则。</Text>
        </View>
        <SettingsForm canteen={state.data} />
      </View>
    </View>
  )
}
