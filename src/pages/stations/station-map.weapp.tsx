/**
 * weapp: the stations as markers on WeChat's own map (no third-party tiles). Tapping a marker's
 * callout opens the station.
 * Docs: https://docs.taro.zone/docs/components/maps/map  ·  https://developers.weixin.qq.com/miniprogram/dev/component/map.html
 */
import type { StationRow } from '@cloud/stations/contract'
import { Map as WxMap } from '@tarojs/components'

export interface StationMapProps {
  origin: { lat: number; lng: number }
  stations: StationRow[]
  onOpen: (id: string) => void
}

export const HAS_MAP = true

export default function StationMap({ origin, stations, onOpen }: StationMapProps) {
  const markers = stations.map((s, i) => ({
    id: i,
    latitude: s.location.lat,
    longitude: s.location.lng,
    width: 36,
    height: 36,
    iconPath: '/assets/tabbar/stations-active.png',
    callout: {
      content: `${s.name}\n${s.openNow ? '开放中' : '未开放'} · ${s.hint}`,
      display: 'ALWAYS' as const,
      fontSize: 14,
      padding: 8,
      borderRadius: 8,
      color: '#1f1f1f',
      bgColor: '#ffffff',
      textAlign: 'left' as const,
      anchorX: 0,
      anchorY: 0,
      borderWidth: 0,
      borderColor: '#ffffff',
    },
  }))
  const open = (e: { detail: { markerId?: number } }) => {
    const s = stations[Number(e.detail.markerId)]
    if (s) onOpen(s.id)
  }
  return (
    <WxMap
      className="stations__map"
      latitude={origin.lat}
      longitude={origin.lng}
      scale={14}
      showLocation
      markers={markers as never}
      onMarkerTap={open as never}
      onCalloutTap={open as never}
      onError={() => undefined}
    />
  )
}
