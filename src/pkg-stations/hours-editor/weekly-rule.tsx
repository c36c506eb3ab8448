/** One weekly rule: the days (一 … 日), from – to (or 24 小时), 跨夜到次日, 删除. */
import type { WeeklyHours } from '@cloud/stations/contract'
import { Picker, Text, View } from '@tarojs/components'
import { Chip } from '@/components/chip-picker'

const DAYS = ['一', '二', '三', '四', '五', '六', '日']

export interface WeeklyRuleProps {
  rule: WeeklyHours
  onChange: (patch: Partial<WeeklyHours>) => void
  onRemove: () => void
}

function Days({ rule: r, onChange }: Omit<WeeklyRuleProps, 'onRemove'>) {
  return (
    <View className="hours-editor__days">
      {DAYS.map((d, k) => {
        const on = r.days.includes(k + 1)
        const days = on ? r.days.filter((x) => x !== k + 1) : [...r.days, k + 1].sort()
        return (
          <View key={d} className={`hours-editor__day${on ? ' hours-editor__day--on' : ''}`} onClick={() => onChange({ days })}>
            <Text>{d}</Text>
          </View>
        )
      })}
    </View>
  )
}

export default function WeeklyRule({ rule: r, onChange, onRemove }: WeeklyRuleProps) {
  const allDay = r.open === '00:00' && r.close === '24:00'
  const toggleAllDay = () =>
    onChange(allDay ? { open: '08:00', close: '21:00', overnight: false } : { open: '00:00', close: '24:00', overnight: false })
  return (
    <View className="hours-editor__rule">
      <Days rule={r} onChange={onChange} />
      <View className="hours-editor__times">
        {allDay ? (
          <Text className="hours-editor__time">全天 24 小时</Text>
        ) : (
          <>
            <Picker mode="time" value={r.open} onChange={(e) => onChange({ open: e.detail.value })}>
              <Text className="hours-editor__time">{r.open}</Text>
            </Picker>
            <Text className="hours-editor__to">至</Text>
            <Picker mode="time" value={r.close === '24:00' ? '23:59' : r.close} onChange={(e) => onChange({ close: e.detail.value })}>
              <Text className="hours-editor__time">
                {r.overnight ? '次日 ' : ''}
                {r.close}
              </Text>
            </Picker>
          </>
        )}
      </View>
      <View className="hours-editor__toggles">
        <Chip label="24 小时" on={allDay} onTap={toggleAllDay} />
        {allDay ? null : <Chip label="跨夜到次日" on={Boolean(r.overnight)} onTap={() => onChange({ overnight: !r.overnight })} />}
        <Chip label="删除" on={false} onTap={onRemove} />
      </View>
    </View>
  )
}
