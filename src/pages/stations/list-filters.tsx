/** The list's filters: 现在开放 / 夜间开放 (and 看地图 on WeChat), then one chip per service. */
import type { ServiceKey, ServiceOption } from '@cloud/stations/contract'
import ChipPicker from '@/components/chip-picker'
import type { Filters } from './use-station-list'

type Toggle = 'openNow' | 'openAtNight' | 'map'

export interface ListFiltersProps {
  filters: Filters
  catalogue: ServiceOption[]
  onChange: (patch: Partial<Filters>) => void
  /** Offer 看地图 / 看列表 (weapp only). */
  map: { shown: boolean; toggle: () => void } | null
}

export default function ListFilters({ filters, catalogue, onChange, map }: ListFiltersProps) {
  const toggles: { key: Toggle; label: string }[] = [
    { key: 'openNow', label: '现在开放' },
    { key: 'openAtNight', label: '夜间开放' },
  ]
  if (map) toggles.push({ key: 'map', label: map.shown ? '看列表' : '看地图' })
  const on: Toggle[] = [...(filters.openNow ? ['openNow' as const] : []), ...(filters.openAtNight ? ['openAtNight' as const] : [])]
  const pickToggle = (key: Toggle) => {
    if (key === 'map') map?.toggle()
    else onChange({ [key]: !filters[key] })
  }
  const pickService = (key: ServiceKey) => onChange({ service: filters.service === key ? undefined : key })
  return (
    <>
      <ChipPicker options={toggles} selected={on} onPick={pickToggle} className="stations__filters" />
      <ChipPicker
        scroll
        options={catalogue.map((s) => ({ key: s.key, label: s.label }))}
        selected={filters.service ? [filters.service] : []}
        onPick={pickService}
      />
    </>
  )
}
