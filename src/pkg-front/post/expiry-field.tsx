/** 到期: 不过期 / 今天 / 3 天 / 7 天 / a picked date — the end of that Shanghai day (23:59). */
import { Picker, Text, View } from '@tarojs/components'
import ChipPicker from '@/components/chip-picker'
import { todayShanghai } from '@/services/fronts/labels'

export type Expiry = { kind: 'never' } | { kind: 'date'; date: string }

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** The instant sent to the server (+08:00), or null for none. */
export const expiryInstant = (e: Expiry): string | null => (e.kind === 'never' ? null : `${e.date}T23:59:00+08:00`)

/** The date of an instant with +08:00 as written. */
export const expiryOf = (iso: string | null): Expiry => (iso ? { kind: 'date', date: iso.slice(0, 10) } : { kind: 'never' })

export default function ExpiryField({ value, onChange }: { value: Expiry; onChange: (e: Expiry) => void }) {
  const today = todayShanghai()
  const presets = [
    { key: 'never', label: '不过期' },
    { key: today, label: '今天' },
    { key: addDays(today, 3), label: '3 天' },
    { key: addDays(today, 7), label: '7 天' },
  ]
  const current = value.kind === 'never' ? 'never' : value.date
  const custom = value.kind === 'date' && !presets.some((p) => p.key === value.date)
  return (
    <View className="fr-post__expiry">
      <ChipPicker
        options={presets}
        selected={[current]}
        onPick={(k) => onChange(k === 'never' ? { kind: 'never' } : { kind: 'date', date: k })}
      />
      <Picker
        mode="date"
        value={value.kind === 'date' ? value.date : today}
        start={today}
        end={addDays(today, 89)}
        onChange={(e) => onChange({ kind: 'date', date: String(e.detail.value) })}
      >
        <View className="form-input fr-post__date">
          <Text>{custom && value.kind === 'date' ? `到 ${value.date} 当天结束` : '选一个日期…'}</Text>
        </View>
      </Picker>
      <Text className="form-hint">到期后不再显示在首页和微阵地，“全部公告”里还能找到。</Text>
    </View>
  )
}
