/**
 * 审核举报 (liaisons: their groups; town: all): reported topics and comments, the hidden ones first,
 * with what the reporters said; restore or remove, always with a reason the author is told.
 */
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { moderate, moderationQueue, type ReportedItem } from '@/services/topics'
import { timeText, topicPath } from '../format'
import { useRun } from '../use-run'
import './index.scss'

export default function ModerationPage() {
  const { state, reload } = useCloudQuery(moderationQueue)
  const { busy, run } = useRun(() => reload({ quiet: true }))
  usePullDownRefresh(() => void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh()))
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const items = state.data.items
  return (
    <View className="page moderation">
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">审核举报</Text>
          <Text className="page-lead__text">3 位小哥举报的内容会先隐藏。核实后恢复或删除，理由会告诉作者，并记入变更记录。</Text>
        </View>
        {items.length === 0 ? (
          <Card>
            <StateView compact kind="empty" glyph="✓" title="没有待审核的举报" />
          </Card>
        ) : (
          items.map((i) => (
            <Item
              key={`${i.kind}-${i.id}`}
              item={i}
              busy={Boolean(busy)}
              decide={(decision, reason) =>
                void run(
                  'moderate',
                  () => moderate({ kind: i.kind, id: i.id, decision, reason }),
                  decision === 'restore' ? '已恢复' : '已删除',
                )
              }
            />
          ))
        )}
      </View>
    </View>
  )
}

/** The same reason given by several riders, once with its count and their notes. */
function grouped(reasons: ReportedItem['reasons']): [string, number, string[]][] {
  const by = new Map<string, { count: number; notes: string[] }>()
  for (const r of reasons) {
    const g = by.get(r.reason) ?? { count: 0, notes: [] }
    g.count++
    if (r.note) g.notes.push(r.note)
    by.set(r.reason, g)
  }
  return [...by].map(([reason, g]) => [reason, g.count, g.notes])
}

function Item({ item: i, busy, decide }: { item: ReportedItem; busy: boolean; decide: (d: 'restore' | 'remove', reason: string) => void }) {
  const [reason, setReason] = useState('')
  const ok = reason.trim().length >= 2
  return (
    <Card className="moderation__item">
      <View className="moderation__head">
        <Text className="tag">{i.kind === 'topic' ? '议题' : '评论'}</Text>
        {i.hidden ? <Text className="tag tag--warning">已隐藏</Text> : null}
        <Text className="moderation__count">{i.reports} 人举报</Text>
      </View>
      <Text className="moderation__text">{i.text}</Text>
      <Text className="meta-text">
        {i.authorName} · {timeText(i.since)} · 《{i.topicTitle}》
      </Text>
      <View className="moderation__reasons">
        {grouped(i.reasons).map(([reason, count, notes]) => (
          <Text key={reason} className="moderation__reason">
            · {reason}
            {count > 1 ? ` ×${count}` : ''}
            {notes.length ? `：${notes.join('；')}` : ''}
          </Text>
        ))}
      </View>
      <Text className="moderation__open" onClick={() => void Taro.navigateTo({ url: topicPath(i.topicId) })}>
        打开议题看上下文 ›
      </Text>
      <Input
        className="form-input"
        type="text"
        maxlength={100}
        value={reason}
        placeholder="审核理由（会告诉作者）"
        onInput={(e) => setReason(e.detail.value)}
      />
      <View className="button-row">
        <Button
          className="button-secondary button-row__item"
          hoverClass="button-secondary--hover"
          disabled={!ok || busy || undefined}
          onClick={() => decide('restore', reason.trim())}
        >
          恢复显示
        </Button>
        <Button
          className="button-primary button-row__item"
          hoverClass="button-primary--hover"
          disabled={!ok || busy || undefined}
          onClick={() => decide('remove', reason.trim())}
        >
          删除
        </Button>
      </View>
      {!ok ? <Text className="form-hint">写好理由后才能恢复或删除</Text> : null}
    </Card>
  )
}
