/** Before posting: open topics that look like the same problem (same kind and nearby, or a similar title) — support one instead. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { SimilarTopic } from '@/services/topics'
import { topicPath } from '../format'

export default function Similar({ topics }: { topics: SimilarTopic[] }) {
  if (!topics.length) return null
  return (
    <View className="similar">
      <Text className="similar__lead">这些议题和你说的很像。是同一件事的话，点进去按“我也遇到”，人多了联络员更快办：</Text>
      {topics.map((s) => (
        <View
          key={s.id}
          className="similar__row"
          hoverClass="similar__row--pressed"
          onClick={() => void Taro.navigateTo({ url: topicPath(s.id) })}
        >
          <Text className="similar__title">{s.title}</Text>
          <Text className="similar__meta">
            {s.statusLabel} · {s.supportCount} 人也遇到 · {s.why} ›
          </Text>
        </View>
      ))}
    </View>
  )
}
