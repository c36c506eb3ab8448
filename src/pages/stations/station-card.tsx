/** One station in the list: open or not (and for how long), distance, address, reports, services. */
import type { StationRow } from '@cloud/stations/contract'
import { Text, View } from '@tarojs/components'
import Card from '@/components/card'
import ServiceIcons from '@/components/service-icons'

function tagOf(s: StationRow) {
  if (s.temporarilyClosed) return { text: '暂停开放', cls: 'tag--warning' }
  return s.openNow ? { text: '开放中', cls: 'tag--success' } : { text: '未开放', cls: '' }
}

export default function StationCard({ station: s, onOpen }: { station: StationRow; onOpen: (id: string) => void }) {
  const tag = tagOf(s)
  const soon = s.openNow && s.minutesToClose !== null && s.minutesToClose <= 60
  const hintClass = `station-card__hint${soon ? ' station-card__hint--soon' : ''}${s.openNow ? '' : ' station-card__hint--closed'}`
  return (
    <Card onClick={() => onOpen(s.id)} className="station-card">
      <View className="station-card__head">
        <Text className="station-card__name">{s.name}</Text>
        <Text className={`tag ${tag.cls}`}>{tag.text}</Text>
      </View>
      <View className="station-card__line">
        <Text className={hintClass}>{s.hint}</Text>
        {s.distanceText ? <Text className="station-card__distance">{s.distanceText}</Text> : null}
      </View>
      <Text className="station-card__address">
        {s.providerLabel} · {s.address}
      </Text>
      {s.stationProblem ? <Text className="station-card__problem">⚠ {s.stationProblem}</Text> : null}
      {s.temporarilyClosed
        ? null
        : s.services
            .filter((v) => v.stateText)
            .map((v) => (
              <Text key={v.key} className="station-card__problem">
                ⚠ {v.label}：{v.stateText}
              </Text>
            ))}
      <View className="station-card__services">
        <ServiceIcons services={s.services} dim={s.temporarilyClosed} />
      </View>
    </Card>
  )
}
