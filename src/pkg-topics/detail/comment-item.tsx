/** One comment: who (officials marked), their stance, when (and whether edited), what; reply, edit (10 minutes), report. */
import { Text, View } from '@tarojs/components'
import type { CommentView } from '@/services/topics'
import { timeText } from '../format'

const ROLE: Record<CommentView['authorRole'], string | null> = { rider: null, liaison: '联络员', town: '镇里' }
const STANCE_TONE: Record<CommentView['stance'], string> = { support: 'tag tag--success', neutral: 'tag', oppose: 'tag tag--warning' }

export interface CommentHandlers {
  reply?: (c: CommentView) => void
  edit: (c: CommentView) => void
  report?: (c: CommentView) => void
}

export default function CommentItem({
  comment: c,
  handlers: h,
  reply,
}: {
  comment: CommentView
  handlers: CommentHandlers
  reply?: boolean
}) {
  const shown = c.state === 'shown'
  const editable = c.editableUntil && Date.parse(c.editableUntil) > Date.now()
  return (
    <View className={`comment${reply ? ' comment--reply' : ''} comment--${c.state}`}>
      <View className="comment__head">
        <Text className="comment__author">{c.authorName}</Text>
        {ROLE[c.authorRole] ? <Text className="tag tag--solid">{ROLE[c.authorRole]}</Text> : null}
        {shown ? <Text className={STANCE_TONE[c.stance]}>{c.stanceLabel}</Text> : null}
        <Text className="comment__when">
          {timeText(c.createdAt)}
          {c.editedAt ? ' · 改过' : ''}
        </Text>
      </View>
      <Text className="comment__text" userSelect>
        {c.text}
      </Text>
      {c.mine && c.state === 'hidden' ? <Text className="meta-text">别人现在看不到这条评论，联络员审核后会告诉你结果。</Text> : null}
      <View className="comment__actions">
        {h.reply && shown && !reply ? (
          <Text className="comment__action" onClick={() => h.reply?.(c)}>
            回复
          </Text>
        ) : null}
        {c.mine && editable ? (
          <Text className="comment__action" onClick={() => h.edit(c)}>
            修改
          </Text>
        ) : null}
        {h.report && shown && !c.mine && !c.reported ? (
          <Text className="comment__action comment__action--quiet" onClick={() => h.report?.(c)}>
            举报
          </Text>
        ) : null}
        {c.reported ? <Text className="comment__action comment__action--quiet">已举报</Text> : null}
      </View>
    </View>
  )
}
