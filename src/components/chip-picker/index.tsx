/**
 * Chips: large round-ended choices a gloved thumb can hit (≥ 88rpx high). `Chip` is one toggle;
 * `ChipPicker` a row of them (wrapping, or one scrolling line with `scroll`), single or multiple
 * choice — the caller decides what a tap does. Used by the station list filters, the station
 * console's station picker and the station edit form (type, services).
 */
import { ScrollView, Text, View } from '@tarojs/components'
import './index.scss'

export interface ChipProps {
  label: string
  on: boolean
  onTap: () => void
  /** A small count shown after the label (e.g. open problems). */
  badge?: number
}

export function Chip({ label, on, onTap, badge }: ChipProps) {
  return (
    <View className={`chip${on ? ' chip--on' : ''}`} hoverClass="chip--pressed" onClick={onTap} ariaRole="button" ariaLabel={label}>
      <Text>{label}</Text>
      {badge ? <Text className="chip__badge">{badge}</Text> : null}
    </View>
  )
}

export interface ChipOption<K extends string> {
  key: K
  label: string
  badge?: number
}

export interface ChipPickerProps<K extends string> {
  options: readonly ChipOption<K>[]
  /** The keys shown as chosen. */
  selected: readonly K[]
  onPick: (key: K) => void
  /** One line that scrolls sideways instead of wrapping. */
  scroll?: boolean
  className?: string
}

export default function ChipPicker<K extends string>({ options, selected, onPick, scroll, className }: ChipPickerProps<K>) {
  const chips = options.map((o) => (
    <Chip key={o.key} label={o.label} badge={o.badge} on={selected.includes(o.key)} onTap={() => onPick(o.key)} />
  ))
  if (!scroll) return <View className={`chips chips--wrap${className ? ` ${className}` : ''}`}>{chips}</View>
  return (
    <ScrollView scrollX className={`chips chips--scroll${className ? ` ${className}` : ''}`} enhanced showScrollbar={false}>
      <View className="chips__row">{chips}</View>
    </ScrollView>
  )
}
