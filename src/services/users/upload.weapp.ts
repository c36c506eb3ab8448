/**
 * weapp: `wx.cloud.uploadFile` into `<folder>/<openid>/<random>.<ext>`. The function only accepts
 * files under the caller's own folder (a storage security rule should also limit writes there).
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/storage/uploadFile/client.uploadFile.html
 */
import Taro from '@tarojs/taro'
import { CALL_TIMEOUT_MS } from '@/config/cloud'
import { callFunction } from '../cloud'
import { withTimeout } from '../envelope'

let myFolder: string | null = null

export async function uploadImage(tempFilePath: string, folder: 'avatars' | 'verification' | 'uploads'): Promise<string> {
  if (!myFolder) {
    // The openid is known to the server only; getMe tells the caller their own.
    const me = await callFunction('users', 'getMe', {})
    if (!me.ok) throw new Error(me.error.message)
    myFolder = me.data.openid
  }
  const ext = (/\.(\w{2,5})$/.exec(tempFilePath)?.[1] ?? 'jpg').toLowerCase()
  const name = `${Date.now()}-${Math.random().toString(16).slice(2, 10)}.${ext}`
  const cloudPath = `${folder}/${myFolder}/${name}`
  const res = await withTimeout(
    Taro.cloud.uploadFile({ cloudPath, filePath: tempFilePath }) as Promise<{ fileID: string }>,
    CALL_TIMEOUT_MS * 2,
    () => ({ fileID: '' }),
  )
  if (!res.fileID) throw new Error('上传超时，请重试')
  return res.fileID
}
