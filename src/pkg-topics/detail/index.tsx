/**
 * 议题详情: the problem, the public clock, 我也遇到 and 关注进展, the council session (报名, 签到), the
 * written answer, the public timeline with progress photos, the discussion; share the topic (or its
 * outcome) into the group; the liaison's and town's 办理 button.
 * Docs: https://docs.taro.zone/docs/hooks#useshareappmessage  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 */
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { type ReactNode, useRef } from 'react'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import type { TopicDetail } from '@/services/topics'
import { topicPath } from '../format'
import NoTopic from '../no-topic'
import ShareButton from '../share-button'
import { useRun } from '../use-run'
import AnswerCard from './answer-card'
import Banners from './banners'
import TopicBody from './body'
import Comments from './comments'
import DetailHero from './hero'
import ReportPanel from './report-panel'
import SessionCard from './session-card'
import SupportBar from './support-bar'
import Timeline from './timeline'
import { useTopicActions } from './topic-actions'
import { useDiscussion } from './use-discussion'
import { useTopic } from './use-topic'
import './index.scss'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <SectionHeader title={title} />
      <Card>{children}</Card>
    </>
  )
}

export default function TopicPage() {
  const topicId = useRouter().params.topicId ?? ''
  const topic = useTopic(topicId)
  const { busy, run } = useRun(topic.reload)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void topic.reload() // back from 办理: show the new status
    shown.current = true
  })
  usePullDownRefresh(() => void topic.reload().finally(() => Taro.stopPullDownRefresh()))
  const t = topic.state.status === 'ready' ? topic.state.data : null
  useShareAppMessage(() => ({ title: t?.shareTitle ?? '小哥之家 · 协商议事', path: topicPath(topicId) }))
  const actions = useTopicActions(t, run, busy)
  const talk = useDiscussion(topicId, run)

  if (!topicId) return <NoTopic />
  if (topic.state.status === 'loading') return <StateView kind="loading" title="正在打开议题…" />
  if (topic.state.status === 'error')
    return <StateView kind="error" title="议题没有加载出来" description={topic.state.error.message} onAction={topic.retry} />
  const d = topic.state.data
  return (
    <View className="page topic-page">
      <DetailHero topic={d} />
      <View className="page__body">
        <Banners topic={d} />
        <Card>
          <TopicBody topic={d} />
          <SupportBar topic={d} actions={actions.support} />
        </Card>
        {d.answer ? <Section title="答复">{<AnswerCard topic={d} />}</Section> : null}
        {d.session ? <Section title="议事会">{<SessionCard topic={d} actions={actions.session} />}</Section> : null}
        <Section title="办理进展">{<Timeline entries={d.timeline} />}</Section>
        <Section title={`大家怎么说（${d.commentCount}）`}>
          <Comments
            topic={d}
            comments={topic.comments}
            more={{ cursor: topic.cursor, load: () => void topic.loadMore(), loading: topic.loadingMore }}
            talk={talk}
            busy={busy}
          />
        </Section>
        <Footer topic={d} talk={talk} busy={busy} />
      </View>
    </View>
  )
}

function Footer({ topic: d, talk, busy }: { topic: TopicDetail; talk: ReturnType<typeof useDiscussion>; busy: string | null }) {
  return (
    <>
      <View className="button-row">
        <ShareButton path={topicPath(d.id)} title={d.shareTitle} label={d.answer ? '把答复分享到群里' : '分享到群里'} />
        {d.me.canManage ? (
          <Button
            className="button-primary button-row__item"
            hoverClass="button-primary--hover"
            onClick={() => void Taro.navigateTo({ url: `/pkg-topics/manage/index?topicId=${d.id}` })}
          >
            办理这个议题
          </Button>
        ) : null}
      </View>
      {talk.reporting?.kind === 'topic' ? (
        <ReportPanel what={talk.reporting.what} busy={busy === 'report'} send={talk.sendReport} cancel={talk.cancelReport} />
      ) : null}
      {d.me.canReport && !d.me.reported && !talk.reporting ? (
        <Text className="topic-page__report" onClick={talk.reportTopic}>
          这个议题有问题？举报
        </Text>
      ) : null}
    </>
  )
}
