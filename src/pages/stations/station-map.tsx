/** Other platforms (H5): no map — no tiles from the internet; the list is the view. */
import type { StationRow } from '@cloud/stations/contract'

export interface StationMapProps {
  origin: { lat: number; lng: number }
  stations: StationRow[]
  onOpen: (id: string) => void
}

export const HAS_MAP = false

export default function StationMap(_props: StationMapProps) {
  return null
}
