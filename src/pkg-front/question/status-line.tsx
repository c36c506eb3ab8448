/**
 * Where the question stands, in a sentence: waiting (how long, by when the first answer is due —
 * service hours only), asked back (the clock waits for you), answered, closed.
 */
import type { QuestionDetail } from '@cloud/fronts/contract'
import { Text } from '@tarojs/components'
import { minutesText, timeText } from '@/services/fronts/labels'

function sentence(q: QuestionDetail): string {
  if (q.state === 'closed') return '这个问题已经结束了。'
  if (q.state === 'answered') return q.me.isAsker ? '联络员已经回复。还有疑问可以接着问。' : '已回复，等提问人看。'
  if (q.state === 'rider') return q.me.isAsker ? '联络员想请你补充一点情况，补充后会接着处理。' : '等提问人补充情况（这段时间不计时）。'
  if (q.waitingMinutes === 0 && q.dueAt)
    return q.me.isAsker ? `联络员会在 ${timeText(q.dueAt)} 前回复。` : `请在 ${timeText(q.dueAt)} 前回复（回复时间才计时）。`
  const waited = `已经等了 ${minutesText(q.waitingMinutes)}（按联络员回复时间算）`
  if (q.due === 'breached') return `${waited}，超过了 ${minutesText(q.targetMinutes)}的回复目标。`
  const due = q.dueAt ? `，${timeText(q.dueAt)} 前回复` : ''
  return `${waited}${due}。`
}

export default function StatusLine({ q }: { q: QuestionDetail }) {
  const tone =
    q.state === 'waiting' && q.due && q.due !== 'ok' ? ' fr-status--late' : q.state === 'rider' && q.me.isAsker ? ' fr-status--you' : ''
  return <Text className={`fr-status${tone}`}>{sentence(q)}</Text>
}
