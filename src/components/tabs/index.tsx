/** Segmented tabs for a console page (待审核 / 群成员 / …): one row, each tab a full-height touch target. */
import { Text, View } from '@tarojs/components'
import './index.scss'

export interface TabsProps<K extends string> {
  tabs: readonly { key: K; label: string }[]
  value: K
  onChange: (key: K) => void
}

export default function Tabs<K extends string>({ tabs, value, onChange }: TabsProps<K>) {
  return (
    <View className="console__tabs" ariaRole="tablist">
      {tabs.map((t) => (
        <View
          key={t.key}
          className={`console__tab${value === t.key ? ' console__tab--on' : ''}`}
          ariaRole="tab"
          onClick={() => onChange(t.key)}
        >
          <Text>{t.label}</Text>
        </View>
      ))}
    </View>
  )
}
