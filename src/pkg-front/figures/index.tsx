/**
 * 阅读情况 — for the poster, the liaison and the admin on duty: of the group as it was when the notice
 * went out, how many read it and tapped 收到; who has not read it, who read it without 收到, who did.
 * The figures come from the notice's own records (no list of every member is read per view).
 */
import type { NoticeFigures } from '@cloud/fronts/contract'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import Tabs from '@/components/tabs'
import { noticeFigures } from '@/services/fronts'
import { timeText } from '@/services/fronts/labels'
import ShareNotice from '../components/share-notice'
import { param, useFrontQuery, useReloadOn } from '../utils/use-front-query'
import './index.scss'

type List = NoticeFigures['list']
const TABS: { key: List; label: string }[] = [
  { key: 'unread', label: '没看的' },
  { key: 'pending', label: '看了没点收到' },
  { key: 'acked', label: '已收到' },
]

function Figure({ value, label }: { value: number; label: string }) {
  return (
    <View className="fr-figures__figure">
      <Text className="fr-figures__value">{value}</Text>
      <Text className="fr-figures__label">{label}</Text>
    </View>
  )
}

export default function FiguresPage() {
  const id = param(useRouter().params, 'id') ?? ''
  const [list, setList] = useState<List>('unread')
  const { state, reload } = useFrontQuery(useCallback(() => noticeFigures(id, list), [id, list]))
  useReloadOn(list, reload)
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const f = state.data
  return (
    <View className="page">
      <View className="page__body">
        <Text className="page-lead__title">{f.title}</Text>
        <Text className="fr-note">发布时群里 {f.audience} 人（不算你自己）</Text>
        <View className="fr-figures__row">
          <Figure value={f.readCount} label="已读" />
          <Figure value={f.ackCount} label="点了收到" />
          <Figure value={f.unreadCount} label="还没看" />
        </View>
        <Tabs tabs={TABS} value={list} onChange={setList} />
        <Card>
          {f.people.length === 0 ? (
            <Text className="fr-note">{list === 'unread' ? '大家都看过了。' : '还没有人。'}</Text>
          ) : (
            f.people.map((p) => (
              <View key={p.openid} className="fr-row fr-figures__person">
                <Text className="fr-row__title fr-row__main">{p.name}</Text>
                {p.at ? <Text className="fr-figures__time">{timeText(p.at)}</Text> : null}
              </View>
            ))
          )}
          {f.more ? <Text className="fr-note">还有 {f.more} 人没列出</Text> : null}
        </Card>
        {list === 'unread' && f.unreadCount ? (
          <>
            <Text className="fr-note">还有人没看？再发一次到群里提醒大家。</Text>
            <ShareNotice path={`pkg-front/notice/index?id=${id}`} primary label="再发到群里" />
          </>
        ) : null}
      </View>
    </View>
  )
}
