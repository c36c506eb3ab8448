/** Docs: https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html */
import Taro from '@tarojs/taro'

export async function askSubscribe(tmplIds: string[]): Promise<boolean> {
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<string, string>
    return tmplIds.some((id) => res[id] === 'accept')
  } catch {
    return false
  }
}
