/**
 * weapp: `wx.getFuzzyLocation` (about 1.5 km accuracy, enough to sort stations; needs
 * `requiredPrivateInfos: ['getFuzzyLocation']` and the scope.userFuzzyLocation purpose text).
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.getFuzzyLocation.html
 */
import Taro from '@tarojs/taro'

export interface LatLng {
  lat: number
  lng: number
}

export async function fuzzyLocation(): Promise<LatLng | null> {
  try {
    const api = (Taro as unknown as { getFuzzyLocation?: (o: { type: string }) => Promise<{ latitude: number; longitude: number }> })
      .getFuzzyLocation
    const res = api ? await api({ type: 'gcj02' }) : await Taro.getLocation({ type: 'gcj02' })
    return { lat: res.latitude, lng: res.longitude }
  } catch {
    return null
  }
}
