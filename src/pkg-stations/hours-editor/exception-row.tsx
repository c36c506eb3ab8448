/** One dated exception: the date, its hours or 全天休息, a note riders read (checked by the server), 删除. */
import type { HoursException } from '@cloud/stations/contract'
import { Input, Picker, Text, View } from '@tarojs/components'
import { Chip } from '@/components/chip-picker'

export interface ExceptionRowProps {
  exception: HoursException
  /** The first date that may be picked (today, Shanghai). */
  today: string
  onChange: (patch: Partial<HoursException>) => void
  onRemove: () => void
}

export default function ExceptionRow({ exception: e, today, onChange, onRemove }: ExceptionRowProps) {
  const toggleClosed = () =>
    onChange(e.closed ? { closed: false, open: '08:00', close: '21:00' } : { closed: true, open: undefined, close: undefined })
  return (
    <View className="hours-editor__rule">
      <View className="hours-editor__times">
        <Picker mode="date" value={e.date} start={today} onChange={(ev) => onChange({ date: ev.detail.value })}>
          <Text className="hours-editor__time">{e.date}</Text>
        </Picker>
        {e.closed ? null : (
          <>
            <Picker mode="time" value={e.open ?? '08:00'} onChange={(ev) => onChange({ open: ev.detail.value })}>
              <Text className="hours-editor__time">{e.open ?? '08:00'}</Text>
            </Picker>
            <Text className="hours-editor__to">至</Text>
            <Picker mode="time" value={e.close ?? '21:00'} onChange={(ev) => onChange({ close: ev.detail.value })}>
              <Text className="hours-editor__time">{e.close ?? '21:00'}</Text>
            </Picker>
          </>
        )}
      </View>
      <Input
        className="form-input"
        value={e.note ?? ''}
        maxlength={30}
        placeholder="说明，如：春节休息"
        onInput={(ev) => onChange({ note: ev.detail.value })}
      />
      <View className="hours-editor__toggles">
        <Chip label="全天休息" on={Boolean(e.closed)} onTap={toggleClosed} />
        <Chip label="删除" on={false} onTap={onRemove} />
      </View>
    </View>
  )
}
