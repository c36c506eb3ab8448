/**
 * The share card of a page (`onShareAppMessage`): the card opens `path` in the app. When the card
 * is shared into a WeChat group and a rider opens it there, the app's group entry
 * (wx.getGroupEnterInfo → users.enterGroup) joins them to that group — so the card brings a new
 * rider into the right group and page without any id in the path that could be forged.
 * `withShareTicket` keeps the group information on cards shared to groups.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html#onShareAppMessage-Object-object
 */
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useEffect } from 'react'

export function useShareCard(title: string, path: string, imageUrl?: string): void {
  useShareAppMessage(() => ({ title, path: path.startsWith('/') ? path : `/${path}`, ...(imageUrl ? { imageUrl } : {}) }))
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined)
  }, [])
}
