/** Docs: https://developers.weixin.qq.com/miniprogram/dev/api/device/clipboard/wx.setClipboardData.html */
import Taro from '@tarojs/taro'

export async function offerDownload(url: string, _fileName: string): Promise<'downloaded' | 'copied' | 'unsupported'> {
  try {
    await Taro.setClipboardData({ data: url })
    return 'copied'
  } catch {
    return 'unsupported'
  }
}
