/** The day's slots and set meals as staff see them, each with its actions. */
import type { MenuMealView, PlanSlotView, PlanView } from '@cloud/meals/contract'
import { Text, View } from '@tarojs/components'
import Card from '@/components/card'
import { yuan } from '@/utils/canteen-format'

function Action({ label, onClick, danger }: { label: string; onClick: () => void; danger?: boolean }) {
  return (
    <View className={`plan__action${danger ? ' plan__action--danger' : ''}`} hoverClass="plan__action--pressed" onClick={onClick}>
      <Text>{label}</Text>
    </View>
  )
}

export function SlotList({
  plan,
  onEdit,
  onClose,
}: {
  plan: PlanView
  onEdit: (s: PlanSlotView) => void
  onClose: (s: PlanSlotView) => void
}) {
  if (!plan.slots.length) return <Text className="muted">这一天还没有时段。</Text>
  return (
    <Card>
      {plan.slots.map((s) => (
        <View key={s.id} className="plan__row">
          <View className="plan__main">
            <Text className="plan__name">
              {s.start}–{s.end} {s.service === 'lunch' ? '午餐' : '晚餐'}
              {s.offPeak ? ' · 错峰' : ''}
            </Text>
            <Text className="muted">
              {s.state === 'closed' ? `已停止预约：${s.closedReason ?? ''}` : `已约 ${s.booked}/${s.capacity}，剩 ${s.left}`}
            </Text>
          </View>
          {s.state === 'open' && !plan.past ? (
            <View className="plan__actions">
              <Action label="修改" onClick={() => onEdit(s)} />
              <Action label="停止预约" onClick={() => onClose(s)} danger />
            </View>
          ) : null}
        </View>
      ))}
    </Card>
  )
}

export function MealRows({
  plan,
  onEdit,
  onSoldOut,
}: {
  plan: PlanView
  onEdit: (m: MenuMealView) => void
  onSoldOut: (m: MenuMealView) => void
}) {
  if (!plan.meals.length) return <Text className="muted">这一天还没有套餐。</Text>
  const names = new Map(plan.dishes.map((d) => [d.id, d.name]))
  return (
    <Card>
      {plan.meals.map((m) => (
        <View key={m.id} className="plan__row">
          <View className="plan__main">
            <Text className="plan__name">
              {m.name} · {yuan(m.priceFen)} 元{m.subsidised ? ' · 爱心餐' : ''}
              {m.soldOut ? ' · 已售完' : ''}
            </Text>
            <Text className="muted">
              {m.dishIds.map((id) => names.get(id) ?? '（已删的菜）').join('、')} ·{' '}
              {m.services.map((s) => (s === 'lunch' ? '午餐' : '晚餐')).join('、')} · 已约 {m.booked}
            </Text>
          </View>
          {!plan.past ? (
            <View className="plan__actions">
              <Action label="修改" onClick={() => onEdit(m)} />
              <Action label={m.soldOut ? '恢复供应' : '设为售完'} onClick={() => onSoldOut(m)} />
            </View>
          ) : null}
        </View>
      ))}
    </Card>
  )
}
