/**
 * 排餐和时段 (canteen staff, town): one day's plan — slots (add, change capacity and off-peak, stop
 * booking with a reason: its riders are told), set meals (dishes from the library, price, 爱心餐,
 * lunch / dinner, sold out), copy last week's plan into this week, and the dish library.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/component/picker.html
 */

import type { MenuMealView, PlanSlotView, PlanView } from '@cloud/meals/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import ChipPicker from '@/components/chip-picker'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useKeyedQuery } from '@/hooks/use-keyed-query'
import { closeSlot, copyWeek, getPlan, saveMenu, saveSlot, setSoldOut } from '@/services/meals/staff'
import { shortDay } from '@/utils/canteen-format'
import CloseForm from './close-form'
import { MealRows, SlotList } from './lists'
import MealForm, { type MealDraft } from './meal-form'
import SlotForm, { type SlotDraft } from './slot-form'
import '../shared.scss'
import './index.scss'

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

type Editing =
  | { kind: 'slot'; slot: PlanSlotView | null }
  | { kind: 'close'; slot: PlanSlotView }
  | { kind: 'meal'; meal: MenuMealView | null }
  | null

function mealsWith(plan: PlanView, draft: MealDraft): MealDraft[] {
  const rest: MealDraft[] = plan.meals.map((m) => ({
    id: m.id,
    name: m.name,
    dishIds: m.dishIds,
    priceFen: m.priceFen,
    subsidised: m.subsidised,
    services: m.services,
  }))
  const i = draft.id ? rest.findIndex((m) => m.id === draft.id) : -1
  if (i >= 0) rest[i] = { ...rest[i], ...draft }
  else rest.push(draft)
  return rest
}

export default function PlanPage() {
  const { params } = useRouter()
  const canteenId = params.canteenId ?? ''
  const [date, setDate] = useState(params.date ?? shanghaiToday())
  const fetcher = useCallback(() => getPlan(canteenId, date), [canteenId, date])
  const { state, reload } = useKeyedQuery(fetcher, date)
  const [editing, setEditing] = useState<Editing>(null)
  const [busy, setBusy] = useState(false)

  async function run(work: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) {
    if (busy) return
    setBusy(true)
    const r = await work()
    setBusy(false)
    if (!r.ok) return void Taro.showModal({ title: '没有保存', content: r.error?.message ?? '', showCancel: false, confirmText: '知道了' })
    setEditing(null)
    void Taro.showToast({ title: done, icon: 'success' })
    await reload({ quiet: true })
  }

  if (state.status === 'loading') return <StateView kind="loading" title="正在打开排餐…" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const plan = state.data
  const saveSlotDraft = (d: SlotDraft) => run(() => saveSlot({ canteenId, date, ...d }), '时段已保存')
  const saveMealDraft = (d: MealDraft) => run(() => saveMenu({ canteenId, date, meals: mealsWith(plan, d) }), '套餐已保存')
  const copy = async () => {
    const { confirm } = await Taro.showModal({
      title: '复制上一周的安排？',
      content: '这一周还没排的日子会用上一周同一天的套餐和时段。',
      confirmText: '复制',
    })
    if (confirm)
      await run(async () => {
        const r = await copyWeek(canteenId, date)
        if (r.ok) void Taro.showToast({ title: `复制了 ${r.data.days} 天`, icon: 'none' })
        return r
      }, '已复制')
  }

  return (
    <View className="page plan">
      <View className="page__body">
        <Text className="page-lead__title">{plan.canteen.name}</Text>
        <ChipPicker
          scroll
          className="plan__days"
          options={Array.from({ length: 14 }, (_, i) => addDays(shanghaiToday(), i)).map((d) => ({ key: d, label: shortDay(d) }))}
          selected={[date]}
          onPick={(d) => {
            setEditing(null)
            setDate(d)
          }}
        />
        <SectionHeader
          title="时段"
          actionText={plan.past ? undefined : '加时段'}
          onAction={() => setEditing({ kind: 'slot', slot: null })}
        />
        {editing?.kind === 'slot' ? (
          <SlotForm slot={editing.slot} busy={busy} onSave={(d) => void saveSlotDraft(d)} onCancel={() => setEditing(null)} />
        ) : null}
        {editing?.kind === 'close' ? (
          <CloseForm
            slot={editing.slot}
            busy={busy}
            onClose={(reason) => void run(() => closeSlot(editing.slot.id, reason), '已停止预约')}
            onCancel={() => setEditing(null)}
          />
        ) : null}
        <SlotList
          plan={plan}
          onEdit={(s) => setEditing({ kind: 'slot', slot: s })}
          onClose={(s) => setEditing({ kind: 'close', slot: s })}
        />
        <SectionHeader
          title="套餐"
          actionText={plan.past ? undefined : '加套餐'}
          onAction={() => setEditing({ kind: 'meal', meal: null })}
        />
        {editing?.kind === 'meal' ? (
          <MealForm
            meal={editing.meal}
            dishes={plan.dishes}
            busy={busy}
            onSave={(d) => void saveMealDraft(d)}
            onCancel={() => setEditing(null)}
          />
        ) : null}
        <MealRows
          plan={plan}
          onEdit={(m) => setEditing({ kind: 'meal', meal: m })}
          onSoldOut={(m) =>
            void run(() => setSoldOut({ canteenId, date, mealId: m.id, soldOut: !m.soldOut }), m.soldOut ? '已恢复供应' : '已设为售完')
          }
        />
        <View className="actions">
          <Button className="button-secondary" hoverClass="button-secondary--hover" onClick={() => void copy()}>
            复制上一周
          </Button>
          <Button
            className="button-secondary"
            hoverClass="button-secondary--hover"
            onClick={() => void Taro.navigateTo({ url: `/pkg-canteen/dish/index?canteenId=${canteenId}` })}
          >
            菜品库（{plan.dishes.length}）
          </Button>
        </View>
        <Text className="muted plan__note">{shortDay(date)} · 已有预约的套餐不能删，可以设为售完。</Text>
      </View>
    </View>
  )
}
