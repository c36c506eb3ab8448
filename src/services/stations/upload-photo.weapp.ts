/**
 * weapp: upload a chosen photo to cloud storage; the report carries its fileID.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/storage/uploadFile/client.uploadFile.html
 */
import Taro from '@tarojs/taro'

export async function uploadPhoto(localPath: string): Promise<string | null> {
  try {
    const ext = /\.\w{2,5}$/.exec(localPath)?.[0] ?? '.jpg'
    const res = await Taro.cloud.uploadFile({
      cloudPath: `station-problems/${Date.now()}-${Math.random().toString(16).slice(2, 8)}${ext}`,
      filePath: localPath,
    })
    return res.fileID
  } catch {
    return null
  }
}
