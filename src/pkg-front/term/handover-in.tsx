/** 上一班的交接: the previous term's note and checklist; 确认接班 once read (the previous admins are told). */
import type { HandoverView } from '@cloud/fronts/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import { confirmHandover } from '@/services/fronts'
import { timeText } from '@/services/fronts/labels'

export function Checklist({ items }: { items: { text: string; done: boolean }[] }) {
  return (
    <View className="fr-checklist">
      {items.map((i) => (
        <View key={i.text} className="fr-check">
          <Text className={`fr-check__box${i.done ? ' fr-check__box--done' : ''}`}>{i.done ? '✓' : ''}</Text>
          <Text className="fr-check__text">{i.text}</Text>
        </View>
      ))}
    </View>
  )
}

export default function HandoverIn({ h, onChanged }: { h: HandoverView | null; onChanged: () => void }) {
  if (!h) return null
  async function confirm() {
    if (!h) return
    const r = await confirmHandover(h.id)
    void Taro.showToast({ title: r.ok ? '已确认接班' : r.error.message, icon: 'none' })
    onChanged()
  }
  return (
    <>
      <SectionHeader title="上一班的交接" />
      <Card>
        <Text className="fr-row__title">{h.from.join('、')} 写给你的</Text>
        <Text className="fr-longtext" userSelect>
          {h.note || '（没有写说明）'}
        </Text>
        <Checklist items={h.items} />
        {h.state === 'confirmed' ? (
          <Text className="fr-note fr-term__confirmed">
            ✓ {h.confirmedBy} 已于 {h.confirmedAt ? timeText(h.confirmedAt) : ''} 确认接班
          </Text>
        ) : (
          <Button className="button-primary fr-term__confirm" hoverClass="button-primary--hover" onClick={() => void confirm()}>
            我看过了，确认接班
          </Button>
        )}
      </Card>
    </>
  )
}
