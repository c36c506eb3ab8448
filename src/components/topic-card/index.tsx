/**
 * A topic in a list (议事 tab, 首页, the liaison's work list): status and category, the public
 * clock (还剩 5 天 / 已逾期 2 天), title, where and who, how many met it and how many commented.
 * The whole card opens the topic. `TopicStatusTag` and `ClockBadge` are used on the topic page too.
 */
import type { TopicRow } from '@cloud/topics/contract'
import { Text, View } from '@tarojs/components'
import Card from '@/components/card'
import './index.scss'
import { monthDay } from '@/utils/shanghai-day'

const STATUS_TONE: Record<TopicRow['status'], string> = {
  submitted: 'tag',
  accepted: 'tag tag--primary',
  deliberating: 'tag tag--warning',
  answered: 'tag tag--success',
  implementing: 'tag tag--primary',
  done: 'tag tag--success',
  withdrawn: 'tag',
}

export function TopicStatusTag({ status, label }: { status: TopicRow['status']; label: string }) {
  return <Text className={`${STATUS_TONE[status]} topic-status topic-status--${status}`}>{label}</Text>
}

const CLOCK_TONE: Record<TopicRow['clock']['state'], string> = {
  none: '',
  running: 'clock-badge',
  due_today: 'clock-badge clock-badge--soon',
  overdue: 'clock-badge clock-badge--overdue',
  on_time: 'clock-badge clock-badge--ok',
  late: 'clock-badge clock-badge--late',
}

/** The public clock: 还剩 5 天答复 · 今天到期 · 已逾期 2 天 · 按期答复 · 逾期 3 天后答复. */
export function ClockBadge({ clock }: { clock: TopicRow['clock'] }) {
  if (clock.state === 'none' || !clock.text) return null
  const text = clock.state === 'running' ? `${clock.text}答复` : clock.text
  return <Text className={CLOCK_TONE[clock.state]}>{text}</Text>
}

/** 11月20日 from an ISO time with +08:00 (the server's Shanghai time; the phone's zone never shifts it). */
export const dayText = (iso: string): string => monthDay(iso)

export default function TopicCard({ topic: t, onOpen }: { topic: TopicRow; onOpen: (id: string) => void }) {
  return (
    <Card onClick={() => onOpen(t.id)} className="topic-card">
      <View className="topic-card__tags">
        <TopicStatusTag status={t.status} label={t.statusLabel} />
        <Text className="topic-card__category">{t.categoryLabel}</Text>
        <View className="topic-card__spacer" />
        <ClockBadge clock={t.clock} />
      </View>
      <Text className="topic-card__title">{t.title}</Text>
      <Text className="topic-card__meta">
        {[t.distanceText, t.placeText, t.authorName, dayText(t.createdAt)].filter(Boolean).join(' · ')}
      </Text>
      <View className="topic-card__counts">
        <Text className={`topic-card__count${t.supported ? ' topic-card__count--mine' : ''}`}>
          {t.supportCount} 人也遇到{t.supported ? '（有我）' : ''}
        </Text>
        <Text className="topic-card__count">{t.commentCount} 条评论</Text>
        {t.outcomeLabel ? <Text className="tag tag--success">{t.outcomeLabel}</Text> : null}
        {t.answerRequired && !t.outcomeLabel ? <Text className="tag tag--warning">须书面答复</Text> : null}
        {t.hidden ? <Text className="tag tag--warning">审核中</Text> : null}
      </View>
    </Card>
  )
}
