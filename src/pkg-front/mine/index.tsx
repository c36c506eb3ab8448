/** 我的提问 — the questions I asked, latest activity first; a new answer is marked until I open it. */
import type { QuestionItem } from '@cloud/fronts/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { myQuestions } from '@/services/fronts'
import { QUESTION_CATEGORY, QUESTION_STATE, timeText } from '@/services/fronts/labels'
import { useFrontQuery } from '../utils/use-front-query'
import './index.scss'

export function QuestionRow({ q }: { q: QuestionItem }) {
  const s = QUESTION_STATE[q.state]
  return (
    <Card
      className={`fr-qrow${q.newReply ? ' fr-qrow--new' : ''}`}
      onClick={() => void Taro.navigateTo({ url: `/pkg-front/question/index?id=${q.id}` })}
    >
      <View className="fr-tags">
        {q.newReply ? <Text className="tag tag--solid">有新回复</Text> : null}
        <Text className={`tag tag--${s.tone}`}>{s.label}</Text>
        <Text className="tag tag--muted">{QUESTION_CATEGORY[q.category]}</Text>
      </View>
      <Text className="fr-qrow__text">{q.excerpt}</Text>
      <Text className="fr-qrow__meta">
        {q.groupName} · {timeText(q.updatedAt)}
      </Text>
    </Card>
  )
}

export default function MinePage() {
  const [more, setMore] = useState<QuestionItem[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const fetcher = useCallback(async () => {
    const r = await myQuestions()
    if (r.ok) {
      setMore([])
      setCursor(r.data.nextCursor)
    }
    return r
  }, [])
  const { state, reload } = useFrontQuery(fetcher)
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const items = [...state.data.items, ...more]
  const ask = () => void Taro.navigateTo({ url: '/pkg-front/ask/index' })
  if (!items.length)
    return (
      <StateView
        kind="empty"
        glyph="问"
        title="还没有问过问题"
        description="有事找联络员：保险、认证、路上遇到的麻烦都可以问。"
        actionText="问联络员"
        onAction={ask}
      />
    )
  async function loadMore() {
    if (!cursor) return
    const r = await myQuestions(cursor)
    if (!r.ok) return
    setMore((m) => [...m, ...r.data.items])
    setCursor(r.data.nextCursor)
  }
  return (
    <View className="page">
      <View className="page__body">
        <Button className="button-primary fr-mine__ask" hoverClass="button-primary--hover" onClick={ask}>
          问新问题
        </Button>
        {items.map((q) => (
          <QuestionRow key={q.id} q={q} />
        ))}
        {cursor ? (
          <Button className="button-secondary fr-more" onClick={() => void loadMore()}>
            更多
          </Button>
        ) : null}
      </View>
    </View>
  )
}
