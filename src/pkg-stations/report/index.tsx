/**
 * 反映问题: pick what is wrong (到点没开门 only while the station should be open, 微波炉坏了, 药品过期,
 * 没有水, 充电器坏了 …), add a note or a photo if you like, send. The same open problem reported by
 * others is merged (+1 per rider); staff and the liaison are told; you see the outcome on the station
 * and in 我的. A station closed for now takes no reports: the page says so.
 */
import type { ReportOption } from '@cloud/stations/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import PrivacyPopup from '@/components/privacy-popup'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { getStation } from '@/services/stations/stations'
import ProblemOptions from './problem-options'
import ReportExtras from './report-extras'
import { submitReport } from './submit'
import './index.scss'
import NoStation from '../no-station'

const back = () => void Taro.navigateBack()

export default function ReportPage() {
  const stationId = useRouter().params.stationId ?? ''
  const { state, reload } = useCloudQuery(useCallback(() => getStation(stationId), [stationId]))
  const [choice, setChoice] = useState<ReportOption | null>(null)
  const [note, setNote] = useState('')
  const [photo, setPhoto] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [done, setDone] = useState<string | null>(null)

  if (!stationId) return <NoStation />
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const s = state.data
  if (done) return <StateView kind="empty" glyph="✓" title="谢谢你的反映" description={done} actionText="返回驿站" onAction={back} />
  if (!s.reportOptions.length)
    return (
      <StateView
        kind="empty"
        glyph="停"
        title="驿站暂停开放"
        description={`${s.hint}。恢复开放后才能反映问题。`}
        actionText="返回驿站"
        onAction={back}
      />
    )

  async function send() {
    if (!choice || sending) return
    setSending(true)
    const sent = await submitReport({ stationId, template: s.templates.problemResolved, choice, note, photo })
    setSending(false)
    if (sent.ok) setDone(sent.text)
    else void Taro.showModal({ title: sent.title, content: sent.text, showCancel: false, confirmText: '知道了' })
  }

  return (
    <View className="page report">
      <PrivacyPopup />
      <View className="page__body">
        <Text className="page-lead__title">{s.name}</Text>
        <Text className="page-lead__text">哪里有问题？点一下就行。</Text>
        <SectionHeader title="选择问题" />
        <Card>
          <ProblemOptions options={s.reportOptions} chosen={choice} onChoose={setChoice} />
        </Card>
        <SectionHeader title="补充说明（可不填）" />
        <Card>
          <ReportExtras note={note} onNote={setNote} photo={photo} onPhoto={setPhoto} />
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
