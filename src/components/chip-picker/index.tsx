/**
 * Pick one of a few options shown as large chips (工作类型, 驳回原因, 本周/下周, 群…). `value` null
 * = nothing picked yet. Chips wrap; each is at least 88rpx high.
 */
import { Text, View } from '@tarojs/components'
import './index.scss'

export interface ChipOption<K extends string> {
  key: K
  label: string
}

export interface ChipPickerProps<K extends string> {
  options: readonly ChipOption<K>[]
  value: K | null
  onChange: (key: K) => void
  /** Extra class on the row (pages and tests find it by it); each chip also gets `${itemClass}`. */
  className?: string
  itemClass?: string
}

export default function ChipPicker<K extends string>({ options, value, onChange, className, itemClass }: ChipPickerProps<K>) {
  return (
    <View className={`chips${className ? ` ${className}` : ''}`}>
      {options.map((o) => (
        <View
          key={o.key}
          className={`chip${value === o.key ? ' chip--on' : ''}${itemClass ? ` ${itemClass}` : ''}`}
          ariaRole="radio"
          onClick={() => onChange(o.key)}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}
