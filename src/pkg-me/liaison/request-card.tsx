/**
 * One verification request: who, what, the badge photo — shown only once WeChat's photo check has
 * passed (until then: 照片正在安全检查) — and 通过 / 不通过 with a reason (picked or written).
 */
import type { VerificationItem } from '@cloud/users/contract'
import { Button, Image, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import ChipPicker from '@/components/chip-picker'
import { decideVerification } from '@/services/users'

const REASONS = ['照片看不清', '看不出是本人', '不是本群骑手'].map((r) => ({ key: r, label: r }))

export function waiting(minutes: number): string {
  if (minutes < 60) return `等了 ${minutes} 分钟`
  if (minutes < 48 * 60) return `等了 ${Math.floor(minutes / 60)} 小时`
  return `等了 ${Math.floor(minutes / 1440)} 天`
}

function Photo({ item }: { item: VerificationItem }) {
  if (item.photoState === 'ready' && item.photoUrl) {
    const url = item.photoUrl
    return <Image className="request__photo" src={url} mode="aspectFit" onClick={() => void Taro.previewImage({ urls: [url] })} />
  }
  const text =
    item.photoState === 'checking'
      ? '照片正在做安全检查，通过后显示在这里（一般几分钟）。'
      : '没有可看的照片（没有上传，或没通过安全检查已删除）。可以在群里核实，或选“不通过”请他重新拍。'
  return <Text className="request__photo-note">{text}</Text>
}

export default function RequestCard({ item, onDone }: { item: VerificationItem; onDone: () => void }) {
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function decide(approve: boolean) {
    setError(null)
    if (!approve && reason.trim().length < 2) return setError('请写明不通过的原因')
    setBusy(true)
    const r = await decideVerification(item.id, approve, approve ? undefined : reason.trim())
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    void Taro.showToast({ title: approve ? '已通过' : '已驳回', icon: 'none' })
    onDone()
  }
  const off = busy ? true : undefined
  return (
    <Card className="request">
      <View className="request__head">
        <Text className="request__name">{item.nickname}</Text>
        <Text className="request__wait">{waiting(item.waitingMinutes)}</Text>
      </View>
      <Text className="request__meta">{[item.workType, item.platform, item.phone].filter(Boolean).join(' · ')}</Text>
      <Photo item={item} />
      {rejecting ? (
        <View className="request__reasons">
          <ChipPicker options={REASONS} selected={[reason]} onPick={setReason} />
          <Input
            className="form-input request__reason"
            value={reason}
            maxlength={60}
            placeholder="或写下原因"
            onInput={(e) => setReason(e.detail.value)}
          />
        </View>
      ) : null}
      {error ? <Text className="form-error request__error">{error}</Text> : null}
      <View className="button-row">
        <Button className="button-secondary button-row__item request__reject" onClick={() => setRejecting(!rejecting)}>
          {rejecting ? '取消' : '不通过'}
        </Button>
        {rejecting ? (
          <Button className="button-primary button-row__item request__reject-confirm" disabled={off} onClick={() => void decide(false)}>
            确认不通过
          </Button>
        ) : (
          <Button
            className="button-primary button-row__item request__approve"
            hoverClass="button-primary--hover"
            disabled={off || item.photoState === 'checking' ? true : undefined}
            onClick={() => void decide(true)}
          >
            通过
          </Button>
        )}
      </View>
    </Card>
  )
}
