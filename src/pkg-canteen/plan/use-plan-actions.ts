/**
 * What the plan page does: which form is open, one change at a time (busy), the answer said (a
 * modal on refusal, a toast when done) and the day reloaded; copying last week after a confirm.
 */
import type { MenuMealView, PlanSlotView, PlanView } from '@cloud/meals/contract'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { closeSlot, copyWeek, saveMenu, saveSlot, setSoldOut } from '@/services/meals/staff'
import type { MealDraft } from './meal-form'
import type { SlotDraft } from './slot-form'

export type Editing =
  | { kind: 'slot'; slot: PlanSlotView | null }
  | { kind: 'close'; slot: PlanSlotView }
  | { kind: 'meal'; meal: MenuMealView | null }
  | null

type Answer = { ok: boolean; error?: { message: string } }

/** The day's meals with one added or changed (the menu is saved whole). */
function mealsWith(plan: PlanView, draft: MealDraft): MealDraft[] {
  const rest: MealDraft[] = plan.meals.map(({ id, name, dishIds, priceFen, subsidised, services }) => ({
    id,
    name,
    dishIds,
    priceFen,
    subsidised,
    services,
  }))
  const i = draft.id ? rest.findIndex((m) => m.id === draft.id) : -1
  if (i >= 0) rest[i] = { ...rest[i], ...draft }
  else rest.push(draft)
  return rest
}

export function usePlanActions(canteenId: string, date: string, reload: () => Promise<void>) {
  const [editing, setEditing] = useState<Editing>(null)
  const [busy, setBusy] = useState(false)

  async function run(work: () => Promise<Answer>, done: string) {
    if (busy) return
    setBusy(true)
    const r = await work()
    setBusy(false)
    if (!r.ok) return void Taro.showModal({ title: '没有保存', content: r.error?.message ?? '', showCancel: false, confirmText: '知道了' })
    setEditing(null)
    void Taro.showToast({ title: done, icon: 'success' })
    await reload()
  }

  async function copy() {
    const { confirm } = await Taro.showModal({
      title: '复制上一周的安排？',
      content: '这一周还没排的日子会用上一周同一天的套餐和时段。',
      confirmText: '复制',
    })
    if (!confirm) return
    await run(async () => {
      const r = await copyWeek(canteenId, date)
      if (r.ok) void Taro.showToast({ title: `复制了 ${r.data.days} 天`, icon: 'none' })
      return r
    }, '已复制')
  }

  return {
    editing,
    setEditing,
    busy,
    copy,
    saveSlot: (d: SlotDraft) => run(() => saveSlot({ canteenId, date, ...d }), '时段已保存'),
    saveMeal: (plan: PlanView, d: MealDraft) => run(() => saveMenu({ canteenId, date, meals: mealsWith(plan, d) }), '套餐已保存'),
    close: (slot: PlanSlotView, reason: string) => run(() => closeSlot(slot.id, reason), '已停止预约'),
    soldOut: (m: MenuMealView) =>
      run(() => setSoldOut({ canteenId, date, mealId: m.id, soldOut: !m.soldOut }), m.soldOut ? '已恢复供应' : '已设为售完'),
  }
}
