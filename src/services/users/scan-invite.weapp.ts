/** Docs: https://developers.weixin.qq.com/miniprogram/dev/api/device/scan/wx.scanCode.html */
import Taro from '@tarojs/taro'
import { tokenInText } from './invite-link'

export const canScanInvite = true

export async function scanInvite(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ scanType: ['qrCode'] })
    return tokenInText(res.result ?? '')
  } catch {
    // cancelled
    return null
  }
}
