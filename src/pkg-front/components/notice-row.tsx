/**
 * One notice in a list (the front page, all notices): category, title, the start of the text, who and
 * when; 新 until I have read it, 已收到 after my 收到; the poster sees the read figures. The whole
 * card opens the notice (≥ 88rpx, one tap).
 */
import type { NoticeCard } from '@cloud/fronts/contract'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import { timeText } from '@/services/fronts/labels'
import CategoryTag from './category-tag'

export const openNotice = (id: string) => void Taro.navigateTo({ url: `/pkg-front/notice/index?id=${id}` })

export default function NoticeRow({ notice: n, showFigures }: { notice: NoticeCard; showFigures?: boolean }) {
  const unread = n.read === false && n.state !== 'withdrawn'
  return (
    <Card className={`fr-notice${unread ? ' fr-notice--unread' : ''}`} onClick={() => openNotice(n.id)}>
      <View className="fr-notice__head">
        <CategoryTag category={n.category} pinned={n.pinned} />
        {unread ? <Text className="fr-notice__new">新</Text> : null}
        {n.acked ? <Text className="fr-notice__acked">✓ 已收到</Text> : null}
        {n.state === 'expired' ? <Text className="tag">已过期</Text> : null}
        {n.state === 'withdrawn' ? <Text className="tag">已撤回</Text> : null}
      </View>
      <Text className="fr-notice__title">{n.title}</Text>
      {n.excerpt ? <Text className="fr-notice__excerpt">{n.excerpt}</Text> : null}
      <View className="fr-notice__foot">
        <Text className="fr-notice__meta">
          {n.author.name} · {timeText(n.createdAt)}
          {n.photoCount ? ` · ${n.photoCount} 张图` : ''}
        </Text>
        {showFigures ? (
          <Text className="fr-notice__figures">
            {n.readCount}/{n.audience} 已读 · {n.ackCount} 收到
          </Text>
        ) : null}
      </View>
    </Card>
  )
}
