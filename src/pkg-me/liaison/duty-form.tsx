/** Plan a duty period: 本周 / 下周 or chosen Shanghai dates, from the first day 00:00 to the last day 24:00. */
import type { MemberItem } from '@cloud/users/contract'
import { Button, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import ChipPicker from '@/components/chip-picker'
import { addDutyPeriod } from '@/services/users'
import { addDays, dutyRange, formatDutyRange, shanghaiDate } from '../utils/duty-dates'

/** Monday of the Shanghai week containing `date`. */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return addDays(date, -((weekday + 6) % 7))
}

const oneDay = (d: string) => formatDutyRange(`${d}T00:00:00+08:00`, `${addDays(d, 1)}T00:00:00+08:00`)

export default function DutyForm({ member, groupId, onDone }: { member: MemberItem; groupId: string; onDone: (changed: boolean) => void }) {
  const today = shanghaiDate()
  const monday = mondayOf(today)
  const presets = [
    { key: 'this', label: '本周', from: today, to: addDays(monday, 6) },
    { key: 'next', label: '下周', from: addDays(monday, 7), to: addDays(monday, 13) },
  ]
  const [from, setFrom] = useState(presets[0].from)
  const [to, setTo] = useState(presets[0].to)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const preset = presets.find((p) => p.from === from && p.to === to)?.key ?? null

  async function save() {
    setError(null)
    if (to < from) return setError('结束日期不能早于开始日期')
    setBusy(true)
    const range = dutyRange(from, to)
    const r = await addDutyPeriod(member.openid, groupId, range.start, range.end)
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    void Taro.showToast({ title: '已安排', icon: 'none' })
    onDone(true)
  }
  function pickPreset(key: string) {
    const p = presets.find((x) => x.key === key)
    if (!p) return
    setFrom(p.from)
    setTo(p.to)
  }

  return (
    <View className="duty-form">
      <Text className="form-label">{member.nickname} 的值班时间</Text>
      <ChipPicker className="duty-form__presets" options={presets} selected={preset ? [preset] : []} onPick={pickPreset} />
      <View className="duty-form__dates">
        <Picker mode="date" value={from} start={today} onChange={(e) => setFrom(String(e.detail.value))}>
          <View className="form-input duty-form__date">
            <Text>从 {oneDay(from)}</Text>
          </View>
        </Picker>
        <Picker mode="date" value={to} start={from} onChange={(e) => setTo(String(e.detail.value))}>
          <View className="form-input duty-form__date">
            <Text>到 {oneDay(to)}</Text>
          </View>
        </Picker>
      </View>
      <Text className="form-hint">从第一天 0 点到最后一天 24 点（北京时间）。值班期间他就是本群的轮值管理员。</Text>
      {error ? <Text className="form-error duty-form__error">{error}</Text> : null}
      <View className="button-row">
        <Button className="button-secondary button-row__item" onClick={() => onDone(false)}>
          取消
        </Button>
        <Button className="button-primary button-row__item duty-form__save" disabled={busy ? true : undefined} onClick={() => void save()}>
          确定安排
        </Button>
      </View>
    </View>
  )
}
