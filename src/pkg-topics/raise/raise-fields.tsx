/** The raise form's fields: title, category, what happened, where (typed; on WeChat also picked on the map), photos. */
import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import ChipPicker from '@/components/chip-picker'
import type { CategoryView } from '@/services/topics'
import type { Form } from './use-raise'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'
export const MAX_PHOTOS = 6

async function addPhotos(form: Form, set: (p: Partial<Form>) => void) {
  try {
    const r = await Taro.chooseImage({ count: MAX_PHOTOS - form.photos.length, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
    set({ photos: [...form.photos, ...r.tempFilePaths].slice(0, MAX_PHOTOS) })
  } catch {
    // cancelled
  }
}

export interface FieldsProps {
  /** Similar open topics, shown right under the title (where the rider looks while typing it). */
  similar: ReactNode
  form: Form
  set: (patch: Partial<Form>) => void
  categories: CategoryView[]
  pickPlace: () => void
}

export default function RaiseFields({ similar, form, set, categories, pickPlace }: FieldsProps) {
  return (
    <>
      <Text className="form-label">标题（一句话说清楚）</Text>
      <Input
        className="form-input"
        type="text"
        maxlength={30}
        value={form.title}
        placeholder="如：外卖电动车禁止进入小区"
        onInput={(e) => set({ title: e.detail.value })}
      />
      <Text className="form-hint">{form.title.trim().length}/30</Text>
      {similar}
      <Text className="form-label">分类</Text>
      <ChipPicker
        options={categories}
        selected={form.category ? [form.category] : []}
        onPick={(category) => set({ category })}
        className="raise__chips"
      />
      <Text className="form-label">具体情况</Text>
      <Textarea
        className="form-textarea raise__description"
        maxlength={500}
        value={form.description}
        placeholder="在哪、什么时候、遇到了什么、希望怎么解决"
        onInput={(e) => set({ description: e.detail.value })}
      />
      <Text className="form-hint">{form.description.trim().length}/500</Text>
      <Text className="form-label">地点（可不填）</Text>
      <Input
        className="form-input"
        type="text"
        maxlength={40}
        value={form.placeText}
        placeholder="如：周浦花园小区南门"
        onInput={(e) => set({ placeText: e.detail.value })}
      />
      {IS_WEAPP ? (
        <Button className="button-secondary button-wide" hoverClass="button-secondary--hover" onClick={pickPlace}>
          {form.point ? '已在地图上选点 · 重新选' : '在地图上选点'}
        </Button>
      ) : null}
      <Text className="form-label">照片（可不填，最多 {MAX_PHOTOS} 张）</Text>
      <View className="raise__photos">
        {form.photos.map((p) => (
          <View key={p} className="raise__photo-box">
            <Image className="raise__photo" src={p} mode="aspectFill" />
            <Text className="raise__photo-remove" onClick={() => set({ photos: form.photos.filter((x) => x !== p) })}>
              删除
            </Text>
          </View>
        ))}
      </View>
      {form.photos.length < MAX_PHOTOS ? (
        <Button className="button-secondary button-wide" hoverClass="button-secondary--hover" onClick={() => void addPhotos(form, set)}>
          拍照 / 选照片
        </Button>
      ) : null}
      <Text className="form-hint">照片通过安全检查后大家才看得到。不要拍别人的脸和车牌。</Text>
    </>
  )
}
