/** Add or change a set meal: name, dishes from the canteen's library, price, 爱心餐 (subsidised) or not, lunch / dinner. */
import type { DishEditView, MenuMealView } from '@cloud/meals/contract'
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import Card from '@/components/card'
import ChipPicker, { Chip } from '@/components/chip-picker'
import { yuan } from '@/utils/canteen-format'

export interface MealDraft {
  id?: string
  name: string
  dishIds: string[]
  priceFen: number
  subsidised: boolean
  services: ('lunch' | 'dinner')[]
}

const toggle = <T,>(list: T[], x: T) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x])

export default function MealForm({
  meal,
  dishes,
  busy,
  onSave,
  onCancel,
}: {
  meal: MenuMealView | null
  dishes: DishEditView[]
  busy: boolean
  onSave: (d: MealDraft) => void
  onCancel: () => void
}) {
  const [d, setD] = useState<MealDraft>(
    meal
      ? {
          id: meal.id,
          name: meal.name,
          dishIds: meal.dishIds,
          priceFen: meal.priceFen,
          subsidised: meal.subsidised,
          services: meal.services,
        }
      : { name: '爱心餐', dishIds: [], priceFen: 1500, subsidised: true, services: ['lunch', 'dinner'] },
  )
  const [price, setPrice] = useState(yuan(d.priceFen))
  return (
    <Card className="form-card">
      <Text className="form-card__title">{meal ? `修改“${meal.name}”` : '加一个套餐'}</Text>
      <View className="form__field">
        <Text className="form__label">套餐名</Text>
        <Input className="form__input" value={d.name} maxlength={20} onInput={(e) => setD({ ...d, name: e.detail.value })} />
      </View>
      <View className="form__field">
        <Text className="form__label">菜品（{d.dishIds.length}）</Text>
        <ChipPicker
          options={dishes.map((dish) => ({ key: dish.id, label: dish.name }))}
          selected={d.dishIds}
          onPick={(id) => setD({ ...d, dishIds: toggle(d.dishIds, id) })}
        />
      </View>
      <View className="form__row">
        <View className="form__field">
          <Text className="form__label">价格（元）</Text>
          <Input className="form__input" type="digit" value={price} onInput={(e) => setPrice(e.detail.value)} />
        </View>
        <View className="form__field">
          <Text className="form__label">爱心餐补贴</Text>
          <Chip label={d.subsidised ? '镇里补贴' : '不补贴'} on={d.subsidised} onTap={() => setD({ ...d, subsidised: !d.subsidised })} />
        </View>
      </View>
      <View className="form__field">
        <Text className="form__label">供应</Text>
        <ChipPicker
          options={[
            { key: 'lunch' as const, label: '午餐' },
            { key: 'dinner' as const, label: '晚餐' },
          ]}
          selected={d.services}
          onPick={(s) => setD({ ...d, services: toggle(d.services, s) })}
        />
      </View>
      <View className="actions">
        <Button
          className="button-primary plan__save-meal"
          hoverClass="button-primary--hover"
          loading={busy}
          disabled={busy || undefined}
          onClick={() => onSave({ ...d, priceFen: Math.round(Number(price) * 100) || 0 })}
        >
          保存套餐
        </Button>
        <Button className="button-secondary" hoverClass="button-secondary--hover" onClick={onCancel}>
          取消
        </Button>
      </View>
    </Card>
  )
}
