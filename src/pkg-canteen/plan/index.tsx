/**
 * 排餐和时段 (canteen staff, town): one day's plan — slots (add, change capacity and off-peak, stop
 * booking with a reason: its riders are told), set meals (dishes from the library, price, 爱心餐,
 * lunch / dinner, sold out), copy last week's plan into this week, and the dish library.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/component/picker.html
 */

import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import ChipPicker from '@/components/chip-picker'
import SectionHeader from '@/components/section-header'
import { useKeyedQuery } from '@/hooks/use-keyed-query'
import { getPlan } from '@/services/meals/staff'
import { shortDay } from '@/utils/canteen-format'
import { Failed, Loading } from '../components/load-state'
import CloseForm from './close-form'
import { MealRows, SlotList } from './lists'
import MealForm from './meal-form'
import SlotForm from './slot-form'
import { usePlanActions } from './use-plan-actions'
import '../shared.scss'
import './index.scss'

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

export default function PlanPage() {
  const { params } = useRouter()
  const canteenId = params.canteenId ?? ''
  const [date, setDate] = useState(params.date ?? shanghaiToday())
  const fetcher = useCallback(() => getPlan(canteenId, date), [canteenId, date])
  const { state, reload } = useKeyedQuery(fetcher, date)
  const a = usePlanActions(canteenId, date, () => reload({ quiet: true }))
  const { editing, setEditing, busy } = a

  if (state.status === 'loading') return <Loading title="正在打开排餐…" />
  if (state.status === 'error') return <Failed error={state.error} onRetry={() => void reload()} />
  const plan = state.data
  const days = Array.from({ length: 14 }, (_, i) => addDays(shanghaiToday(), i)).map((d) => ({ key: d, label: shortDay(d) }))
  const cancel = () => setEditing(null)
  return (
    <View className="page plan">
      <View className="page__body">
        <Text className="page-lead__title">{plan.canteen.name}</Text>
        <ChipPicker
          scroll
          className="plan__days"
          options={days}
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
          <SlotForm slot={editing.slot} busy={busy} onSave={(d) => void a.saveSlot(d)} onCancel={cancel} />
        ) : null}
        {editing?.kind === 'close' ? (
          <CloseForm slot={editing.slot} busy={busy} onClose={(r) => void a.close(editing.slot, r)} onCancel={cancel} />
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
          <MealForm meal={editing.meal} dishes={plan.dishes} busy={busy} onSave={(d) => void a.saveMeal(plan, d)} onCancel={cancel} />
        ) : null}
        <MealRows plan={plan} onEdit={(m) => setEditing({ kind: 'meal', meal: m })} onSoldOut={(m) => void a.soldOut(m)} />
        <View className="actions">
          <Button className="button-secondary" hoverClass="button-secondary--hover" onClick={() => void a.copy()}>
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
