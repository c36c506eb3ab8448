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

export default function LiaisonPanel({ q, onChanged }: { q: QuestionDetail; onChanged: () => void }) {
  const [text, setText] = useState('')
  const [saved, setSaved] = useState<string | undefined>(undefined)
  const [faq, setFaq] = useState(false)
  if (!q.me.canAnswer && !q.me.canPublishFaq) {
    return q.me.isAsker ? null : <Text className="fr-note fr-liaison__readonly">你是值班管理员，可以看问题；回答由联络员来。</Text>
  }
  const done = (r: { ok: boolean; error?: { message: string } }) => {
    if (!r.ok) return r.error?.message ?? '没有发出去'
    setText('')
    setSaved(undefined)
    onChanged()
    return null
  }
  const actions = (t: string, run: Run, busy: boolean) => (
    <>
      <View className="button-row">
        <Button
          className="button-primary button-row__item fr-liaison__answer"
          disabled={!t || busy || undefined}
          onClick={() => run(async () => done(await answer({ questionId: q.id, text: t, savedReplyId: saved })))}
        >
          回复
        </Button>
        <Button
          className="button-secondary button-row__item fr-liaison__answer-close"
          disabled={!t || busy || undefined}
          onClick={() => run(async () => done(await answer({ questionId: q.id, text: t, savedReplyId: saved, close: true })))}
        >
          回复并结束
        </Button>
      </View>
      <Button
        className="button-secondary fr-liaison__askback"
        disabled={!t || busy || undefined}
        onClick={() => run(async () => done(await askBack(q.id, t)))}
      >
        请他补充（期间不计时）
      </Button>
    </>
  )
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
          <ReplyBox placeholder="写回复，提问人会收到通知" text={text} onText={setText} actions={actions} />
        </Card>
      ) : null}
      {q.me.canPublishFaq ? (
        <Card>
          {faq ? (
            <FaqForm
              q={q}
              onDone={() => {
                setFaq(false)
                onChanged()
              }}
            />
          ) : (
            <View className="fr-row" hoverClass="fr-row--pressed" onClick={() => setFaq(true)}>
              <View className="fr-row__main">
                <Text className="fr-row__title">整理成常见问题</Text>
                <Text className="fr-row__text">别人也常问？发到群的常见问题里，不带提问人</Text>
              </View>
              <Text className="fr-row__chevron">›</Text>
            </View>
          )}
        </Card>
      ) : null}
      {q.me.canAnswer ? (
        <Button className="button-secondary fr-liaison__close" onClick={() => void close()}>
          不用再回复，结束这个问题
        </Button>
      ) : null}
    </>
  )
}
