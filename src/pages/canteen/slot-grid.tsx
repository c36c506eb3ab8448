/** The day's slots in two columns, lunch then dinner: time, 错峰, seats left or why not; a bookable slot is one tap. */
import type { SlotView } from '@cloud/meals/contract'
import { Text, View } from '@tarojs/components'

/** The reason a visitor sees on every slot; the page says it once at the top and the grid shows the seats. */
const RIDER_ONLY = '认证后可预约'

interface SlotProps {
  slot: SlotView
  selected: boolean
  onPick: (s: SlotView) => void
  seatsOnly: boolean
}

function Slot({ slot, selected, onPick, seatsOnly }: SlotProps) {
  const cls = ['slot', slot.bookable ? '' : 'slot--off', slot.mine ? 'slot--mine' : '', selected ? 'slot--selected' : '']
    .filter(Boolean)
    .join(' ')
  // the banner above says these once: the cell keeps the seats (a tap still tells why)
  const seats = slot.bookable || (seatsOnly && slot.reason === RIDER_ONLY) || slot.reason?.startsWith('你已预约')
  return (
    <View className={cls} hoverClass={slot.bookable ? 'slot--pressed' : 'none'} onClick={() => onPick(slot)} ariaRole="button">
      <Text className="slot__time">
        {slot.start}–{slot.end}
      </Text>
      <View className="slot__bottom">
        <Text className="slot__left">{seats ? `剩 ${slot.left} 份` : slot.reason}</Text>
        {slot.offPeak ? <Text className="slot__offpeak">错峰</Text> : null}
      </View>
    </View>
  )
}

export interface SlotGridProps {
  slots: SlotView[]
  selectedId: string | null
  onPick: (s: SlotView) => void
  /** The caller is not a verified rider: show seats left instead of repeating why on every slot. */
  seatsOnly: boolean
}

export default function SlotGrid({ slots, selectedId, onPick, seatsOnly }: SlotGridProps) {
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
                <Slot key={s.id} slot={s} selected={s.id === selectedId} onPick={onPick} seatsOnly={seatsOnly} />
              ))}
            </View>
          </View>
        ))}
    </>
  )
}
