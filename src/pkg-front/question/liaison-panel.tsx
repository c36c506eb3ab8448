/**
 * The liaison's tools on a question: answer (with 常用回复), answer and close, ask the rider for more
 * (the clock waits), close, and turn a good answer into an FAQ entry. The admin on duty reads only.
 */
import type { QuestionDetail } from '@cloud/fronts/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import { answer, askBack, closeQuestion } from '@/services/fronts'
import FaqForm from './faq-form'
import ReplyBox from './reply-box'
import SavedPicker from './saved-picker'

type Run = (fn: () => Promise<string | null>) => void
type Sent = { ok: boolean; error?: { message: string } }

/** 回复 / 回复并结束 / 请他补充. Secondary buttons are never disabled (a greyed outline reads as nothing): an empty box is said. */
function AnswerButtons({
  q,
  t,
  run,
  busy,
  saved,
  done,
}: {
  q: QuestionDetail
  t: string
  run: Run
  busy: boolean
  saved?: string
  done: (r: Sent) => string | null
}) {
  const send = (close: boolean) =>
    run(async () => (t ? done(await answer({ questionId: q.id, text: t, savedReplyId: saved, close })) : '先写回复内容'))
  return (
    <>
      <View className="button-row">
        <Button
          className="button-primary button-row__item fr-liaison__answer"
          disabled={!t || busy || undefined}
          onClick={() => send(false)}
        >
          回复
        </Button>
        <Button className="button-secondary button-row__item fr-liaison__answer-close" onClick={() => send(true)}>
          回复并结束
        </Button>
      </View>
      <Button
        className="button-secondary fr-liaison__askback"
        onClick={() => run(async () => (t ? done(await askBack(q.id, t)) : '先写想请他补充什么'))}
      >
        请他补充（期间不计时）
      </Button>
    </>
  )
}

function FaqCard({ q, onChanged }: { q: QuestionDetail; onChanged: () => void }) {
  const [open, setOpen] = useState(false)
  return (
    <Card>
      {open ? (
        <FaqForm
          q={q}
          onDone={() => {
            setOpen(false)
            onChanged()
          }}
        />
      ) : (
        <View className="fr-row fr-liaison__faq" hoverClass="fr-row--pressed" onClick={() => setOpen(true)}>
          <View className="fr-row__main">
            <Text className="fr-row__title">整理成常见问题</Text>
            <Text className="fr-row__text">别人也常问？发到群的常见问题里，不带提问人</Text>
          </View>
          <Text className="fr-row__chevron">›</Text>
        </View>
      )}
    </Card>
  )
}

export default function LiaisonPanel({ q, onChanged }: { q: QuestionDetail; onChanged: () => void }) {
  const [text, setText] = useState('')
  const [saved, setSaved] = useState<string | undefined>(undefined)
  if (!q.me.canAnswer && !q.me.canPublishFaq) {
    return q.me.isAsker ? null : <Text className="fr-note fr-liaison__readonly">你是值班管理员，可以看问题；回答由联络员来。</Text>
  }
  const done = (r: Sent) => {
    if (!r.ok) return r.error?.message ?? '没有发出去'
    setText('')
    setSaved(undefined)
    onChanged()
    return null
  }
  async function close() {
    const r = await closeQuestion(q.id)
    if (r.ok) onChanged()
    else void Taro.showToast({ title: r.error.message, icon: 'none' })
  }
  return (
    <>
      {q.me.canAnswer ? (
        <Card>
          <SavedPicker
            onPick={(r) => {
              setText(r.text)
              setSaved(r.id)
            }}
          />
          <ReplyBox
            placeholder="写回复，提问人会收到通知"
            text={text}
            onText={setText}
            actions={(t, run, busy) => <AnswerButtons q={q} t={t} run={run} busy={busy} saved={saved} done={done} />}
          />
        </Card>
      ) : null}
      {q.me.canPublishFaq ? <FaqCard q={q} onChanged={onChanged} /> : null}
      {q.me.canAnswer ? (
        <Button className="button-secondary fr-liaison__close" onClick={() => void close()}>
          不用再回复，结束这个问题
        </Button>
      ) : null}
    </>
  )
}
