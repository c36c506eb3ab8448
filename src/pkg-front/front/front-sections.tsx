/** The front page's sections: notices (pinned, then recent), the duty, the FAQ, the activity. */
import type { FrontView } from '@cloud/fronts/contract'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { minutesText, timeText } from '@/services/fronts/labels'
import NoticeRow from '../components/notice-row'

const go = (url: string) => void Taro.navigateTo({ url })

export function Notices({ front: f }: { front: FrontView }) {
  const all = [...f.pinned, ...f.recent]
  const staff = f.me.canPost
  return (
    <>
      <SectionHeader title="群公告" actionText="全部公告" onAction={() => go(`/pkg-front/notices/index?groupId=${f.group.id}`)} />
      {all.length === 0 ? (
        <Card>
          <StateView compact kind="empty" glyph="告" title="还没有有效的公告" description="值班管理员发的通知、活动和安全提醒会在这里。" />
        </Card>
      ) : (
        all.map((n) => <NoticeRow key={n.id} notice={n} showFigures={staff} />)
      )}
    </>
  )
}

export function Duty({ front: f }: { front: FrontView }) {
  return (
    <>
      <SectionHeader title="值班" actionText="值班表" onAction={() => go(`/pkg-front/roster/index?groupId=${f.group.id}`)} />
      <Card>
        <Text className="fr-front__duty">{f.onDuty.length ? `现在值班：${f.onDuty.map((a) => a.name).join('、')}` : '现在没有人值班'}</Text>
        {f.nextDuty ? (
          <Text className="fr-note">
            下一班：{f.nextDuty.names.join('、')}，{timeText(f.nextDuty.start)} 起
          </Text>
        ) : null}
        <Text className="fr-note fr-front__service">
          联络员回复时间：{f.serviceHoursText}，一般 {minutesText(f.targetMinutes)}内首次回复。本周已回答 {f.stats.weekAnswered} 个，累计{' '}
          {f.stats.answeredTotal} 个。
        </Text>
      </Card>
    </>
  )
}

export function Faq({ front: f }: { front: FrontView }) {
  if (!f.faq.length) return null
  return (
    <>
      <SectionHeader
        title="常见问题"
        actionText={`全部 ${f.faqCount} 条`}
        onAction={() => go(`/pkg-front/faq/index?groupId=${f.group.id}`)}
      />
      <Card>
        {f.faq.map((q) => (
          <View
            key={q.id}
            className="fr-row"
            hoverClass="fr-row--pressed"
            onClick={() => go(`/pkg-front/faq/index?groupId=${f.group.id}&open=${q.id}`)}
          >
            <Text className="fr-row__title fr-row__main">{q.question}</Text>
            <Text className="fr-row__chevron">›</Text>
          </View>
        ))}
      </Card>
    </>
  )
}

export function Activity({ front: f }: { front: FrontView }) {
  if (!f.activity.length) return null
  return (
    <>
      <SectionHeader title="群动态" />
      <Card>
        {f.activity.slice(0, 6).map((a) => (
          <View key={`${a.at}-${a.text}`} className="fr-row fr-front__activity">
            <Text className="fr-row__main fr-front__activity-text">{a.text}</Text>
            <Text className="fr-front__activity-time">{timeText(a.at)}</Text>
          </View>
        ))}
      </Card>
    </>
  )
}
