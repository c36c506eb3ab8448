/**
 * Changes within a stage: the answer date moved later (with a reason; the first date stays public),
 * a progress milestone with photos (落实中), the council session changed (议事中) and who signed up.
 */
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { sessionRoster, type TopicDetail } from '@/services/topics'
import { dateOf, plusDays } from '../dates'
import { timeText } from '../format'
import { DateField, LongText, PhotosField, TextField } from './fields'
import { SubmitButton } from './move-forms'

export interface ExtraProps {
  topic: TopicDetail
  busy: boolean
  send: (what: 'deadline' | 'milestone' | 'session', params: Record<string, unknown>, photos?: string[]) => void
}

export function DeadlineForm({ topic: t, busy, send }: ExtraProps) {
  const due = t.clock.dueDate ?? dateOf(t.now)
  const [date, setDate] = useState(plusDays(due, 7))
  const [reason, setReason] = useState('')
  return (
    <>
      <Text className="form-hint">延期会公开显示原定日期和理由。</Text>
      <DateField label="新的答复期限" value={date} start={plusDays(due, 1)} end={plusDays(dateOf(t.now), 90)} set={setDate} />
      <TextField label="延期理由" value={reason} max={200} hint="如：要等物业开会" set={setReason} />
      <SubmitButton
        label="延后期限"
        problem={reason.trim().length < 4 ? '请写明延期理由' : null}
        busy={busy}
        onClick={() => send('deadline', { dueDate: date, reason: reason.trim() })}
      />
    </>
  )
}

export function MilestoneForm({ busy, send }: ExtraProps) {
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  return (
    <>
      <LongText label="这一步做了什么（公开）" value={text} max={300} set={setText} />
      <PhotosField photos={photos} set={setPhotos} />
      <SubmitButton
        label="发布进展"
        problem={text.trim().length < 4 ? '请写明进展' : null}
        busy={busy}
        onClick={() => send('milestone', { text: text.trim() }, photos)}
      />
    </>
  )
}

export function SessionForm({ topic: t, busy, send }: ExtraProps) {
  const s = t.session
  const [place, setPlace] = useState(s?.place ?? '')
  const [seats, setSeats] = useState(String(s?.seats ?? 20))
  const [reason, setReason] = useState('')
  if (!s) return null
  const n = Number(seats)
  const problem =
    !Number.isInteger(n) || n < s.signedUp ? `座位不能少于已报名的 ${s.signedUp} 人` : reason.trim().length < 2 ? '请写明改动原因' : null
  return (
    <>
      <TextField label="地点" value={place} max={40} set={setPlace} />
      <TextField label="座位数" value={seats} max={3} number set={setSeats} />
      <TextField label="改动原因（告诉报名的人）" value={reason} max={100} set={setReason} />
      <SubmitButton
        label="保存议事会"
        problem={problem}
        busy={busy}
        onClick={() =>
          send('session', {
            ...(place.trim() !== s.place ? { place: place.trim() } : {}),
            ...(n !== s.seats ? { seats: n } : {}),
            reason: reason.trim(),
          })
        }
      />
    </>
  )
}

export function Roster({ topicId }: { topicId: string }) {
  const { state } = useCloudQuery(useCallback(() => sessionRoster(topicId), [topicId]))
  if (state.status !== 'ready') return <Text className="form-hint">{state.status === 'error' ? state.error.message : '正在加载名单…'}</Text>
  const r = state.data
  return (
    <View>
      <Text className="manage__code">签到码 {r.session.code}</Text>
      <Text className="form-hint">开会时念给大家，报名的人在议题页输入签到。</Text>
      {r.people.length === 0 ? <Text className="form-hint">还没有人报名。</Text> : null}
      {r.people.map((p) => (
        <View key={`${p.name}${p.signedUpAt}`} className="divided-row manage__person">
          <Text>{p.name}</Text>
          <Text className={p.checkedInAt ? 'tag tag--success' : 'tag'}>
            {p.checkedInAt ? `${timeText(p.checkedInAt).slice(-5)} 到场` : '未到'}
          </Text>
        </View>
      ))}
    </View>
  )
}
