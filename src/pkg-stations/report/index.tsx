/**
 * 反映问题: pick what is wrong (到点没开门, 微波炉坏了, 药品过期, 没有水, 充电器坏了 …), add a
 * note or a photo if you like, send. The same open problem reported by others is merged (+1 per
 * rider); staff and the liaison are told; you see the outcome on the station and in 我的.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/media/video/wx.chooseMedia.html
 */

import type { ProblemKind, ServiceKey } from '@cloud/stations/contract'
import { Button, Image, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { getStation, reportProblem } from '@/services/stations/stations'
import { uploadImage } from '@/services/storage/upload-image'
import { askSubscribe } from '@/services/users/subscribe'
import './index.scss'
import PrivacyPopup from '@/components/privacy-popup'

interface Choice {
  service: ServiceKey | null
  kind: ProblemKind
  label: string
}

export default function ReportPage() {
  const { params } = useRouter()
  const stationId = params.stationId ?? ''
  const fetcher = useCallback(() => getStation(stationId), [stationId])
  const { state, reload } = useCloudQuery(fetcher)
  const [choice, setChoice] = useState<Choice | null>(null)
  const [note, setNote] = useState('')
  const [photo, setPhoto] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [done, setDone] = useState<string | null>(null)

  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const s = state.data

  async function pickPhoto() {
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
      setPhoto(res.tempFilePaths[0] ?? null)
    } catch {
      // cancelled
    }
  }

  async function send() {
    if (!choice || sending) return
    setSending(true)
    // Ask (from this tap, as WeChat requires) to be told the outcome; the in-app notice is sent anyway.
    await askSubscribe([s.templates.problemResolved])
    let photoFileId: string | null = null
    if (photo) {
      try {
        photoFileId = await uploadImage(photo, 'reports')
      } catch (err) {
        setSending(false)
        void Taro.showModal({
          title: '照片没有传上去',
          content: `${(err as Error).message}。也可以去掉照片直接提交。`,
          showCancel: false,
          confirmText: '知道了',
        })
        return
      }
    }
    const r = await reportProblem({
      stationId,
      service: choice.service,
      kind: choice.kind,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(photoFileId ? { photoFileId } : {}),
    })
    setSending(false)
    if (!r.ok) {
      void Taro.showModal({ title: '没有提交成功', content: r.error.message, showCancel: false, confirmText: '知道了' })
      return
    }
    setDone(
      r.data.outcome === 'created'
        ? '已经告诉驿站工作人员和联络员，处理好了会通知你。'
        : r.data.outcome === 'merged'
          ? `已有 ${r.data.count} 位小哥反映了同样的问题，已为你记上一票，处理好了会通知你。`
          : '你已经反映过这个问题了，处理好了会通知你。',
    )
  }

  if (done) {
    return (
      <View className="page">
        <StateView
          kind="empty"
          glyph="✓"
          title="谢谢你的反映"
          description={done}
          actionText="返回驿站"
          onAction={() => void Taro.navigateBack()}
        />
      </View>
    )
  }

  return (
    <View className="page report">
      <PrivacyPopup />
      <View className="page__body">
        <Text className="page-lead__title">{s.name}</Text>
        <Text className="page-lead__text">哪里有问题？点一下就行。</Text>
        <SectionHeader title="选择问题" />
        <Card>
          {s.reportOptions.map((o) => {
            const on = choice?.service === o.service && choice?.kind === o.kind
            return (
              <View
                key={`${o.service}-${o.kind}`}
                className={`report__option${on ? ' report__option--on' : ''}`}
                hoverClass="report__option--pressed"
                onClick={() => setChoice(o)}
                ariaRole="radio"
                ariaLabel={o.label}
              >
                <View className="report__radio">{on ? <View className="report__dot" /> : null}</View>
                <Text className="report__label">{o.label}</Text>
              </View>
            )
          })}
        </Card>
        <SectionHeader title="补充说明（可不填）" />
        <Card>
          <Textarea
            className="report__note"
            value={note}
            maxlength={100}
            placeholder="比如：插上没反应"
            onInput={(e) => setNote(e.detail.value)}
          />
          {photo ? (
            <View className="report__photo-row">
              <Image className="report__photo" src={photo} mode="aspectFill" />
              <Button className="button-secondary" hoverClass="button-secondary--hover" onClick={() => setPhoto(null)}>
                删除照片
              </Button>
            </View>
          ) : (
            <Button className="button-secondary report__add-photo" hoverClass="button-secondary--hover" onClick={() => void pickPhoto()}>
              拍照 / 选照片
            </Button>
          )}
        </Card>
        <Button
          className="button-primary report__send"
          hoverClass="button-primary--hover"
          disabled={!choice || sending || undefined}
          onClick={() => void send()}
        >
          {sending ? '正在提交…' : choice ? `提交：${choice.label}` : '请先选择问题'}
        </Button>
      </View>
    </View>
  )
}
