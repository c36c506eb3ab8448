/** The day's slots in two columns, lunch then dinner: time, 错峰, seats left or why not; a bookable slot is one tap. */
import type { SlotView } from '@cloud/meals/contract'
import { Text, View } from '@tarojs/components'

function Slot({ slot, selected, onPick }: { slot: SlotView; selected: boolean; onPick: (s: SlotView) => void }) {
  const cls = ['slot', slot.bookable ? '' : 'slot--off', slot.mine ? 'slot--mine' : '', selected ? 'slot--selected' : '']
    .filter(Boolean)
    .join(' ')
  return (
    <View className={cls} hoverClass={slot.bookable ? 'slot--pressed' : 'none'} onClick={() => onPick(slot)} ariaRole="button">
      <View className="slot__top">
        <Text className="slot__time">
          {slot.start}–{slot.end}
        </Text>
        {slot.offPeak ? <Text className="slot__offpeak">错峰</Text> : null}
      </View>
      <Text className="slot__left">{slot.bookable ? `剩 ${slot.left} 份` : slot.reason}</Text>
    </View>
  )
}

export default function SlotGrid({
  slots,
  selectedId,
  onPick,
}: {
  slots: SlotView[]
  selectedId: string | null
  onPick: (s: SlotView) => void
}) {
  const groups = [
    { service: 'lunch', title: '午餐' },
    { service: 'dinner', title: '晚餐' },
  ].map((g) => ({ ...g, slots: slots.filter((s) => s.service === g.service) }))
  return (
    <>
      {groups
        .filter((g) => g.slots.length)
        .map((g) => (
          <View key={g.service} className="slots">
            <Text className="slots__title">{g.title}</Text>
            <View className="slots__grid">
              {g.slots.map((s) => (
                <Slot key={s.id} slot={s} selected={s.id === selectedId} onPick={onPick} />
              ))}
            </View>
          </View>
        ))}
    </>
  )
}
