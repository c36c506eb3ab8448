/** 首页 › 大家在议的事: the live topics most riders met, with status and the public clock; each row opens the topic. */
import type { HomeData } from '@cloud/home/contract'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'

const openTopic = (id: string) => void Taro.navigateTo({ url: `/pkg-topics/detail/index?topicId=${encodeURIComponent(id)}` })
const CLOCK_CLASS: Record<string, string> = { overdue: ' home-topic__clock--overdue', due_today: ' home-topic__clock--soon' }

export default function HomeTopics({ topics }: { topics: HomeData['topics'] }) {
  if (!topics.length) return null
  return (
    <View className="home__section">
      <SectionHeader title="大家在议的事" actionText="全部议题" onAction={() => void Taro.switchTab({ url: '/pages/topics/index' })} />
      <Card>
        {topics.map((t) => (
          <View key={t.id} className="home-topic" hoverClass="home-topic--pressed" onClick={() => openTopic(t.id)}>
            <Text className="home-topic__title">{t.title}</Text>
            <View className="home-topic__line">
              <Text className="tag tag--primary">{t.statusLabel}</Text>
              <Text className="home-topic__count">{t.supportCount} 人也遇到</Text>
              {t.clockText ? (
                <Text className={`home-topic__clock${CLOCK_CLASS[t.clockState] ?? ''}`}>
                  {t.clockState === 'running' ? `${t.clockText}答复` : t.clockText}
                </Text>
              ) : null}
              <Text className="home-topic__more">›</Text>
            </View>
          </View>
        ))}
      </Card>
    </View>
  )
}
