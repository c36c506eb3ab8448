/** Swaps both admins agreed to, waiting for the liaison: 批准 (the roster changes at once) or 不批准. */
import type { SwapItem } from '@cloud/fronts/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import { decideSwap } from '@/services/fronts'
import { termText } from '@/services/fronts/labels'

export function swapLine(s: SwapItem): string {
  const give = termText(s.give.start, s.give.end)
  return s.take
    ? `${s.from.name}（${give}）和 ${s.to.name}（${termText(s.take.start, s.take.end)}）换班`
    : `${s.to.name} 替 ${s.from.name} 值 ${give}`
}

async function decide(s: SwapItem, approve: boolean, onChanged: () => void) {
  const r = await decideSwap({ swapId: s.id, approve })
  void Taro.showToast({ title: r.ok ? (approve ? '已批准，值班表已更新' : '已告诉他们没有批准') : r.error.message, icon: 'none' })
  onChanged()
}

export default function SwapApprovals({ swaps, onChanged }: { swaps: SwapItem[]; onChanged: () => void }) {
  if (!swaps.length) return null
  return (
    <>
      <SectionHeader title="换班申请" />
      {swaps.map((s) => (
        <Card key={s.id}>
          <Text className="fr-row__title">{swapLine(s)}</Text>
          {s.note ? <Text className="fr-note">说明：{s.note}</Text> : null}
          {s.state === 'proposed' ? (
            <Text className="fr-note fr-roster__waiting">等 {s.to.name} 同意</Text>
          ) : (
            <View className="button-row">
              <Button className="button-secondary button-row__item" onClick={() => void decide(s, false, onChanged)}>
                不批准
              </Button>
              <Button className="button-primary button-row__item fr-roster__approve" onClick={() => void decide(s, true, onChanged)}>
                批准
              </Button>
            </View>
          )}
        </Card>
      ))}
    </>
  )
}
