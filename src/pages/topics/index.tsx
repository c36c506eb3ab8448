/**
 * 议事: consultation topics. Browse (whose, words, order, status, category; paged on the server),
 * open one, raise one (verified riders), and — for the liaison and town — the work list. Each row
 * shows the public clock: how long until the answer is due, or how overdue it is.
 * Docs: https://docs.taro.zone/docs/hooks#usepulldownrefresh  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html#onReachBottom
 */
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useRef } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import TopicCard from '@/components/topic-card'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { myTopicRole } from '@/services/topics'
import TopicFilters from './filters'
import TopicsTop from './topics-top'
import { useTopicList } from './use-topic-list'
import './index.scss'

const openTopic = (id: string) => void Taro.navigateTo({ url: `/pkg-topics/detail/index?topicId=${encodeURIComponent(id)}` })

const EMPTY: Record<string, string> = {
  mine: '你还没有提过议题。遇到难处，点上面的“提一个议题”。',
  followed: '你还没有关注议题。在议题页点“我也遇到”或“关注进展”，有进展会告诉你。',
  all: '没有符合条件的议题，换个条件试试。',
}

export default function TopicsPage() {
  const list = useTopicList()
  const role = useCloudQuery(myTopicRole)
  const shown = useRef(false)
  useDidShow(() => {
    // back from a topic or from raising one: show the new counts
    if (shown.current) void list.reload()
    shown.current = true
  })
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => {
    if (list.cursor && !list.busy) void list.more()
  })

  return (
    <View className="page topics">
      <View className="page__body">
        <TopicsTop role={role.state.status === 'ready' ? role.state.data : null} />
        <TopicFilters filters={list.filters} categories={list.categories} change={list.change} />
        {list.note ? <Text className="topics__note">{list.note}</Text> : null}
        <TopicRows list={list} />
      </View>
    </View>
  )
}

function TopicRows({ list }: { list: ReturnType<typeof useTopicList> }) {
  if (!list.rows) {
    if (list.error)
      return <StateView kind="error" title="议题没有加载出来" description={list.error.message} onAction={() => void list.reload()} />
    return <StateView kind="loading" title="正在加载议题…" />
  }
  if (list.busy === 'first') return <StateView compact kind="loading" title="正在查找…" />
  if (!list.rows.length)
    return (
      <Card>
        <StateView compact kind="empty" glyph="议" title="这里还没有议题" description={EMPTY[list.filters.scope]} />
      </Card>
    )
  return (
    <View className="topics__list">
      {list.rows.map((t) => (
        <TopicCard key={t.id} topic={t} onOpen={openTopic} />
      ))}
      {list.cursor ? (
        <Button
          className="button-secondary button-wide"
          hoverClass="button-secondary--hover"
          disabled={list.busy === 'more' || undefined}
          onClick={() => void list.more()}
        >
          {list.busy === 'more' ? '正在加载…' : '加载更多'}
        </Button>
      ) : (
        <Text className="topics__end">已经到底了，共 {list.rows.length} 个议题</Text>
      )}
      {list.error ? <Text className="topics__note">{list.error.message}</Text> : null}
    </View>
  )
}
