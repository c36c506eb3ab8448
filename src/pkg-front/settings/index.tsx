/**
 * 微阵地设置 (the liaison): when the first-reply clock runs (service hours and days), the first-reply
 * target, how long a notice may be edited after posting, what an admin on duty should do, the handover
 * checklist. Saved together; audited; waiting questions get their due time again under the new rules.
 */
import type { FrontSettings } from '@cloud/fronts/contract'
import { Button, Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import Card from '@/components/card'
import ChipPicker from '@/components/chip-picker'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { getSettings, updateSettings } from '@/services/fronts'
import { minutesText } from '@/services/fronts/labels'
import { param } from '../utils/use-front-query'
import ChecklistEditor from './checklist-editor'
import './index.scss'

const DAYS = ['一', '二', '三', '四', '五', '六', '日'].map((d, i) => ({ key: String(i + 1), label: `周${d}` }))
const TARGETS = [30, 60, 120, 240].map((m) => ({ key: String(m), label: minutesText(m) }))
const WINDOWS = [10, 30, 60].map((m) => ({ key: String(m), label: `${m} 分钟` }))
const HOURS = Array.from({ length: 25 }, (_v, h) => `${String(h).padStart(2, '0')}:00`)

function HoursField({ s, set }: { s: FrontSettings; set: (p: Partial<FrontSettings>) => void }) {
  const h = s.serviceHours
  return (
    <>
      <ChipPicker
        options={DAYS}
        selected={h.days.map(String)}
        onPick={(k) => {
          const d = Number(k)
          set({ serviceHours: { ...h, days: h.days.includes(d) ? h.days.filter((x) => x !== d) : [...h.days, d].sort() } })
        }}
      />
      <View className="fr-settings__hours">
        <Picker
          mode="selector"
          range={HOURS.slice(0, 24)}
          value={Math.max(0, HOURS.indexOf(h.open))}
          onChange={(e) => set({ serviceHours: { ...h, open: HOURS[Number(e.detail.value)] } })}
        >
          <View className="form-input fr-settings__hour">
            <Text>从 {h.open}</Text>
          </View>
        </Picker>
        <Picker
          mode="selector"
          range={HOURS.slice(1)}
          value={Math.max(0, HOURS.indexOf(h.close) - 1)}
          onChange={(e) => set({ serviceHours: { ...h, close: HOURS[Number(e.detail.value) + 1] } })}
        >
          <View className="form-input fr-settings__hour">
            <Text>到 {h.close}</Text>
          </View>
        </Picker>
      </View>
    </>
  )
}

export default function SettingsPage() {
  const groupId = param(useRouter().params, 'groupId')
  const { state, reload } = useCloudQuery(useCallback(() => getSettings(groupId), [groupId]))
  const [s, setS] = useState<FrontSettings | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (state.status === 'ready') setS(state.data)
  }, [state])
  if (state.status === 'loading' || (state.status === 'ready' && !s)) return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  if (!s) return null
  const set = (p: Partial<FrontSettings>) => setS({ ...s, ...p })
  async function save() {
    if (!s) return
    setError(null)
    const r = await updateSettings({
      groupId: s.groupId,
      serviceHours: s.serviceHours,
      replyTargetMinutes: s.replyTargetMinutes,
      editWindowMinutes: s.editWindowMinutes,
      dutyChecklist: s.dutyChecklist.map((l) => l.trim()).filter(Boolean),
      handoverChecklist: s.handoverChecklist.map((l) => l.trim()).filter(Boolean),
    })
    if (!r.ok) return setError(r.error.message)
    setS(r.data)
    void Taro.showToast({ title: '已保存', icon: 'none' })
  }
  return (
    <View className="page">
      <View className="page__body">
        <SectionHeader title="联络员回复时间" />
        <Card>
          <Text className="fr-note">这段时间内才计首次回复用时；夜里和休息日不算。</Text>
          <HoursField s={s} set={set} />
          <Text className="form-label fr-settings__label">首次回复目标</Text>
          <ChipPicker options={TARGETS} selected={[String(s.replyTargetMinutes)]} onPick={(k) => set({ replyTargetMinutes: Number(k) })} />
        </Card>
        <SectionHeader title="公告" />
        <Card>
          <Text className="form-label">发布后多久内可以修改</Text>
          <ChipPicker options={WINDOWS} selected={[String(s.editWindowMinutes)]} onPick={(k) => set({ editWindowMinutes: Number(k) })} />
        </Card>
        <SectionHeader title="值班要做的事" />
        <Card>
          <ChecklistEditor lines={s.dutyChecklist} onChange={(l) => set({ dutyChecklist: l })} />
        </Card>
        <SectionHeader title="交班清单" />
        <Card>
          <ChecklistEditor lines={s.handoverChecklist} onChange={(l) => set({ handoverChecklist: l })} />
        </Card>
        {error ? <Text className="form-error">{error}</Text> : null}
        <Button className="button-primary form-submit fr-settings__save" hoverClass="button-primary--hover" onClick={() => void save()}>
          保存设置
        </Button>
      </View>
    </View>
  )
}
