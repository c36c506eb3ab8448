/** What a reader must know first: hidden pending review, removed, restored, withdrawn (merged into another topic), topics merged into this one. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TopicDetail } from '@/services/topics'
import { topicPath } from '../format'

const open = (id: string) => void Taro.navigateTo({ url: topicPath(id) })

export default function Banners({ topic: t }: { topic: TopicDetail }) {
  const m = t.moderation
  const w = t.withdrawal
  return (
    <>
      {m.state === 'pending' ? (
        <Text className="warning-banner">
          {t.me.isAuthor || t.me.canManage
            ? '这个议题被多人举报，暂时对别人隐藏，等待联络员审核。'
            : '这个议题被多人举报，正在等待联络员审核。'}
        </Text>
      ) : null}
      {m.state === 'removed' ? <Text className="warning-banner">这个议题已被删除：{m.note}</Text> : null}
      {m.state === 'restored' && m.note ? <Text className="topic-note">曾被举报，经审核恢复：{m.note}</Text> : null}
      {w ? (
        <View className="topic-withdrawn">
          <Text className="topic-withdrawn__title">已撤回：{w.kindLabel}</Text>
          <Text className="topic-withdrawn__text">{w.reason}</Text>
          {w.mergedInto ? (
            <View className="topic-link" hoverClass="topic-link--pressed" onClick={() => open(w.mergedInto?.id as string)}>
              <Text>合并到《{w.mergedInto.title}》，去那里支持 ›</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {t.mergedFrom.length ? (
        <Text className="topic-note">合并进来的重复议题：{t.mergedFrom.map((x) => `《${x.title}》`).join('、')}</Text>
      ) : null}
    </>
  )
}
