/**
 * 首页 › 群公告: the current group's pinned and latest notices from the same getHome answer (no extra
 * call). Each row opens the notice (which records the read); 新 marks the ones I have not read; the
 * header leads to the group's micro-front (问联络员, 值班表, 常见问题).
 */
import type { HomeFront, HomeNotice } from '@cloud/home/contract'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import { NOTICE_CATEGORY, timeText } from '@/services/fronts/labels'
import './front-notices.scss'

const open = (url: string) => void Taro.navigateTo({ url })

function Row({ n }: { n: HomeNotice }) {
  const c = NOTICE_CATEGORY[n.category]
  return (
    <View className="home-front__row" hoverClass="home-front__row--pressed" onClick={() => open(`/pkg-front/notice/index?id=${n.id}`)}>
      <View className="home-front__tags">
        {n.pinned ? <Text className="tag tag--solid">置顶</Text> : null}
        <Text className={`tag tag--${c.tone === 'muted' ? 'primary' : c.tone}`}>{c.label}</Text>
        {n.read ? null : <Text className="home-front__new">新</Text>}
      </View>
      <Text className={`home-front__title${n.read ? '' : ' home-front__title--unread'}`}>{n.title}</Text>
      <Text className="home-front__meta">
        {n.authorName} · {timeText(n.createdAt)}
      </Text>
    </View>
  )
}

export default function FrontNotices({ front }: { front: HomeFront | null }) {
  if (!front) return null
  const list = [...front.pinned, ...front.latest]
  return (
    <View className="home__section home-front">
      <SectionHeader
        title={front.unread ? `群公告 · ${front.unread} 条未读` : '群公告'}
        actionText="进微阵地"
        onAction={() => open('/pkg-front/front/index')}
      />
      <Card className="home-front__card">
        <Text className="home-front__group">{front.groupName}</Text>
        {list.length ? (
          list.map((n) => <Row key={n.id} n={n} />)
        ) : (
          <View className="home-front__row" onClick={() => open('/pkg-front/front/index')}>
            <Text className="home-front__empty">群里还没有公告。进微阵地可以问联络员、看值班表和常见问题。</Text>
          </View>
        )}
      </Card>
    </View>
  )
}
