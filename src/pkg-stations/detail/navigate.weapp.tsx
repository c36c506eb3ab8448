/**
 * 导航过去 on WeChat: the station's point in WeChat's own map (`openLocation`), from which the
 * rider picks a navigation app. If it is refused, the address is copied instead.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.openLocation.html
 */
import type { StationDetail } from '@cloud/stations/contract'
import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'

async function openMap(s: StationDetail) {
  try {
    await Taro.openLocation({ latitude: s.location.lat, longitude: s.location.lng, name: s.name, address: s.address, scale: 16 })
  } catch {
    await Taro.setClipboardData({ data: `${s.name} ${s.address}` }).catch(() => undefined)
    void Taro.showToast({ title: '地址已复制，可粘贴到地图里导航', icon: 'none', duration: 2500 })
  }
}

export default function Navigate({ station }: { station: StationDetail }) {
  return (
    <Button
      className="button-primary button-row__item detail__navigate"
      hoverClass="button-primary--hover"
      onClick={() => void openMap(station)}
    >
      导航过去
    </Button>
  )
}
