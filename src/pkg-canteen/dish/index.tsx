/**
 * 菜品库 (canteen staff, town): the canteen's dishes — each with its photo (marked while its content
 * check is pending) and allergens; tap one to change it, or add a new one. Menus pick from here.
 */

import type { DishEditView } from '@cloud/meals/contract'
import { Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import PrivacyPopup from '@/components/privacy-popup'
import SectionHeader from '@/components/section-header'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { getPlan } from '@/services/meals/staff'
import { Failed, Loading } from '../components/load-state'
import DishForm, { ALLERGENS } from './dish-form'
import '../shared.scss'
import './index.scss'

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

export default function DishPage() {
  const { params } = useRouter()
  const canteenId = params.canteenId ?? ''
  const fetcher = useCallback(() => getPlan(canteenId, today()), [canteenId])
  const { state, reload } = useCloudQuery(fetcher)
  const [editing, setEditing] = useState<DishEditView | 'new' | null>(null)

  if (state.status === 'loading') return <Loading title="正在打开菜品库…" />
  if (state.status === 'error') return <Failed error={state.error} onRetry={() => void reload()} />
  const { dishes } = state.data
  const saved = () => {
    setEditing(null)
    void reload({ quiet: true })
  }
  return (
    <View className="page dishes">
      <View className="page__body">
        {editing ? (
          <DishForm
            key={editing === 'new' ? 'new' : editing.id}
            canteenId={canteenId}
            dish={editing === 'new' ? null : editing}
            onSaved={saved}
          />
        ) : null}
        <SectionHeader title={`菜品（${dishes.length}）`} actionText="新菜品" onAction={() => setEditing('new')} />
        {dishes.map((d) => (
          <Card key={d.id} className="dishes__row" onClick={() => setEditing(d)}>
            {d.photoUrl ? (
              <Image className="dishes__photo" src={d.photoUrl} mode="aspectFill" />
            ) : (
              <View className="dishes__photo dishes__photo--none">
                <Text>{d.name.slice(0, 1)}</Text>
              </View>
            )}
            <View className="dishes__main">
              <Text className="dishes__name">{d.name}</Text>
              <Text className="muted">
                {d.photoPending ? '照片审核中 · ' : ''}
                {d.allergens.length ? `含${d.allergens.map((a) => ALLERGENS.find(([k]) => k === a)?.[1] ?? a).join('、')}` : '无常见过敏原'}
              </Text>
            </View>
            <Text className="dishes__more">修改 ›</Text>
          </Card>
        ))}
      </View>
      <PrivacyPopup />
    </View>
  )
}
