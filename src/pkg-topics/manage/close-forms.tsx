/** 开始落实 (a plan, photos), 办结 (what was done, photos), 撤回 (why; a duplicate is merged into another live topic). */
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ChipPicker from '@/components/chip-picker'
import { listTopics, type TopicDetail, type TopicRow } from '@/services/topics'
import { LongText, PhotosField } from './fields'
import { type MoveFormProps, SubmitButton } from './move-forms'

export function ImplementForm({ topicId, busy, submit }: MoveFormProps) {
  const [plan, setPlan] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  return (
    <>
      <LongText label="落实计划" value={plan} max={300} hint="先做什么、什么时候、谁来做" set={setPlan} />
      <PhotosField photos={photos} set={setPhotos} />
      <SubmitButton
        label="开始落实"
        problem={plan.trim().length < 4 ? '请写明落实计划' : null}
        busy={busy}
        onClick={() => submit({ topicId, to: 'implementing', plan: plan.trim() }, photos)}
      />
    </>
  )
}

export function DoneForm({ topicId, busy, submit }: MoveFormProps) {
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  return (
    <>
      <LongText label="办结情况（公开）" value={note} max={300} hint="做成了什么，小哥们现在怎么用" set={setNote} />
      <PhotosField photos={photos} set={setPhotos} />
      <SubmitButton
        label="办结"
        problem={note.trim().length < 4 ? '请写明办结情况' : null}
        busy={busy}
        onClick={() => submit({ topicId, to: 'done', note: note.trim() }, photos)}
      />
    </>
  )
}

const KIND_LABEL = { duplicate: '重复议题（合并）', not_feasible: '暂不具备条件', solved: '问题已解决' } as const

export function WithdrawForm({ topic, busy, submit }: MoveFormProps & { topic: TopicDetail }) {
  const [kind, setKind] = useState<TopicDetail['withdrawKinds'][number] | null>(null)
  const [reason, setReason] = useState('')
  const [words, setWords] = useState('')
  const [found, setFound] = useState<TopicRow[]>([])
  const [target, setTarget] = useState<string | null>(null)
  const search = async () => {
    const r = await listTopics({ q: words.trim(), status: 'live', limit: 10 })
    if (r.ok) setFound(r.data.topics.filter((t) => t.id !== topic.id))
  }
  const problem = !kind
    ? '请选撤回原因'
    : reason.trim().length < 4
      ? '请写明理由'
      : kind === 'duplicate' && !target
        ? '请选要合并到的议题'
        : null
  return (
    <>
      {topic.answerRequired ? <Text className="form-hint">这个议题支持人数已达门槛，须书面答复：只能作为重复议题合并。</Text> : null}
      <ChipPicker
        options={topic.withdrawKinds.map((k) => ({ key: k, label: KIND_LABEL[k] }))}
        selected={kind ? [kind] : []}
        onPick={setKind}
        className="manage__chips"
      />
      {kind === 'duplicate' ? (
        <View className="manage__merge">
          <Input
            className="form-input"
            type="text"
            maxlength={30}
            value={words}
            placeholder="搜索要合并到的议题"
            onInput={(e) => setWords(e.detail.value)}
            onConfirm={() => void search()}
          />
          <Button
            className="button-secondary button-wide"
            hoverClass="button-secondary--hover"
            disabled={!words.trim() || undefined}
            onClick={() => void search()}
          >
            查找议题
          </Button>
          <ChipPicker
            options={found.map((t) => ({ key: t.id, label: t.title }))}
            selected={target ? [target] : []}
            onPick={setTarget}
            className="manage__chips"
          />
        </View>
      ) : null}
      <LongText label="理由（公开，告诉提出人和支持的人）" value={reason} max={300} set={setReason} />
      <SubmitButton
        label="撤回"
        problem={problem}
        busy={busy}
        onClick={() =>
          kind &&
          submit({
            topicId: topic.id,
            to: 'withdrawn',
            kind,
            reason: reason.trim(),
            ...(kind === 'duplicate' && target ? { mergeInto: target } : {}),
          })
        }
      />
    </>
  )
}
