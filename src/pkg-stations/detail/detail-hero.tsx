/** The top of the station page: name, open / closed / 暂停开放, the one-line hint, address. */
import type { StationDetail } from '@cloud/stations/contract'
import { Text, View } from '@tarojs/components'

function tagOf(s: StationDetail) {
  if (s.temporarilyClosed) return { text: '暂停开放', cls: 'tag--warning' }
  return s.openNow ? { text: '开放中', cls: 'tag--success' } : { text: '未开放', cls: '' }
}

export default function DetailHero({ station: s }: { station: StationDetail }) {
  const tag = tagOf(s)
  return (
    <View className={`detail__hero${s.openNow ? '' : ' detail__hero--closed'}`}>
      <View className="detail__hero-head">
        <Text className="detail__name">{s.name}</Text>
        <Text className={`tag ${tag.cls} detail__tag`}>{tag.text}</Text>
      </View>
      <Text className="detail__hint">{s.hint}</Text>
      {s.todayNote ? <Text className="detail__note">今天：{s.todayNote}</Text> : null}
      <Text className="detail__address">
        {s.providerLabel} · {s.address}
      </Text>
    </View>
  )
}
