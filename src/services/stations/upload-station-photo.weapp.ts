/**
 * weapp: `wx.cloud.uploadFile` into `stations/<stationId>/…` when editing a station, or into the
 * caller's own `uploads/<openid>/…` when creating one (the station has no id yet).
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/storage/uploadFile/client.uploadFile.html
 */
import Taro from '@tarojs/taro'
import { callFunction } from '../cloud'

let myFolder: string | null = null

export async function uploadStationPhoto(localPath: string, stationId: string | null): Promise<string | null> {
  try {
    let folder = stationId ? `stations/${stationId}` : null
    if (!folder) {
      if (!myFolder) {
        // The openid is known to the server only; getMe tells the caller their own.
        const me = await callFunction('users', 'getMe', {})
        if (!me.ok) return null
        myFolder = me.data.openid
      }
      folder = `uploads/${myFolder}`
    }
    const ext = (/\.(\w{2,5})$/.exec(localPath)?.[1] ?? 'jpg').toLowerCase()
    const res = await Taro.cloud.uploadFile({
      cloudPath: `${folder}/${Date.now()}-${Math.random().toString(16).slice(2, 10)}.${ext}`,
      filePath: localPath,
    })
    return res.fileID || null
  } catch {
    return null
  }
}
