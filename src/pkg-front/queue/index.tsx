/**
 * 待回答的问题 — the liaison's queue (the admin on duty may read it): waiting questions ordered by
 * how soon they reach the group's first-reply target, the ones about to breach and past it marked in
 * colour and words; questions waiting for the rider, answered, closed. Figures on top; a tap asks
 * WeChat's consent to be reminded when one is about to breach. Saved replies and settings one tap away.
 */
import type { QuestionItem, QueueView } from '@cloud/fronts/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import Tabs from '@/components/tabs'
import { queue } from '@/services/fronts'
import { minutesText, QUESTION_CATEGORY, timeText } from '@/services/fronts/labels'
import { askSubscribe } from '@/services/users/subscribe'
import { param, useFrontQuery, useReloadOn } from '../utils/use-front-query'
import './index.scss'

type View_ = QueueView['view']
const TABS: { key: View_; label: string }[] = [
  { key: 'waiting', label: '等回复' },
  { key: 'rider', label: '等补充' },
  { key: 'answered', label: '已回复' },
  { key: 'closed', label: '已结束' },
]

function dueText(q: QuestionItem): { text: string; tone: string } {
  if (q.due === 'breached') return { text: `已超时 · 等了 ${minutesText(q.waitingMinutes)}`, tone: 'late' }
  if (q.due === 'soon') return { text: `快超时 · ${q.dueAt ? `${timeText(q.dueAt)} 前` : ''}`, tone: 'soon' }
  if (q.state === 'waiting')
    return { text: `等了 ${minutesText(q.waitingMinutes)}${q.dueAt ? ` · ${timeText(q.dueAt)} 前回复` : ''}`, tone: 'ok' }
  return {
    text: `${timeText(q.updatedAt)}${q.firstReplyMinutes !== null ? ` · 首次回复用了 ${minutesText(q.firstReplyMinutes)}` : ''}`,
    tone: 'ok',
  }
}

function Row({ q }: { q: QuestionItem }) {
  const due = dueText(q)
  return (
    <Card
      className={`fr-queue__item fr-queue__item--${due.tone}`}
      onClick={() => void Taro.navigateTo({ url: `/pkg-front/question/index?id=${q.id}` })}
    >
      <View className="fr-queue__head">
        <Text className="fr-queue__who">{q.askerName}</Text>
        <Text className="tag tag--muted">{QUESTION_CATEGORY[q.category]}</Text>
      </View>
      <Text className="fr-queue__text">{q.excerpt}</Text>
      <Text className={`fr-queue__due fr-queue__due--${due.tone}`}>{due.text}</Text>
    </Card>
  )
}

function Head({ v }: { v: QueueView }) {
  return (
    <View className="fr-band fr-queue__band">
      <Text className="fr-band__title">{v.groupName}</Text>
      <View className="fr-queue__counts">
        <Text className="fr-queue__count">等回复 {v.counts.waiting}</Text>
        <Text className="fr-queue__count">等补充 {v.counts.rider}</Text>
        {v.view === 'waiting' && v.counts.soon ? (
          <Text className="fr-queue__count fr-queue__count--soon">快超时 {v.counts.soon}</Text>
        ) : null}
        {v.view === 'waiting' && v.counts.breached ? (
          <Text className="fr-queue__count fr-queue__count--late">已超时 {v.counts.breached}</Text>
        ) : null}
      </View>
      <Text className="fr-band__line">
        回复时间 {v.serviceHoursText}（{v.inServiceNow ? '现在在服务时间内' : '现在不在服务时间，不计时'}），首次回复目标{' '}
        {minutesText(v.targetMinutes)}
      </Text>
    </View>
  )
}

async function remindMe(template: string) {
  const ok = await askSubscribe([template])
  void Taro.showToast({ title: ok ? '好的，有问题快超时会微信提醒你' : '没有开启，可以随时再点', icon: 'none' })
}

export default function QueuePage() {
  const groupId = param(useRouter().params, 'groupId')
  const [view, setView] = useState<View_>('waiting')
  const { state, reload } = useFrontQuery(useCallback(() => queue({ ...(groupId ? { groupId } : {}), view }), [groupId, view]))
  useReloadOn(view, reload)
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const v = state.data
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className="page">
      <Head v={v} />
      <View className="page__body">
        <Tabs tabs={TABS} value={view} onChange={setView} />
        {v.items.length === 0 ? (
          <Card>
            <StateView
              compact
              kind="empty"
              glyph="✓"
              title={view === 'waiting' ? '没有等回复的问题' : '这里还没有问题'}
              description={view === 'waiting' ? '新的问题会按等待时间排在这里。' : undefined}
            />
          </Card>
        ) : (
          v.items.map((q) => <Row key={q.id} q={q} />)
        )}
        <View className="button-row">
          <Button className="button-secondary button-row__item" onClick={() => go('/pkg-front/replies/index')}>
            常用回复
          </Button>
          <Button className="button-secondary button-row__item" onClick={() => go(`/pkg-front/settings/index?groupId=${v.groupId}`)}>
            回复时间设置
          </Button>
        </View>
        <Button className="button-secondary fr-queue__remind" onClick={() => void remindMe(v.questionTemplate)}>
          问题快超时时微信提醒我
        </Button>
      </View>
    </View>
  )
}
