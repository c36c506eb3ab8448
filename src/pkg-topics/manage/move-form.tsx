/** The form of the chosen move. */
import type { MoveParams, TopicDetail, TopicStatus } from '@/services/topics'
import { DoneForm, ImplementForm, WithdrawForm } from './close-forms'
import { AcceptForm, AnswerForm, DeliberateForm } from './move-forms'

export interface Props {
  move: TopicStatus
  topic: TopicDetail
  busy: boolean
  submit: (params: MoveParams, photos?: string[]) => void
}

export default function MoveForm({ move, topic, busy, submit }: Props) {
  const p = { topicId: topic.id, now: topic.now, busy, submit }
  switch (move) {
    case 'accepted':
      return <AcceptForm {...p} />
    case 'deliberating':
      return <DeliberateForm {...p} />
    case 'answered':
      return <AnswerForm {...p} />
    case 'implementing':
      return <ImplementForm {...p} />
    case 'done':
      return <DoneForm {...p} />
    case 'withdrawn':
      return <WithdrawForm {...p} topic={topic} />
    default:
      return null
  }
}
