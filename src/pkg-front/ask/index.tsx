/**
 * 问联络员 — a rider asks the group's liaison: what it is about (chips), the question, photos if they
 * help. Only the rider, the liaison and the admin on duty see it. When to expect an answer is said
 * plainly (service hours, the first-reply target); the FAQ is one tap away. The tap on 发送 also asks
 * WeChat's consent to tell the rider when the answer comes.
 */
import type { FrontView, QuestionCategory } from '@cloud/fronts/contract'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import Card from '@/components/card'
import ChipPicker from '@/components/chip-picker'
import PrivacyPopup from '@/components/privacy-popup'
import StateView from '@/components/state-view'
import { ask, getFront, newRequestId } from '@/services/fronts'
import { minutesText, QUESTION_CATEGORY, QUESTION_CATEGORY_ORDER } from '@/services/fronts/labels'
import { uploadImage } from '@/services/storage/upload-image'
import { askSubscribe } from '@/services/users/subscribe'
import PhotoPicker from '../components/photo-picker'
import NoGroup from '../front/no-group'
import { param, useFrontQuery } from '../utils/use-front-query'
import './index.scss'

interface Draft {
  category: QuestionCategory
  text: string
  photos: { key: string; src: string }[]
}

async function send(f: FrontView, draft: Draft, requestId: string): Promise<{ id: string } | string> {
  await askSubscribe([f.templates.answer])
  const photos: string[] = []
  try {
    for (const p of draft.photos) photos.push(await uploadImage(p.src, 'questions'))
  } catch (err) {
    return `${(err as Error).message}，也可以去掉照片再发`
  }
  const r = await ask({
    groupId: f.group.id,
    text: draft.text.trim(),
    category: draft.category,
    requestId,
    ...(photos.length ? { photos } : {}),
  })
  return r.ok ? { id: r.data.id } : r.error.message
}

function Faq({ f }: { f: FrontView }) {
  if (!f.faq.length) return null
  return (
    <Card className="fr-ask__faq">
      <Text className="fr-row__title">先看看常见问题，也许已经有答案：</Text>
      {f.faq.map((q) => (
        <View
          key={q.id}
          className="fr-row"
          hoverClass="fr-row--pressed"
          onClick={() => void Taro.navigateTo({ url: `/pkg-front/faq/index?groupId=${f.group.id}&open=${q.id}` })}
        >
          <Text className="fr-row__main fr-ask__faq-q">{q.question}</Text>
          <Text className="fr-row__chevron">›</Text>
        </View>
      ))}
    </Card>
  )
}

export default function AskPage() {
  const groupId = param(useRouter().params, 'groupId')
  const { state, reload } = useFrontQuery(useCallback(() => getFront(groupId), [groupId]))
  const [draft, setDraft] = useState<Draft>({ category: 'other', text: '', photos: [] })
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const requestId = useRef(newRequestId())

  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') {
    if (state.error.code === 'FAILED_PRECONDITION' || state.error.code === 'PERMISSION_DENIED') return <NoGroup code={state.error.code} />
    return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  }
  const f = state.data
  const ready = draft.text.trim().length >= 4
  async function submit() {
    if (!ready || sending) return
    setSending(true)
    setError(null)
    const r = await send(f, draft, requestId.current)
    setSending(false)
    if (typeof r === 'string') return setError(r)
    void Taro.redirectTo({ url: `/pkg-front/question/index?id=${r.id}&asked=1` })
  }
  return (
    <View className="page fr-ask">
      <PrivacyPopup />
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">问{f.liaison ? `联络员 ${f.liaison.name}` : '联络员'}</Text>
          <Text className="page-lead__text">
            回复时间 {f.serviceHoursText}，一般 {minutesText(f.targetMinutes)}内回复。只有你、联络员和值班管理员看得到。
          </Text>
        </View>
        <Faq f={f} />
        <Text className="form-label">是哪方面的事？</Text>
        <ChipPicker
          options={QUESTION_CATEGORY_ORDER.map((k) => ({ key: k, label: QUESTION_CATEGORY[k] }))}
          selected={[draft.category]}
          onPick={(k) => setDraft({ ...draft, category: k })}
        />
        <Text className="form-label fr-ask__label">想问什么？</Text>
        <Textarea
          className="form-textarea fr-textarea fr-ask__text"
          value={draft.text}
          maxlength={500}
          placeholder="说清楚发生了什么、在哪里、想要什么帮助"
          onInput={(e) => setDraft({ ...draft, text: e.detail.value })}
        />
        <PhotoPicker
          photos={draft.photos}
          max={3}
          onAdd={(paths) => setDraft({ ...draft, photos: [...draft.photos, ...paths.map((p) => ({ key: p, src: p }))] })}
          onRemove={(key) => setDraft({ ...draft, photos: draft.photos.filter((p) => p.key !== key) })}
        />
        {error ? <Text className="form-error fr-ask__error">{error}</Text> : null}
        <Button
          className="button-primary form-submit fr-ask__send"
          hoverClass="button-primary--hover"
          disabled={!ready || sending || undefined}
          onClick={() => void submit()}
        >
          {sending ? '正在发送…' : '发送给联络员'}
        </Button>
        <Text className="form-hint">联络员回复后会在“我的提问”里看到，也会发微信消息提醒你（如果你允许）。</Text>
      </View>
    </View>
  )
}
