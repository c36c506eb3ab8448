/**
 * The forms of the first moves: 受理 (the answer date, public from now on), 安排议事会 (when, where,
 * seats), 答复 (采纳 / 部分采纳 / 不采纳, why, who is responsible). Each checks what the function will
 * check, in words, before sending.
 */
import { Button, Text } from '@tarojs/components'
import { useState } from 'react'
import ChipPicker from '@/components/chip-picker'
import type { MoveParams } from '@/services/topics'
import { dateOf, plusDays, shanghaiAt } from '../dates'
import { DateField, LongText, TextField, TimeField } from './fields'

export interface MoveFormProps {
  topicId: string
  now: string
  busy: boolean
  submit: (params: MoveParams, photos?: string[]) => void
}

export function SubmitButton({
  label,
  problem,
  busy,
  onClick,
}: {
  label: string
  problem: string | null
  busy: boolean
  onClick: () => void
}) {
  return (
    <>
      <Button
        className="button-primary button-wide manage__submit"
        hoverClass="button-primary--hover"
        disabled={Boolean(problem) || busy || undefined}
        onClick={onClick}
      >
        {busy ? '正在提交…' : label}
      </Button>
      {problem ? <Text className="form-hint manage__problem">{problem}</Text> : null}
    </>
  )
}

export function AcceptForm({ topicId, now, busy, submit }: MoveFormProps) {
  const today = dateOf(now)
  const [due, setDue] = useState(plusDays(today, 14))
  return (
    <>
      <Text className="form-hint">受理后，答复期限会公开显示在议题上，到期没答复会标成“已逾期”。</Text>
      <DateField label="书面答复期限（含当天）" value={due} start={plusDays(today, 1)} end={plusDays(today, 90)} set={setDue} />
      <SubmitButton label="受理" problem={null} busy={busy} onClick={() => submit({ topicId, to: 'accepted', dueDate: due })} />
    </>
  )
}

export function DeliberateForm({ topicId, now, busy, submit }: MoveFormProps) {
  const today = dateOf(now)
  const [date, setDate] = useState(plusDays(today, 3))
  const [time, setTime] = useState('19:00')
  const [place, setPlace] = useState('')
  const [seats, setSeats] = useState('20')
  const n = Number(seats)
  const problem = place.trim().length < 2 ? '请写明议事会地点' : !Number.isInteger(n) || n < 1 || n > 500 ? '座位数 1–500' : null
  const at = shanghaiAt(date, time)
  return (
    <>
      <DateField label="议事会日期" value={date} start={today} end={plusDays(today, 180)} set={setDate} />
      <TimeField label="开始时间" value={time} set={setTime} />
      <TextField label="地点" value={place} max={40} hint="如：周浦镇社区党群服务中心 3 楼" set={setPlace} />
      <TextField label="座位数" value={seats} max={3} number set={setSeats} />
      <SubmitButton
        label="安排议事会，开放报名"
        problem={problem ?? (Date.parse(at) <= Date.parse(now) ? '议事会时间要晚于现在' : null)}
        busy={busy}
        onClick={() => submit({ topicId, to: 'deliberating', session: { at, place: place.trim(), seats: n } })}
      />
    </>
  )
}

const OUTCOMES = [
  { key: 'adopted' as const, label: '采纳' },
  { key: 'partial' as const, label: '部分采纳' },
  { key: 'rejected' as const, label: '不采纳' },
]

export function AnswerForm({ topicId, busy, submit }: MoveFormProps) {
  const [outcome, setOutcome] = useState<'adopted' | 'partial' | 'rejected' | null>(null)
  const [reasoning, setReasoning] = useState('')
  const [responsible, setResponsible] = useState('')
  const problem = !outcome
    ? '请选答复结果'
    : reasoning.trim().length < 10
      ? '请写明理由，至少 10 个字（不采纳也要写明为什么）'
      : responsible.trim().length < 2
        ? '请写明负责单位或负责人'
        : null
  return (
    <>
      <Text className="form-label">答复结果</Text>
      <ChipPicker options={OUTCOMES} selected={outcome ? [outcome] : []} onPick={setOutcome} className="manage__chips" />
      <LongText label="理由（公开，大家都看得到）" value={reasoning} max={1000} hint="议事会怎么商量的、为什么这样定" set={setReasoning} />
      <TextField label="负责单位 / 负责人" value={responsible} max={40} hint="如：周浦镇城运中心" set={setResponsible} />
      <SubmitButton
        label="发布答复"
        problem={problem}
        busy={busy}
        onClick={() =>
          outcome && submit({ topicId, to: 'answered', outcome, reasoning: reasoning.trim(), responsible: responsible.trim() })
        }
      />
    </>
  )
}
