/** 驿站情况: riders this week, room, phone (as text, with its dash), when it was verified, photos. */
import type { StationDetail } from '@cloud/stations/contract'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { shortDate } from '../format'

export default function FactsBody({ station: s }: { station: StationDetail }) {
  return (
    <>
      <Text className="detail__fact">本周已有 {s.checkinsThisWeek} 位小哥来过</Text>
      {s.capacityNote ? <Text className="detail__fact">{s.capacityNote}</Text> : null}
      {s.phone ? <Text className="detail__fact">电话：{s.phone}</Text> : null}
      {s.lastVerified ? (
        <Text className="meta-text">
          信息核实：{shortDate(s.lastVerified.at)} · {s.lastVerified.by}
        </Text>
      ) : null}
      {s.photos.length ? (
        <View className="detail__photos">
          {s.photos.map((url) => (
            <Image
              key={url}
              className="detail__photo"
              src={url}
              mode="aspectFill"
              onClick={() => void Taro.previewImage({ urls: s.photos, current: url })}
            />
          ))}
        </View>
      ) : null}
    </>
  )
}
