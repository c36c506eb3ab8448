/** One station in the list: open or not (and for how long), distance, address, reports, services. */
import type { StationRow } from '@cloud/stations/contract'
import { Text, View } from '@tarojs/components'
import Card from '@/components/card'
import ServiceIcons from '@/components/service-icons'
import StationTag from '@/components/station-tag'

export default function StationCard({ station: s, onOpen }: { station: StationRow; onOpen: (id: string) => void }) {
  const soon = s.openNow && s.minutesToClose !== null && s.minutesToClose <= 60
  const hintClass = `station-card__hint${soon ? ' station-card__hint--soon' : ''}${s.openNow ? '' : ' station-card__hint--closed'}`
  return (
    <Card onClick={() => onOpen(s.id)} className="station-card">
      <View className="station-card__head">
        <Text className="station-card__name">{s.name}</Text>
        <StationTag station={s} />
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
