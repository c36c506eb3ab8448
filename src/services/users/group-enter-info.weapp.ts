/**
 * weapp: `wx.getGroupEnterInfo` gives a CloudID when the app was opened from a group chat (a card
 * in a group, the group's 小程序 tab…); `wx.cloud.CloudID(id)` makes the cloud resolve it for the
 * function. Docs: https://developers.weixin.qq.com/miniprogram/dev/api/open-api/group/wx.getGroupEnterInfo.html
 * The function re-resolves the id itself (cloud.getOpenData); nothing else is trusted.
 */
import type { CloudIdRef } from '@cloud/users/contract'
import Taro from '@tarojs/taro'

export async function groupEnterInfo(): Promise<CloudIdRef | null> {
  try {
    const res = (await Taro.getGroupEnterInfo({})) as unknown as { cloudID?: string }
    if (!res.cloudID) return null
    return Taro.cloud.CloudID(res.cloudID) as unknown as CloudIdRef
  } catch {
    // not opened from a group (or the base library does not support it)
    return null
  }
}
