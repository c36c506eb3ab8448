/**
 * 我也遇到 and 关注进展: how many met the same problem, how far from the number that makes a written
 * answer mandatory, my support (withdrawable) and whether I am told of progress (and how many WeChat
 * messages about this topic I have agreed to).
 */
import { Button, Text, View } from '@tarojs/components'
import type { TopicDetail } from '@/services/topics'

export interface SupportActions {
  /** One more WeChat message about this topic (WeChat asks; each 同意 is one message). */
  notifyMore: () => void
  support: () => void
  withdraw: () => void
  follow: () => void
  unfollow: () => void
  busy: string | null
}

function thresholdText(t: TopicDetail): string {
  if (t.answerRequired) return `已有 ${t.threshold} 人以上遇到，联络员须书面答复`
  const left = Math.max(1, t.threshold - t.supportCount)
  return `再有 ${left} 人遇到，联络员就须书面答复`
}

export default function SupportBar({ topic: t, actions: a }: { topic: TopicDetail; actions: SupportActions }) {
  const me = t.me
  const live = !['done', 'withdrawn'].includes(t.status)
  return (
    <View className="support-bar">
      <View className="support-bar__count">
        <Text className="support-bar__number">{t.supportCount}</Text>
        <Text className="support-bar__label">人也遇到</Text>
        <Text className="support-bar__followers">{t.followerCount} 人关注</Text>
      </View>
      {live && !t.answer ? (
        <Text className={`support-bar__threshold${t.answerRequired ? ' support-bar__threshold--met' : ''}`}>{thresholdText(t)}</Text>
      ) : null}
      <View className="button-row">
        {me.supported ? (
          <Button
            className="button-secondary button-row__item"
            hoverClass="button-secondary--hover"
            disabled={Boolean(a.busy) || undefined}
            onClick={a.withdraw}
          >
            已支持 · 撤回
          </Button>
        ) : me.canSupport ? (
          <Button
            className="button-primary button-row__item support-bar__support"
            hoverClass="button-primary--hover"
            disabled={Boolean(a.busy) || undefined}
            onClick={a.support}
          >
            {a.busy === 'support' ? '正在提交…' : '我也遇到'}
          </Button>
        ) : null}
        {me.isAuthor ? null : me.following ? (
          <Button
            className="button-secondary button-row__item"
            hoverClass="button-secondary--hover"
            disabled={Boolean(a.busy) || undefined}
            onClick={a.unfollow}
          >
            已关注 · 取消
          </Button>
        ) : live ? (
          <Button
            className="button-secondary button-row__item"
            hoverClass="button-secondary--hover"
            disabled={Boolean(a.busy) || undefined}
            onClick={a.follow}
          >
            关注进展
          </Button>
        ) : null}
      </View>
      {(me.following || me.isAuthor) && live ? (
        <View className="support-bar__notify">
          <Text className="meta-text support-bar__notify-text">
            {me.isAuthor ? '你提的议题，' : ''}每有进展都会在“我的 → 我的通知”里告诉你
            {me.consents ? `；微信通知还会发 ${me.consents} 条。` : '。'}
          </Text>
          <Text className="support-bar__notify-more" onClick={a.notifyMore}>
            多收一条微信通知
          </Text>
        </View>
      ) : null}
      {me.why && !me.canManage ? <Text className="meta-text">{me.why}</Text> : null}
    </View>
  )
}
