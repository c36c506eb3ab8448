/** Add a slot or change one (start time names it): end, capacity, off-peak. Times on a 5-minute grid, Asia/Shanghai. */
import type { PlanSlotView } from '@cloud/meals/contract'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import Card from '@/components/card'
import { Chip } from '@/components/chip-picker'

export interface SlotDraft {
  start: string
  end: string
  capacity: number
  offPeak: boolean
}

export default function SlotForm({
  slot,
  busy,
  onSave,
  onCancel,
}: {
  slot: PlanSlotView | null
  busy: boolean
  onSave: (d: SlotDraft) => void
  onCancel: () => void
}) {
  const [d, setD] = useState<SlotDraft>(
    slot
      ? { start: slot.start, end: slot.end, capacity: slot.capacity, offPeak: slot.offPeak }
      : { start: '11:00', end: '11:30', capacity: 30, offPeak: false },
  )
  return (
    <Card className="form-card">
      <Text className="form-card__title">{slot ? `修改 ${slot.start} 的时段` : '加一个时段'}</Text>
      <View className="form__row">
        <View className="form__field">
          <Text className="form__label">开始</Text>
          {slot ? (
            <View className="form__input">
              <Text>{d.start}</Text>
            </View>
          ) : (
            <Picker mode="time" value={d.start} start="05:00" end="23:55" onChange={(e) => setD({ ...d, start: String(e.detail.value) })}>
              <View className="form__input">
                <Text>{d.start}</Text>
              </View>
            </Picker>
          )}
        </View>
        <View className="form__field">
          <Text className="form__label">结束</Text>
          <Picker mode="time" value={d.end} start="05:05" end="23:59" onChange={(e) => setD({ ...d, end: String(e.detail.value) })}>
            <View className="form__input">
              <Text>{d.end}</Text>
            </View>
          </Picker>
        </View>
      </View>
      <View className="form__row">
        <View className="form__field">
          <Text className="form__label">容量（份）</Text>
          <Input
            className="form__input"
            type="number"
            value={String(d.capacity)}
            onInput={(e) => setD({ ...d, capacity: Number(e.detail.value) || 0 })}
          />
        </View>
        <View className="form__field">
          <Text className="form__label">错峰</Text>
          <Chip label={d.offPeak ? '是错峰时段' : '不是错峰'} on={d.offPeak} onTap={() => setD({ ...d, offPeak: !d.offPeak })} />
        </View>
      </View>
      <Text className="form__hint">时间按 5 分钟一档；15:00 以前是午餐，以后是晚餐。</Text>
      <View className="actions">
        <Button
          className="button-primary plan__save-slot"
          hoverClass="button-primary--hover"
          loading={busy}
          disabled={busy || undefined}
          onClick={() => onSave(d)}
        >
          保存时段
        </Button>
        <Button className="button-secondary" hoverClass="button-secondary--hover" onClick={onCancel}>
          取消
        </Button>
      </View>
    </Card>
  )
}
