/** The conversation of a question: the rider's question first, then each message, the liaison's on the left. */
import type { QuestionDetail } from '@cloud/fronts/contract'
import { Text, View } from '@tarojs/components'
import { timeText } from '@/services/fronts/labels'
import PhotoGrid from '../components/photo-grid'

const KIND = { answer: '回答', askBack: '请补充', reply: '补充', close: '' } as const

export default function Thread({ q }: { q: QuestionDetail }) {
  return (
    <View className="fr-thread">
      <View className="fr-bubble fr-bubble--rider">
        <Text className="fr-bubble__who">
          {q.me.isAsker ? '我' : (q.askerName ?? '提问人')} · {timeText(q.createdAt)}
        </Text>
        <Text className="fr-bubble__text" userSelect>
          {q.text}
        </Text>
        <PhotoGrid photos={q.photos} />
      </View>
      {q.thread.map((m) =>
        m.kind === 'close' ? (
          <Text key={m.id} className="fr-thread__closed">
            {m.authorName} 结束了这个问题 · {timeText(m.at)}
          </Text>
        ) : (
          <View key={m.id} className={`fr-bubble fr-bubble--${m.by}`}>
            <Text className="fr-bubble__who">
              {m.by === 'liaison' ? `联络员 ${m.authorName}` : q.me.isAsker ? '我' : m.authorName} · {KIND[m.kind]} · {timeText(m.at)}
            </Text>
            <Text className="fr-bubble__text" userSelect>
              {m.text}
            </Text>
            <PhotoGrid photos={m.photos} />
          </View>
        ),
      )}
    </View>
  )
}
