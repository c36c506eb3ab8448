/** The written answer: 采纳 / 部分采纳 / 不采纳, why, who is responsible, who answered and when. */
import { Text, View } from '@tarojs/components'
import type { TopicDetail } from '@/services/topics'
import { timeText } from '../format'

export default function AnswerCard({ topic: t }: { topic: TopicDetail }) {
  const a = t.answer
  if (!a) return null
  return (
    <View className={`answer answer--${a.outcome}`}>
      <Text className="answer__outcome">{a.outcomeLabel}</Text>
      <Text className="answer__reasoning" userSelect>
        {a.reasoning}
      </Text>
      <Text className="answer__meta">负责：{a.responsible}</Text>
      <Text className="answer__meta">
        {a.by} · {timeText(a.at)}
      </Text>
    </View>
  )
}
