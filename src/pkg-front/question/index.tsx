/**
 * 问题详情 — one question and its conversation. The asker sees where it stands (waiting and until
 * when, asked back, answered), adds to it, says whether the answer helped, closes it; the liaison
 * answers (saved replies), asks back, closes, publishes it to the FAQ, turns it into a topic (转为议题);
 * the admin on duty reads. Once it is a topic, the asker and the liaison see 已转为议题.
 * Anyone else is told it does not exist (the server answers NOT_FOUND).
 */
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import StateView from '@/components/state-view'
import { getQuestion } from '@/services/fronts'
import { QUESTION_CATEGORY, QUESTION_STATE } from '@/services/fronts/labels'
import { param, useFrontQuery } from '../utils/use-front-query'
import LiaisonPanel from './liaison-panel'
import RiderPanel from './rider-panel'
import StatusLine from './status-line'
import Thread from './thread'
import TopicLink from './topic-link'
import './index.scss'

export default function QuestionPage() {
  const router = useRouter()
  const id = param(router.params, 'id') ?? ''
  const { state, reload } = useFrontQuery(useCallback(() => getQuestion(id), [id]))
  if (!id) return <StateView kind="empty" glyph="问" title="没有指定问题" />
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error')
    return <StateView kind="error" title="没有打开这个问题" description={state.error.message} onAction={() => void reload()} />
  const q = state.data
  const s = QUESTION_STATE[q.state]
  const changed = () => void reload({ quiet: true })
  return (
    <View className="page fr-question">
      <View className="page__body">
        {router.params.asked === '1' && q.me.isAsker ? (
          <Text className="fr-question__sent">已发给联络员。回复后会通知你，也可以在“我的提问”里看。</Text>
        ) : null}
        <View className="fr-tags">
          <Text className={`tag tag--${s.tone}`}>{s.label}</Text>
          <Text className="tag tag--muted">{QUESTION_CATEGORY[q.category]}</Text>
          {q.due === 'soon' ? <Text className="tag tag--warning">快超时</Text> : null}
          {q.due === 'breached' ? <Text className="tag tag--solid">已超时</Text> : null}
          {q.faqId ? <Text className="tag tag--success">已收入常见问题</Text> : null}
        </View>
        <StatusLine q={q} />
        <Thread q={q} />
        <TopicLink q={q} />
        {q.me.isAsker ? <RiderPanel q={q} onChanged={changed} /> : <LiaisonPanel q={q} onChanged={changed} />}
        <Text className="fr-note fr-question__privacy">只有提问人、联络员和值班管理员看得到这个问题。</Text>
      </View>
    </View>
  )
}
