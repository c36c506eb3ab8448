/** Stop booking a slot: the reason (told to the riders who booked it, checked by the content guard), then confirm. */
import type { PlanSlotView } from '@cloud/meals/contract'
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import Card from '@/components/card'

export default function CloseForm({
  slot,
  busy,
  onClose,
  onCancel,
}: {
  slot: PlanSlotView
  busy: boolean
  onClose: (reason: string) => void
  onCancel: () => void
}) {
  const [reason, setReason] = useState('')
  return (
    <Card className="form-card">
      <Text className="form-card__title">
        停止 {slot.start}–{slot.end} 的预约
      </Text>
      <Text className="form__hint">已预约的 {slot.booked} 位小哥会收到通知，名额和补贴退回。</Text>
      <View className="form__field plan__close-reason">
        <Text className="form__label">原因</Text>
        <Input
          className="form__input"
          value={reason}
          maxlength={20}
          placeholder="例如：燃气检修"
          onInput={(e) => setReason(e.detail.value)}
        />
      </View>
      <View className="actions">
        <Button
          className="button-primary"
          hoverClass="button-primary--hover"
          loading={busy}
          disabled={busy || reason.trim().length < 2 || undefined}
          onClick={() => onClose(reason.trim())}
        >
          停止预约
        </Button>
        <Button className="button-secondary" hoverClass="button-secondary--hover" onClick={onCancel}>
          取消
        </Button>
      </View>
    </Card>
  )
}
