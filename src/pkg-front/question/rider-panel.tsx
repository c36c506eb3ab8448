/** The asker's tools: add to the question (text, photos), say whether the answer helped, close it. */
import type { QuestionDetail } from '@cloud/fronts/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import { closeQuestion, markHelpful, reply } from '@/services/fronts'
import { uploadImage } from '@/services/storage/upload-image'
import ReplyBox from './reply-box'

async function sendReply(q: QuestionDetail, text: string, photos: { src: string }[]): Promise<string | null> {
  const ids: string[] = []
  try {
    for (const p of photos) ids.push(await uploadImage(p.src, 'questions'))
  } catch (err) {
    return (err as Error).message
  }
  const r = await reply({ questionId: q.id, text, ...(ids.length ? { photos: ids } : {}) })
  return r.ok ? null : r.error.message
}

function Helpful({ q, onChanged }: { q: QuestionDetail; onChanged: () => void }) {
  async function mark(helpful: boolean) {
    const r = await markHelpful(q.id, helpful)
    if (!r.ok) return void Taro.showToast({ title: r.error.message, icon: 'none' })
    void Taro.showToast({ title: helpful ? '谢谢！联络员会看到' : '收到，可以接着问', icon: 'none' })
    onChanged()
  }
  return (
    <View className="fr-helpful">
      <Text className="fr-row__title">回答有帮到你吗？</Text>
      <View className="button-row">
        <Button
          className={`${q.helpful === true ? 'button-primary' : 'button-secondary'} button-row__item fr-helpful__yes`}
          onClick={() => void mark(true)}
        >
          有帮助
        </Button>
        <Button
          className={`${q.helpful === false ? 'button-primary' : 'button-secondary'} button-row__item fr-helpful__no`}
          onClick={() => void mark(false)}
        >
          没帮到
        </Button>
      </View>
    </View>
  )
}

export default function RiderPanel({ q, onChanged }: { q: QuestionDetail; onChanged: () => void }) {
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<{ key: string; src: string }[]>([])
  async function close() {
    const ok = await Taro.showModal({ title: '结束这个问题？', content: '结束后不能再补充；有新问题可以重新问。' })
    if (!ok.confirm) return
    const r = await closeQuestion(q.id)
    if (r.ok) onChanged()
    else void Taro.showToast({ title: r.error.message, icon: 'none' })
  }
  return (
    <>
      {q.me.canMarkHelpful ? (
        <Card>
          <Helpful q={q} onChanged={onChanged} />
        </Card>
      ) : null}
      {q.me.canReply ? (
        <Card>
          <Text className="form-label">{q.state === 'rider' ? '补充情况' : '接着问 / 补充'}</Text>
          <ReplyBox
            placeholder={q.state === 'rider' ? '回答联络员的问题' : '还有什么要说的'}
            text={text}
            onText={setText}
            photos={photos}
            onPhotos={setPhotos}
            actions={(t, run, busy) => (
              <Button
                className="button-primary form-submit fr-rider__send"
                disabled={!t || busy || undefined}
                onClick={() =>
                  run(async () => {
                    const err = await sendReply(q, t, photos)
                    if (!err) {
                      setText('')
                      setPhotos([])
                      onChanged()
                    }
                    return err
                  })
                }
              >
                发送
              </Button>
            )}
          />
        </Card>
      ) : null}
      {q.me.canClose ? (
        <Button className="button-secondary fr-rider__close" onClick={() => void close()}>
          问题解决了，结束
        </Button>
      ) : null}
    </>
  )
}
