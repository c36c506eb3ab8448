/**
 * A question and 协商议事: the row 已转为议题 (asker and liaison) that opens the topic, or — for the
 * group's liaison and town while it has none — 转为议题, which opens the raise form from this question.
 */
import type { QuestionDetail } from '@cloud/fronts/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'

export default function TopicLink({ q }: { q: QuestionDetail }) {
  if (q.topicId) {
    const url = `/pkg-topics/detail/index?topicId=${encodeURIComponent(q.topicId)}`
    return (
      <Card>
        <View className="fr-row fr-question__topic" hoverClass="fr-row--pressed" onClick={() => void Taro.navigateTo({ url })}>
          <View className="fr-row__main">
            <Text className="fr-row__title">已转为议题</Text>
            <Text className="fr-row__text">这个问题已提到协商议事，点开看进展</Text>
          </View>
          <Text className="fr-row__chevron">›</Text>
        </View>
      </Card>
    )
  }
  if (!q.me.canRaiseTopic) return null
  const url = `/pkg-topics/raise/index?fromQuestion=${encodeURIComponent(q.id)}`
  return (
    <Card>
      <Button className="button-secondary fr-question__to-topic" onClick={() => void Taro.navigateTo({ url })}>
        转为议题
      </Button>
      <Text className="fr-note">好几个人都在问？提到协商议事，大家一起推动解决；提问人不公开。</Text>
    </Card>
  )
}
