/** Small form fields of the managers' forms: a date, a time, a text, a long text, photos — each ≥ 88rpx to tap. */
import { Button, Image, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { dateText } from '../format'

export function DateField({
  label,
  value,
  start,
  end,
  set,
}: {
  label: string
  value: string
  start: string
  end: string
  set: (v: string) => void
}) {
  return (
    <>
      <Text className="form-label">{label}</Text>
      <Picker mode="date" value={value} start={start} end={end} onChange={(e) => set(String(e.detail.value))}>
        <View className="form-input manage__picker">{dateText(value) || '选日期'}</View>
      </Picker>
    </>
  )
}

export function TimeField({ label, value, set }: { label: string; value: string; set: (v: string) => void }) {
  return (
    <>
      <Text className="form-label">{label}</Text>
      <Picker mode="time" value={value} onChange={(e) => set(String(e.detail.value))}>
        <View className="form-input manage__picker">{value}</View>
      </Picker>
    </>
  )
}

export function TextField({
  label,
  value,
  max,
  hint,
  set,
  number,
}: {
  label: string
  value: string
  max: number
  hint?: string
  set: (v: string) => void
  number?: boolean
}) {
  return (
    <>
      <Text className="form-label">{label}</Text>
      <Input
        className="form-input"
        type={number ? 'number' : 'text'}
        maxlength={max}
        value={value}
        placeholder={hint ?? ''}
        onInput={(e) => set(e.detail.value)}
      />
    </>
  )
}

export function LongText({
  label,
  value,
  max,
  hint,
  set,
}: {
  label: string
  value: string
  max: number
  hint?: string
  set: (v: string) => void
}) {
  return (
    <>
      <Text className="form-label">{label}</Text>
      <Textarea
        className="form-textarea manage__textarea"
        maxlength={max}
        value={value}
        placeholder={hint ?? ''}
        onInput={(e) => set(e.detail.value)}
      />
      <Text className="form-hint">
        {value.trim().length}/{max}
      </Text>
    </>
  )
}

export function PhotosField({ photos, set, max = 3 }: { photos: string[]; set: (v: string[]) => void; max?: number }) {
  const add = async () => {
    try {
      const r = await Taro.chooseImage({ count: max - photos.length, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
      set([...photos, ...r.tempFilePaths].slice(0, max))
    } catch {
      // cancelled
    }
  }
  return (
    <>
      <Text className="form-label">现场照片（可不填，最多 {max} 张）</Text>
      <View className="manage__photos">
        {photos.map((p) => (
          <Image key={p} className="manage__photo" src={p} mode="aspectFill" onClick={() => set(photos.filter((x) => x !== p))} />
        ))}
      </View>
      {photos.length < max ? (
        <Button className="button-secondary button-wide" hoverClass="button-secondary--hover" onClick={() => void add()}>
          拍照 / 选照片
        </Button>
      ) : (
        <Text className="form-hint">点照片可以去掉</Text>
      )}
    </>
  )
}
