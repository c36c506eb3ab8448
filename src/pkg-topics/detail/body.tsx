/**
 * What the problem is: the description, the place (打开地图 on WeChat when a point was picked), photos
 * (tap to enlarge; the author and managers are told how many are still being checked).
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.previewImage.html
 */
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TopicDetail } from '@/services/topics'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

function openMap(t: TopicDetail) {
  const p = t.place?.point
  if (!p || !IS_WEAPP) return
  void Taro.openLocation({ latitude: p.lat, longitude: p.lng, name: t.place?.text ?? '', scale: 17 }).catch(() => undefined)
}

export default function TopicBody({ topic: t }: { topic: TopicDetail }) {
  const canMap = IS_WEAPP && Boolean(t.place?.point)
  return (
    <View className="topic-body">
      <Text className="topic-body__text" userSelect>
        {t.description}
      </Text>
      {t.place ? (
        <View className={`topic-body__place${canMap ? ' topic-body__place--map' : ''}`} onClick={() => openMap(t)}>
          <Text>地点：{t.place.text}</Text>
          {canMap ? <Text className="topic-body__map">看地图 ›</Text> : null}
        </View>
      ) : null}
      {t.photos.length ? (
        <View className="topic-body__photos">
          {t.photos.map((src) => (
            <Image
              key={src}
              className="topic-body__photo"
              src={src}
              mode="aspectFill"
              onClick={() => void Taro.previewImage({ urls: t.photos, current: src }).catch(() => undefined)}
            />
          ))}
        </View>
      ) : null}
      {t.photosPending ? <Text className="meta-text">还有 {t.photosPending} 张照片正在做安全检查，通过后大家才看得到。</Text> : null}
    </View>
  )
}
