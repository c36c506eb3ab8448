/**
 * 我的 › 我提的议题: the topics I raised (or, switched, the ones I follow), newest first, each with
 * its status and public clock; paged on the server (加载更多 asks for the next page with the cursor).
 */
import type { AppErrorBody } from '@cloud/_lib/envelope'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import Card from '@/components/card'
import ChipPicker from '@/components/chip-picker'
import StateView from '@/components/state-view'
import TopicCard from '@/components/topic-card'
import { listTopics, type TopicRow } from '@/services/topics'
import { topicPath } from '../format'
import './index.scss'

type Scope = 'mine' | 'followed'
const SCOPES: { key: Scope; label: string }[] = [
  { key: 'mine', label: '我提的' },
  { key: 'followed', label: '我关注的' },
]
const EMPTY: Record<Scope, string> = {
  mine: '你还没有提过议题。遇到一个人解决不了的难处，到“议事”里提一个。',
  followed: '你还没有关注议题。在议题页点“我也遇到”或“关注进展”，有进展会告诉你。',
}

function useMyTopics(scope: Scope) {
  const [rows, setRows] = useState<TopicRow[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<AppErrorBody | null>(null)
  const [busy, setBusy] = useState(false)
  const latest = useRef(0)
  const load = useCallback(
    async (more?: string | null) => {
      const call = ++latest.current
      setBusy(true)
      const r = await listTopics({ scope, ...(more ? { cursor: more } : {}) })
      if (call !== latest.current) return
      setBusy(false)
      if (!r.ok) return setError(r.error)
      setError(null)
      setRows((old) => (more && old ? [...old, ...r.data.topics] : r.data.topics))
      setCursor(r.data.cursor)
    },
    [scope],
  )
  useEffect(() => {
    setRows(null)
    void load()
  }, [load])
  return { rows, cursor, error, busy, reload: () => load(), more: () => load(cursor) }
}

export default function MyTopicsPage() {
  const [scope, setScope] = useState<Scope>('mine')
  const list = useMyTopics(scope)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.reload()
    shown.current = true
  })
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => {
    if (list.cursor && !list.busy) void list.more()
  })
  return (
    <View className="page my-topics">
      <View className="page__body">
        <ChipPicker options={SCOPES} selected={[scope]} onPick={setScope} className="my-topics__scopes" />
        <Rows list={list} scope={scope} />
      </View>
    </View>
  )
}

function Rows({ list, scope }: { list: ReturnType<typeof useMyTopics>; scope: Scope }) {
  if (!list.rows) {
    if (list.error)
      return <StateView kind="error" title="议题没有加载出来" description={list.error.message} onAction={() => void list.reload()} />
    return <StateView compact kind="loading" title="正在加载议题…" />
  }
  if (!list.rows.length)
    return (
      <Card>
        <StateView
          compact
          kind="empty"
          glyph="议"
          title={scope === 'mine' ? '还没有你提的议题' : '还没有关注的议题'}
          description={EMPTY[scope]}
          actionText="去议事"
          onAction={() => void Taro.switchTab({ url: '/pages/topics/index' })}
        />
      </Card>
    )
  return (
    <View className="my-topics__list">
      {list.rows.map((t) => (
        <TopicCard key={t.id} topic={t} onOpen={(id) => void Taro.navigateTo({ url: topicPath(id) })} />
      ))}
      {list.cursor ? (
        <Button
          className="button-secondary button-wide"
          hoverClass="button-secondary--hover"
          disabled={list.busy || undefined}
          onClick={() => void list.more()}
        >
          {list.busy ? '正在加载…' : '加载更多'}
        </Button>
      ) : (
        <Text className="my-topics__end">共 {list.rows.length} 个议题</Text>
      )}
      {list.error ? <Text className="my-topics__end">{list.error.message}</Text> : null}
    </View>
  )
}
