/** The public timeline: every step, by whom and when — it always agrees with the status above. */
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TimelineEntryView } from '@/services/topics'
import { timeText } from '../format'

export default function Timeline({ entries }: { entries: TimelineEntryView[] }) {
  return (
    <View className="timeline">
      {[...entries].reverse().map((e, i) => (
        <View key={e.id} className={`timeline__entry timeline__entry--${e.kind}${i === 0 ? ' timeline__entry--latest' : ''}`}>
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__head">
              {e.statusLabel ? <Text className="tag tag--primary">{e.statusLabel}</Text> : null}
              <Text className="timeline__when">{timeText(e.at)}</Text>
            </View>
            <Text className="timeline__text">{e.text}</Text>
            <Text className="timeline__actor">{e.actor}</Text>
            {e.photos.length ? (
              <View className="timeline__photos">
                {e.photos.map((src) => (
                  <Image
                    key={src}
                    className="timeline__photo"
                    src={src}
                    mode="aspectFill"
                    onClick={() => void Taro.previewImage({ urls: e.photos, current: src }).catch(() => undefined)}
                  />
                ))}
              </View>
            ) : null}
            {e.photosPending ? <Text className="meta-text">{e.photosPending} 张照片在做安全检查</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}
