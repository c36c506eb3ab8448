/** A short list of "what this is / how it works" rows, each with a one-character badge. */
import { Text, View } from '@tarojs/components'
import './index.scss'

export interface InfoItem {
  /** One character or digit shown in the badge. */
  badge: string
  title: string
  description: string
}

export default function InfoList({ items }: { items: InfoItem[] }) {
  return (
    <View className="info-list">
      {items.map((item) => (
        <View key={item.title} className="info-list__row">
          <View className="info-list__badge">
            <Text>{item.badge}</Text>
          </View>
          <View className="info-list__text">
            <Text className="info-list__title">{item.title}</Text>
            <Text className="info-list__description">{item.description}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
