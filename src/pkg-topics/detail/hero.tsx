/** The head of a topic: status, category, the public clock and what it means, title, who raised it, where from. */
import { Text, View } from '@tarojs/components'
import { ClockBadge, TopicStatusTag } from '@/components/topic-card'
import type { TopicDetail } from '@/services/topics'
import { dateText, dayText } from '../format'

function clockLine(t: TopicDetail): string | null {
  const c = t.clock
  const due = dateText(c.dueDate)
  const moved = c.extendedFrom ? `（原定${c.extendedFrom}，已延期）` : ''
  switch (c.state) {
    case 'running':
      return `联络员已受理，${due}前书面答复，还剩 ${c.daysLeft} 天${moved}`
    case 'due_today':
      return `今天（${due}）是答复期限${moved}`
    case 'overdue':
      return `答复期限 ${due} 已过，已逾期 ${c.daysOverdue} 天，还没有答复${moved}`
    case 'on_time':
      return `在期限 ${due} 前答复了`
    case 'late':
      return `期限 ${due}，逾期 ${c.daysOverdue} 天后才答复`
    default:
      return t.status === 'submitted' ? '等待联络员受理，受理后会公开答复期限' : null
  }
}

export default function DetailHero({ topic: t }: { topic: TopicDetail }) {
  const line = clockLine(t)
  return (
    <View className={`topic-hero topic-hero--${t.clock.state}`}>
      <View className="topic-hero__tags">
        <TopicStatusTag status={t.status} label={t.statusLabel} />
        <Text className="topic-hero__category">{t.categoryLabel}</Text>
        <View className="topic-hero__spacer" />
        <ClockBadge clock={t.clock} />
      </View>
      <Text className="topic-hero__title">{t.title}</Text>
      <Text className="topic-hero__who">{[t.authorName, t.groupName, `${dayText(t.createdAt)}提出`].filter(Boolean).join(' · ')}</Text>
      {line ? <Text className={`topic-hero__clock topic-hero__clock--${t.clock.state}`}>{line}</Text> : null}
    </View>
  )
}
