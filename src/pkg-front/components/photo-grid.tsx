/**
 * Photos of a notice or question: tap to see them large (wx.previewImage). One still in WeChat's
 * safety check is shown to its uploader only, marked 审核中.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.previewImage.html
 */
import type { PhotoView } from '@cloud/fronts/contract'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

export default function PhotoGrid({ photos }: { photos: PhotoView[] }) {
  const urls = photos.map((p) => p.url).filter((u): u is string => Boolean(u))
  if (!photos.length) return null
  return (
    <View className="fr-photos">
      {photos.map((p) => (
        <View key={p.fileId} className="fr-photos__item" onClick={() => p.url && void Taro.previewImage({ current: p.url, urls })}>
          {p.url ? <Image className="fr-photos__img" src={p.url} mode="aspectFill" /> : null}
          {p.checking ? <Text className="fr-photos__checking">审核中</Text> : null}
        </View>
      ))}
    </View>
  )
}
