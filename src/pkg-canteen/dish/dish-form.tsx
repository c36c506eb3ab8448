/**
 * One dish: name, a photo (chosen on the phone, uploaded into the staff member's own `dishes/`
 * folder; riders see it once the content check passes) and its allergens.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseImage.html
 */
import type { AllergenKey, DishEditView } from '@cloud/meals/contract'
import { Button, Image, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import ChipPicker, { Chip } from '@/components/chip-picker'
import { saveDish } from '@/services/meals/staff'
import { uploadImage } from '@/services/storage/upload-image'

export const ALLERGENS: [AllergenKey, string][] = [
  ['peanut', '花生'],
  ['tree_nut', '坚果'],
  ['egg', '鸡蛋'],
  ['milk', '牛奶'],
  ['seafood', '鱼虾蟹'],
  ['soy', '大豆'],
  ['wheat', '小麦'],
  ['sesame', '芝麻'],
]

export default function DishForm({ canteenId, dish, onSaved }: { canteenId: string; dish: DishEditView | null; onSaved: () => void }) {
  const [name, setName] = useState(dish?.name ?? '')
  const [allergens, setAllergens] = useState<AllergenKey[]>(dish?.allergens ?? [])
  const [photo, setPhoto] = useState<{ fileId: string | null; src: string | null }>({
    fileId: dish?.photo ?? null,
    src: dish?.photoUrl ?? null,
  })
  const [busy, setBusy] = useState(false)

  async function choose() {
    let path: string | undefined
    try {
      path = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFilePaths[0]
    } catch {
      return
    }
    if (!path) return
    setBusy(true)
    try {
      setPhoto({ fileId: await uploadImage(path, 'dishes'), src: path })
    } catch (e) {
      void Taro.showModal({ title: '照片没有传上去', content: (e as Error).message, showCancel: false, confirmText: '知道了' })
    }
    setBusy(false)
  }

  async function save() {
    setBusy(true)
    const r = await saveDish({ canteenId, dishId: dish?.id, name: name.trim(), photo: photo.fileId, allergens })
    setBusy(false)
    if (!r.ok) return void Taro.showModal({ title: '没有保存', content: r.error.message, showCancel: false, confirmText: '知道了' })
    void Taro.showToast({ title: r.data.photoPending ? '已保存，照片审核中' : '已保存', icon: 'none' })
    onSaved()
  }

  return (
    <Card className="form-card">
      <Text className="form-card__title">{dish ? `修改“${dish.name}”` : '新菜品'}</Text>
      <View className="form__field">
        <Text className="form__label">菜名</Text>
        <Input className="form__input" value={name} maxlength={20} placeholder="例如：红烧鸡腿" onInput={(e) => setName(e.detail.value)} />
      </View>
      <View className="form__field">
        <Text className="form__label">照片</Text>
        <View className="dish-form__photo" hoverClass="dish-form__photo--pressed" onClick={() => void choose()}>
          {photo.src ? (
            <Image className="dish-form__image" src={photo.src} mode="aspectFill" />
          ) : (
            <Text className="muted">拍照或从相册选</Text>
          )}
        </View>
        {photo.fileId ? (
          <View className="dish-form__remove">
            <Chip label="去掉照片" on={false} onTap={() => setPhoto({ fileId: null, src: null })} />
          </View>
        ) : null}
        <Text className="form__hint">照片通过内容安全检查后小哥才能看到。</Text>
      </View>
      <View className="form__field">
        <Text className="form__label">含有的过敏原</Text>
        <ChipPicker
          options={ALLERGENS.map(([key, label]) => ({ key, label }))}
          selected={allergens}
          onPick={(key) => setAllergens(allergens.includes(key) ? allergens.filter((x) => x !== key) : [...allergens, key])}
        />
      </View>
      <Button
        className="button-primary dish-form__save"
        hoverClass="button-primary--hover"
        loading={busy}
        disabled={busy || !name.trim() || undefined}
        onClick={() => void save()}
      >
        保存菜品
      </Button>
    </Card>
  )
}
