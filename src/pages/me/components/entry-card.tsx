/** A card of entries in 我的: a small heading (a role, a group) and one full-width row per page it opens. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'

export interface MeEntry {
  title: string
  hint: string
  url: string
}

export default function EntryCard({ heading, entries, className = '' }: { heading: string; entries: MeEntry[]; className?: string }) {
  return (
    <Card className={`me__entries ${className}`}>
      <Text className="me__entries-role">{heading}</Text>
      {entries.map((e) => (
        <View key={e.title} className="me__entry" hoverClass="me__entry--pressed" onClick={() => void Taro.navigateTo({ url: e.url })}>
          <Text className="me__entry-title">{e.title}</Text>
          <View className="me__entry-right">
            <Text className="me__entry-hint">{e.hint}</Text>
            <Text className="me__entry-chevron">›</Text>
          </View>
        </View>
      ))}
    </Card>
  )
}
