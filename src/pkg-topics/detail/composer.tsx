/** Writing a comment, a reply or an edit: the stance (支持 / 中立 / 反对) and the words. */
import { Button, Text, Textarea, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import ChipPicker from '@/components/chip-picker'
import type { CommentView } from '@/services/topics'

export type Stance = CommentView['stance']
const STANCES: { key: Stance; label: string }[] = [
  { key: 'support', label: '支持' },
  { key: 'neutral', label: '中立' },
  { key: 'oppose', label: '反对' },
]

export interface Draft {
  replyTo: CommentView | null
  editing: CommentView | null
}

export interface ComposerProps {
  draft: Draft
  busy: boolean
  send: (text: string, stance: Stance) => Promise<boolean>
  cancel: () => void
}

export default function Composer({ draft, busy, send, cancel }: ComposerProps) {
  const [text, setText] = useState('')
  const [stance, setStance] = useState<Stance>('support')
  useEffect(() => setText(draft.editing?.text ?? ''), [draft.editing])
  const editing = Boolean(draft.editing)
  const ok = text.trim().length >= 2
  return (
    <View className="composer" id="composer">
      {draft.replyTo ? (
        <Text className="composer__to">
          回复 {draft.replyTo.authorName}：{draft.replyTo.text.slice(0, 30)}
        </Text>
      ) : null}
      {editing ? <Text className="composer__to">修改我的评论（发出 10 分钟内可改）</Text> : null}
      {editing ? null : <ChipPicker options={STANCES} selected={[stance]} onPick={setStance} className="composer__stance" />}
      <Textarea
        className="form-textarea composer__text"
        value={text}
        maxlength={300}
        placeholder={draft.replyTo ? '写下你的回复' : '说说你的看法或补充情况（大家都看得到）'}
        onInput={(e) => setText(e.detail.value)}
      />
      <View className="button-row">
        {draft.replyTo || editing ? (
          <Button className="button-secondary button-row__item" hoverClass="button-secondary--hover" onClick={cancel}>
            取消
          </Button>
        ) : null}
        <Button
          className="button-primary button-row__item composer__send"
          hoverClass="button-primary--hover"
          disabled={!ok || busy || undefined}
          onClick={() => void send(text.trim(), stance).then((sent) => sent && setText(''))}
        >
          {busy ? '正在发送…' : editing ? '保存修改' : '发表'}
        </Button>
      </View>
      {!ok && text ? <Text className="meta-text">至少写 2 个字</Text> : null}
    </View>
  )
}
