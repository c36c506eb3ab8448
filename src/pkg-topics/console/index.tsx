/**
 * 议事工作台 (liaisons: their groups; town: every group): what to do next on each live topic, the
 * urgent first (overdue, hidden pending review, due within two days, waiting too long to be
 * accepted); every topic of the groups, newest first; 审核举报, 全镇汇总, and for town 议事设置.
 */
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef, useState } from 'react'
import Card from '@/components/card'
import ChipPicker from '@/components/chip-picker'
import StateView from '@/components/state-view'
import TopicCard from '@/components/topic-card'
import { type ManagedRow, managedTopics } from '@/services/topics'
import { topicPath } from '../format'
import { useQueryOf } from '../use-query-of'
import './index.scss'

const go = (url: string) => void Taro.navigateTo({ url })
const VIEWS = [
  { key: 'todo' as const, label: '待办' },
  { key: 'all' as const, label: '全部议题' },
]

export default function ConsolePage() {
  const [view, setView] = useState<'todo' | 'all'>('todo')
  const { state, reload } = useQueryOf(() => managedTopics({ view }), view)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload({ quiet: true })
    shown.current = true
  })
  usePullDownRefresh(() => void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh()))
  return (
    <View className="page console">
      <View className="page__body">
        <Text className="page-lead__title">议事工作台</Text>
        <View className="button-row console__links">
          <Button
            className="button-secondary button-row__item"
            hoverClass="button-secondary--hover"
            onClick={() => go('/pkg-topics/moderation/index')}
          >
            审核举报
          </Button>
          <Button
            className="button-secondary button-row__item"
            hoverClass="button-secondary--hover"
            onClick={() => go('/pkg-topics/summary/index')}
          >
            全镇汇总
          </Button>
          {state.status === 'ready' && state.data.isTown ? (
            <Button
              className="button-secondary button-row__item"
              hoverClass="button-secondary--hover"
              onClick={() => go('/pkg-topics/settings/index')}
            >
              议事设置
            </Button>
          ) : null}
        </View>
        <ChipPicker options={VIEWS} selected={[view]} onPick={setView} className="console__views" />
        {state.status === 'loading' ? <StateView compact kind="loading" /> : null}
        {state.status === 'error' ? (
          <StateView compact kind="error" description={state.error.message} onAction={() => void reload()} />
        ) : null}
        {state.status === 'ready' ? <Rows rows={state.data.topics} view={view} /> : null}
      </View>
    </View>
  )
}

function Rows({ rows, view }: { rows: ManagedRow[]; view: 'todo' | 'all' }) {
  if (!rows.length)
    return (
      <Card>
        <StateView
          compact
          kind="empty"
          glyph="✓"
          title={view === 'todo' ? '没有待办的议题' : '你的群还没有议题'}
          description="小哥们提了议题会通知你。"
        />
      </Card>
    )
  return (
    <>
      {rows.map((r) => (
        <View key={r.id} className="console__row">
          <Text className={`console__todo${r.urgent ? ' console__todo--urgent' : ''}`}>
            {r.urgent ? '急 · ' : ''}
            {r.todo}
          </Text>
          <TopicCard topic={r} onOpen={(id) => go(topicPath(id))} />
        </View>
      ))}
    </>
  )
}
