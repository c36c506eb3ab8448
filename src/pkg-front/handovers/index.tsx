/** 交接记录 (the liaison): every handover of the group, newest first — who handed to whom, the note, the checklist, confirmed or not. */
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { handovers } from '@/services/fronts'
import { timeText } from '@/services/fronts/labels'
import { Checklist } from '../term/handover-in'
import { param, useFrontQuery } from '../utils/use-front-query'
import './index.scss'

const STATE = { draft: '草稿（还没交班）', handed: '已交班，等接班确认', confirmed: '已确认接班' } as const

export default function HandoversPage() {
  const groupId = param(useRouter().params, 'groupId')
  const { state, reload } = useFrontQuery(useCallback(() => handovers(groupId), [groupId]))
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  if (!state.data.items.length)
    return <StateView kind="empty" glyph="交" title="还没有交接记录" description="轮值管理员交班时写的说明会留在这里。" />
  return (
    <View className="page">
      <View className="page__body">
        {state.data.items.map((h) => (
          <Card key={h.id}>
            <Text className="fr-row__title">
              {h.from.join('、')} → {h.to.length ? h.to.join('、') : '下一班'}
            </Text>
            <Text className="fr-note">
              {timeText(h.startAt)} 接班 · {STATE[h.state]}
              {h.confirmedBy ? `（${h.confirmedBy}）` : ''}
            </Text>
            <Text className="fr-longtext">{h.note || '（没有写说明）'}</Text>
            <Checklist items={h.items} />
          </Card>
        ))}
      </View>
    </View>
  )
}
