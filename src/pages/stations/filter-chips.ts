/** The list's filter chips: 现在开放 / 夜间开放, and 看地图 / 看列表 where there is a map (weapp). */
import type { Filters } from './use-station-list'

export type Toggle = 'openNow' | 'openAtNight' | 'map'
export type MapView = { shown: boolean; toggle: () => void } | null

export function toggleChips(map: MapView): { key: Toggle; label: string }[] {
  const chips: { key: Toggle; label: string }[] = [
    { key: 'openNow', label: '现在开放' },
    { key: 'openAtNight', label: '夜间开放' },
  ]
  if (map) chips.push({ key: 'map', label: map.shown ? '看列表' : '看地图' })
  return chips
}

export const togglesOn = (f: Filters): Toggle[] => [
  ...(f.openNow ? (['openNow'] as const) : []),
  ...(f.openAtNight ? (['openAtNight'] as const) : []),
]

export function pickToggle(key: Toggle, f: Filters, change: (patch: Partial<Filters>) => void, map: MapView): void {
  if (key === 'map') map?.toggle()
  else change({ [key]: !f[key] })
}
