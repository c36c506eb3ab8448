/** The top of the station page: name, open / closed / 暂停开放, the one-line hint, address. */
import type { StationDetail } from '@cloud/stations/contract'
import { Text, View } from '@tarojs/components'
import StationTag from '@/components/station-tag'

export default function DetailHero({ station: s }: { station: StationDetail }) {
  return (
    <View className={`detail__hero${s.openNow ? '' : ' detail__hero--closed'}`}>
      <View className="detail__hero-head">
        <Text className="detail__name">{s.name}</Text>
        <StationTag station={s} className="detail__tag" />
      </View>
      <Text className="detail__hint">{s.hint}</Text>
      {s.todayNote ? <Text className="detail__note">今天：{s.todayNote}</Text> : null}
      <Text className="detail__address">
        {s.providerLabel} · {s.address}
      </Text>
    </View>
  )
}
