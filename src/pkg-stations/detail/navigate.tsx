/**
 * 导航过去 outside WeChat (the H5 preview): there is no `openLocation`, so the button opens a panel
 * with the address, a 复制地址 button and a plain link that opens the point in 高德地图 (AMap's
 * public URI, GCJ-02 like WeChat's map). Nothing is fetched unless the person taps the link.
 * WeChat: navigate.weapp.tsx.
 */
import type { StationDetail } from '@cloud/stations/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

export function mapLink(s: Pick<StationDetail, 'name' | 'location'>): string {
  const q = `position=${s.location.lng},${s.location.lat}&name=${encodeURIComponent(s.name)}&coordinate=gaode&callnative=1`
  return `https://uri.amap.com/marker?${q}`
}

async function copyAddress(s: StationDetail) {
  const ok = await Taro.setClipboardData({ data: `${s.name} ${s.address}` }).then(
    () => true,
    () => false,
  )
  void Taro.showToast({ title: ok ? '地址已复制，可粘贴到地图里' : '没能复制，请长按地址复制', icon: 'none', duration: 2500 })
}

export default function Navigate({ station: s }: { station: StationDetail }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button
        className="button-primary button-row__item detail__navigate"
        hoverClass="button-primary--hover"
        onClick={() => setOpen(!open)}
      >
        导航过去
      </Button>
      {open ? (
        <View className="navigate-panel">
          <Text className="navigate-panel__title">怎么去</Text>
          <Text className="navigate-panel__address" userSelect>
            {s.address}
          </Text>
          <View className="button-row">
            <Button className="button-secondary button-row__item" hoverClass="button-secondary--hover" onClick={() => void copyAddress(s)}>
              复制地址
            </Button>
            <a className="navigate-panel__link button-primary button-row__item" href={mapLink(s)} target="_blank" rel="noopener noreferrer">
              打开高德地图
            </a>
          </View>
        </View>
      ) : null}
    </>
  )
}
