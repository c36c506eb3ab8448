/**
 * The confirm panel of a booking: the slot chosen, the set meal (the first available 爱心餐 already
 * picked — one tap to confirm), the rules in one line, and one big 确认预约 button.
 */
import type { MealView, SlotView } from '@cloud/meals/contract'
import { Button, Text, View } from '@tarojs/components'
import { yuan } from '@/utils/canteen-format'

export interface BookSheetProps {
  slot: SlotView
  meals: MealView[]
  mealId: string
  busy: boolean
  cutoffMinutes: number
  subsidyOpen: boolean
  onMeal: (id: string) => void
  onConfirm: () => void
  onClose: () => void
}

export default function BookSheet({ slot, meals, mealId, busy, cutoffMinutes, subsidyOpen, onMeal, onConfirm, onClose }: BookSheetProps) {
  const offered = meals.filter((m) => m.services.includes(slot.service))
  return (
    <View className={process.env.TARO_ENV === 'h5' ? 'sheet sheet--h5' : 'sheet'}>
      <View className="sheet__mask" onClick={onClose} />
      <View className="sheet__panel">
        <Text className="sheet__title">
          {slot.service === 'lunch' ? '午餐' : '晚餐'} {slot.start}–{slot.end}
          {slot.offPeak ? ' · 错峰' : ''}
        </Text>
        <Text className="sheet__note">
          还剩 {slot.left} 份。开餐前 {cutoffMinutes} 分钟截止预约，截止前可以取消。
        </Text>
        <View className="sheet__meals">
          {offered.map((m) => {
            const off = m.soldOut || (m.subsidised && !subsidyOpen)
            return (
              <View
                key={m.id}
                className={`choice${m.id === mealId ? ' choice--on' : ''}${off ? ' choice--off' : ''}`}
                hoverClass={off ? 'none' : 'choice--pressed'}
                onClick={() => (off ? undefined : onMeal(m.id))}
              >
                <Text className="choice__name">{m.name}</Text>
                <Text className="choice__price">
                  {m.soldOut ? '已售完' : m.subsidised && !subsidyOpen ? '补贴已用完' : `${yuan(m.priceFen)} 元`}
                </Text>
              </View>
            )
          })}
        </View>
        <Button
          className="button-primary sheet__confirm"
          hoverClass="button-primary--hover"
          loading={busy}
          disabled={busy || !mealId || undefined}
          onClick={onConfirm}
        >
          确认预约
        </Button>
        <View className="sheet__cancel" hoverClass="sheet__cancel--pressed" onClick={onClose}>
          <Text>再看看</Text>
        </View>
      </View>
    </View>
  )
}
