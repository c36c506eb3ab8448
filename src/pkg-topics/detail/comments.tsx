/** The discussion: where people stand (支持 / 中立 / 反对), comments oldest first with their replies, more on demand, and the composer. */
import { Button, Text, View } from '@tarojs/components'
import StateView from '@/components/state-view'
import type { CommentView, TopicDetail } from '@/services/topics'
import CommentItem from './comment-item'
import Composer from './composer'
import ReportPanel from './report-panel'
import type { useDiscussion } from './use-discussion'

export interface CommentsProps {
  topic: TopicDetail
  comments: CommentView[]
  more: { cursor: string | null; load: () => void; loading: boolean }
  talk: ReturnType<typeof useDiscussion>
  busy: string | null
}

export default function Comments({ topic: t, comments, more, talk, busy }: CommentsProps) {
  const replies = new Map<string, CommentView[]>()
  for (const c of comments) if (c.parentId) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c])
  const top = comments.filter((c) => !c.parentId || !comments.some((p) => p.id === c.parentId))
  const handlers = {
    reply: t.me.canComment ? talk.reply : undefined,
    edit: talk.edit,
    report: t.me.canReport ? talk.reportComment : undefined,
  }
  return (
    <View className="comments">
      <Text className="comments__stance">
        支持 {t.stance.support} · 中立 {t.stance.neutral} · 反对 {t.stance.oppose}
      </Text>
      {comments.length === 0 ? (
        <StateView
          compact
          kind="empty"
          glyph="言"
          title="还没有人评论"
          description={t.me.canComment ? '说说你遇到的情况，或者提个办法。' : undefined}
        />
      ) : null}
      {top.map((c) => (
        <View key={c.id}>
          <CommentItem comment={c} handlers={handlers} />
          {(replies.get(c.id) ?? []).map((r) => (
            <CommentItem key={r.id} comment={r} handlers={handlers} reply />
          ))}
        </View>
      ))}
      {more.cursor ? (
        <Button
          className="button-secondary button-wide"
          hoverClass="button-secondary--hover"
          disabled={more.loading || undefined}
          onClick={more.load}
        >
          {more.loading ? '正在加载…' : '更多评论'}
        </Button>
      ) : null}
      {talk.reporting?.kind === 'comment' ? (
        <ReportPanel what={talk.reporting.what} busy={busy === 'report'} send={talk.sendReport} cancel={talk.cancelReport} />
      ) : null}
      {t.me.canComment || talk.draft.editing ? (
        <Composer draft={talk.draft} busy={busy === 'comment'} send={talk.send} cancel={talk.cancelDraft} />
      ) : null}
    </View>
  )
}
