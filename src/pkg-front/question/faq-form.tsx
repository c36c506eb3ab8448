/**
 * 整理成常见问题: the question and the answer rewritten for the whole group. The asker is left out —
 * the server takes their nickname and phone out of both texts too.
 */
import type { QuestionDetail } from '@cloud/fronts/contract'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { publishFaq } from '@/services/fronts'

export default function FaqForm({ q, onDone }: { q: QuestionDetail; onDone: () => void }) {
  const lastAnswer = [...q.thread].reverse().find((m) => m.kind === 'answer')
  const [question, setQuestion] = useState(q.text)
  const [answer, setAnswer] = useState(lastAnswer?.text ?? '')
  const [error, setError] = useState<string | null>(null)
  async function send() {
    const r = await publishFaq({ questionId: q.id, question: question.trim(), answer: answer.trim() })
    if (!r.ok) return setError(r.error.message)
    void Taro.showToast({ title: '已加到常见问题', icon: 'none' })
    onDone()
  }
  return (
    <View className="fr-faqform">
      <Text className="form-hint">大家都会看到。不要写提问人是谁；提问人的昵称和手机号会自动去掉。</Text>
      <Text className="form-label">问题</Text>
      <Textarea
        className="form-textarea fr-textarea fr-faqform__q"
        value={question}
        maxlength={120}
        onInput={(e) => setQuestion(e.detail.value)}
      />
      <Text className="form-label">回答</Text>
      <Textarea
        className="form-textarea fr-textarea fr-faqform__a"
        value={answer}
        maxlength={800}
        onInput={(e) => setAnswer(e.detail.value)}
      />
      {error ? <Text className="form-error">{error}</Text> : null}
      <Button
        className="button-primary form-submit fr-faqform__send"
        disabled={question.trim().length < 4 || answer.trim().length < 4 || undefined}
        onClick={() => void send()}
      >
        发布到常见问题
      </Button>
    </View>
  )
}
