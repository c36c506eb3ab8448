/**
 * 常见问题 — the group's FAQ, written by the liaison from real answers (no one's name in it): tap a
 * question to open its answer (`?open=` opens one); the liaison may take an entry down. Nothing here?
 * Ask the liaison.
 */
import type { FaqItem } from '@cloud/fronts/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { listFaq, unpublishFaq } from '@/services/fronts'
import { QUESTION_CATEGORY } from '@/services/fronts/labels'
import { param, useFrontQuery } from '../utils/use-front-query'
import './index.scss'

function Entry({
  f,
  open,
  onToggle,
  canEdit,
  onRemoved,
}: {
  f: FaqItem
  open: boolean
  onToggle: () => void
  canEdit: boolean
  onRemoved: () => void
}) {
  async function remove() {
    const ok = await Taro.showModal({ title: '撤下这条常见问题？', content: f.question })
    if (!ok.confirm) return
    const r = await unpublishFaq(f.id)
    if (r.ok) onRemoved()
    else void Taro.showToast({ title: r.error.message, icon: 'none' })
  }
  return (
    <Card className={`fr-faq__entry${open ? ' fr-faq__entry--open' : ''}`}>
      <View className="fr-faq__q" onClick={onToggle}>
        <Text className="fr-faq__mark">问</Text>
        <Text className="fr-faq__question">{f.question}</Text>
        <Text className="fr-row__chevron">{open ? '⌃' : '⌄'}</Text>
      </View>
      {open ? (
        <View className="fr-faq__a">
          <Text className="fr-faq__mark fr-faq__mark--a">答</Text>
          <Text className="fr-faq__answer" userSelect>
            {f.answer}
          </Text>
        </View>
      ) : null}
      {open ? <Text className="tag tag--muted fr-faq__cat">{QUESTION_CATEGORY[f.category]}</Text> : null}
      {open && canEdit ? (
        <Button className="button-secondary fr-faq__remove" onClick={() => void remove()}>
          撤下
        </Button>
      ) : null}
    </Card>
  )
}

export default function FaqPage() {
  const router = useRouter()
  const groupId = param(router.params, 'groupId')
  const [open, setOpen] = useState<string | null>(param(router.params, 'open') ?? null)
  const { state, reload } = useFrontQuery(useCallback(() => listFaq(groupId), [groupId]))
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const d = state.data
  const ask = () => void Taro.navigateTo({ url: `/pkg-front/ask/index?groupId=${d.groupId}` })
  return (
    <View className="page">
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">{d.groupName}</Text>
          <Text className="page-lead__text">联络员把大家常问的整理在这里。没找到答案就直接问。</Text>
        </View>
        {d.items.length === 0 ? <StateView compact kind="empty" glyph="问" title="还没有常见问题" /> : null}
        {d.items.map((f) => (
          <Entry
            key={f.id}
            f={f}
            open={open === f.id}
            onToggle={() => setOpen(open === f.id ? null : f.id)}
            canEdit={d.canEdit}
            onRemoved={() => void reload({ quiet: true })}
          />
        ))}
        {d.canEdit ? null : (
          <Button className="button-primary fr-faq__ask" hoverClass="button-primary--hover" onClick={ask}>
            没找到？问联络员
          </Button>
        )}
      </View>
    </View>
  )
}
