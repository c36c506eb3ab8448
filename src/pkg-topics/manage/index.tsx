/**
 * 办理议题 (the liaison of the topic's group, or town): the next step it may take — 受理, 安排议事会,
 * 答复, 开始落实, 办结, 撤回 — with what each needs, and the changes within a stage (deadline,
 * milestones, the session, who signed up). Every step goes on the public timeline.
 */
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import ChipPicker from '@/components/chip-picker'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { ClockBadge, TopicStatusTag } from '@/components/topic-card'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { getTopic, type TopicStatus } from '@/services/topics'
import NoTopic from '../no-topic'
import { useRun } from '../use-run'
import { DeadlineForm, MilestoneForm, Roster, SessionForm } from './extras'
import MoveForm from './move-form'
import { useManage } from './use-manage'
import './index.scss'

const MOVE_LABEL: Record<TopicStatus, string> = {
  submitted: '',
  accepted: '受理',
  deliberating: '安排议事会',
  answered: '答复',
  implementing: '开始落实',
  done: '办结',
  withdrawn: '撤回',
}

export default function ManagePage() {
  const topicId = useRouter().params.topicId ?? ''
  const { state, reload } = useCloudQuery(useCallback(() => getTopic(topicId), [topicId]))
  const { busy, run } = useRun(() => reload({ quiet: true }))
  const manage = useManage(topicId, run)
  const [move, setMove] = useState<TopicStatus | null>(null)
  if (!topicId) return <NoTopic />
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const t = state.data
  if (!t.me.canManage)
    return <StateView kind="empty" glyph="!" title="这个议题不归你办理" description="只有议题所在群的联络员和镇里可以办理。" />
  const chosen = move && t.moves.includes(move) ? move : null
  const extras = { topic: t, busy: Boolean(busy), send: manage.extra }
  return (
    <View className="page manage">
      <View className="page__body">
        <View className="manage__head">
          <TopicStatusTag status={t.status} label={t.statusLabel} />
          <ClockBadge clock={t.clock} />
        </View>
        <View className="page-lead">
          <Text className="page-lead__title">{t.title}</Text>
          <Text className="page-lead__text">
            {t.supportCount} 人也遇到 · {t.commentCount} 条评论{t.answerRequired ? ' · 须书面答复' : ''}
          </Text>
        </View>
        <SectionHeader title="下一步" />
        <Card>
          {t.moves.length ? (
            <ChipPicker
              options={t.moves.map((m) => ({ key: m, label: MOVE_LABEL[m] }))}
              selected={chosen ? [chosen] : []}
              onPick={setMove}
              className="manage__chips"
            />
          ) : (
            <Text className="form-hint">
              {t.moderation.state === 'pending' ? '议题被举报隐藏，请先在“审核举报”里处理。' : '这个议题已经结束了。'}
            </Text>
          )}
          {chosen ? <MoveForm move={chosen} topic={t} busy={Boolean(busy)} submit={manage.move} /> : null}
        </Card>
        {t.status === 'accepted' || t.status === 'deliberating' ? <Extra title="延后答复期限">{<DeadlineForm {...extras} />}</Extra> : null}
        {t.status === 'implementing' ? <Extra title="发布落实进展">{<MilestoneForm {...extras} />}</Extra> : null}
        {t.status === 'deliberating' ? <Extra title="修改议事会">{<SessionForm {...extras} />}</Extra> : null}
        {t.session ? <Extra title="报名和签到">{<Roster topicId={t.id} />}</Extra> : null}
      </View>
    </View>
  )
}

function Extra({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <SectionHeader title={title} />
      <Card>{children}</Card>
    </>
  )
}
