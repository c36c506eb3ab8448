/** Docs: https://developers.weixin.qq.com/miniprogram/dev/api/device/scan/wx.scanCode.html */
import Taro from '@tarojs/taro'

export const canScan = true

/** The scanned text (a pickup QR says `XGMEAL:<code>`), or null when cancelled. */
export async function scanPickupCode(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return res.result ?? null
  } catch {
    return null
  }
}
