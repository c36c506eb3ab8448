/**
 * Pick up to `max` photos (camera or album, compressed); they are uploaded when the form is sent.
 * Shows the picked ones with a large 删除 on each.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseImage.html
 */
import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

export interface PhotoPickerProps {
  /** Local paths of the picked photos (or cloud file ids already attached, with their urls). */
  photos: { key: string; src: string }[]
  max: number
  onAdd: (paths: string[]) => void
  onRemove: (key: string) => void
}

async function pick(n: number, onAdd: (paths: string[]) => void) {
  try {
    const res = await Taro.chooseImage({ count: n, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
    onAdd(res.tempFilePaths.slice(0, n))
  } catch {
    // cancelled
  }
}

export default function PhotoPicker({ photos, max, onAdd, onRemove }: PhotoPickerProps) {
  return (
    <View className="fr-picker">
      {photos.length ? (
        <View className="fr-photos">
          {photos.map((p) => (
            <View key={p.key} className="fr-photos__item">
              <Image className="fr-photos__img" src={p.src} mode="aspectFill" />
              <View className="fr-picker__remove" onClick={() => onRemove(p.key)}>
                <Text>删除</Text>
              </View>
            </View>
          ))}
        </View>
      ) : null}
      {photos.length < max ? (
        <Button
          className="button-secondary fr-picker__add"
          hoverClass="button-secondary--hover"
          onClick={() => void pick(max - photos.length, onAdd)}
        >
          拍照 / 选照片（最多 {max} 张）
        </Button>
      ) : null}
    </View>
  )
}
