/**
 * The 驿站 list's state: the rider's fuzzy location (asked once; null when refused), the filters,
 * the saved list shown at once and the fresh one that replaces it (only the latest call counts).
 */
import type { AppErrorBody } from '@cloud/_lib/envelope'
import type { ServiceKey, StationList } from '@cloud/stations/contract'
import { useCallback, useEffect, useRef, useState } from 'react'
import { fuzzyLocation, type LatLng } from '@/services/stations/location'
import { cachedList, fetchStationList } from '@/services/stations/stations'

export interface Filters {
  service?: ServiceKey
  openNow: boolean
  openAtNight: boolean
}

export function useStationList() {
  const saved = useRef(cachedList())
  const [list, setList] = useState<StationList | null>(saved.current?.list ?? null)
  const [fresh, setFresh] = useState(false)
  const [error, setError] = useState<AppErrorBody | null>(null)
  const [loading, setLoading] = useState(true)
  const [filters, setFilters] = useState<Filters>({ openNow: false, openAtNight: false })
  const [location, setLocation] = useState<LatLng | null | undefined>(undefined)
  const latest = useRef(0)

  const locate = useCallback(() => void fuzzyLocation().then(setLocation), [])
  useEffect(locate, [locate])

  const load = useCallback(async () => {
    if (location === undefined) return
    const call = ++latest.current
    setLoading(true)
    const r = await fetchStationList({
      ...(location ? { location } : {}),
      ...(filters.service ? { service: filters.service } : {}),
      ...(filters.openNow ? { openNow: true } : {}),
      ...(filters.openAtNight ? { openAtNight: true } : {}),
      limit: 30,
    })
    if (call !== latest.current) return
    setLoading(false)
    if (!r.ok) return setError(r.error)
    setList(r.data)
    setFresh(true)
    setError(null)
  }, [location, filters])

  useEffect(() => {
    void load()
  }, [load])

  const savedMinutes = saved.current ? Math.max(1, Math.round((Date.now() - saved.current.savedAt) / 60000)) : 0
  const toggle = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }))
  return { list, fresh, error, loading, filters, toggle, location, locate, load, savedMinutes }
}
