/**
 * 扫码签到 (weapp): scan the station's printed code, check in, say how it went.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/device/scan/wx.scanCode.html
 */
import Taro from '@tarojs/taro'
import { checkIn } from '@/services/stations/stations'

export async function scanAndCheckIn(): Promise<void> {
  let code: string
  try {
    code = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
  } catch {
    return // cancelled
  }
  Taro.showLoading({ title: '签到中…' })
  const r = await checkIn(code)
  Taro.hideLoading()
  void Taro.showModal({
    title: r.ok ? (r.data.outcome === 'recorded' ? '签到成功' : '这个小时已经签到过了') : '没有签到成功',
    content: r.ok ? `${r.data.stationName}\n本周已有 ${r.data.checkinsThisWeek} 位小哥来过` : r.error.message,
    showCancel: false,
    confirmText: '知道了',
  })
}
