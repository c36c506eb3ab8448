/** Reporting a topic or a comment: why (one tap) and, if you like, a few words for the liaison. Three reports hide it until reviewed. */
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ChipPicker from '@/components/chip-picker'

export type Reason = 'spam' | 'abuse' | 'false' | 'privacy' | 'other'
const REASONS: { key: Reason; label: string }[] = [
  { key: 'spam', label: '广告或刷屏' },
  { key: 'abuse', label: '辱骂、人身攻击' },
  { key: 'false', label: '内容不实' },
  { key: 'privacy', label: '泄露他人隐私' },
  { key: 'other', label: '其他' },
]

export interface ReportPanelProps {
  what: string
  busy: boolean
  send: (reason: Reason, note: string) => void
  cancel: () => void
}

export default function ReportPanel({ what, busy, send, cancel }: ReportPanelProps) {
  const [reason, setReason] = useState<Reason | null>(null)
  const [note, setNote] = useState('')
  return (
    <View className="report-panel" id="report-panel">
      <Text className="report-panel__title">举报{what}</Text>
      <Text className="meta-text">3 位小哥举报后会先隐藏，等联络员审核。请如实选择原因。</Text>
      <ChipPicker options={REASONS} selected={reason ? [reason] : []} onPick={setReason} className="report-panel__reasons" />
      <Input
        className="form-input"
        type="text"
        maxlength={100}
        value={note}
        placeholder="补充说明（可不填）"
        onInput={(e) => setNote(e.detail.value)}
      />
      <View className="button-row">
        <Button className="button-secondary button-row__item" hoverClass="button-secondary--hover" onClick={cancel}>
          取消
        </Button>
        <Button
          className="button-primary button-row__item"
          hoverClass="button-primary--hover"
          disabled={!reason || busy || undefined}
          onClick={() => reason && send(reason, note.trim())}
        >
          提交举报
        </Button>
      </View>
    </View>
  )
}
