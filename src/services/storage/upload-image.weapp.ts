/**
 * weapp: `wx.cloud.uploadFile` into the caller's own folder for the purpose.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/storage/uploadFile/client.uploadFile.html
 */
import type { UploadPurpose } from '@cloud/_lib/files'
import Taro from '@tarojs/taro'
import { CALL_TIMEOUT_MS } from '@/config/cloud'
import { withTimeout } from '../envelope'
import { newCloudPath } from './cloud-path'

export async function uploadImage(localPath: string, purpose: UploadPurpose): Promise<string> {
  const cloudPath = await newCloudPath(localPath, purpose)
  const res = await withTimeout(
    (Taro.cloud.uploadFile({ cloudPath, filePath: localPath }) as Promise<{ fileID: string }>).catch(() => ({ fileID: '' })),
    CALL_TIMEOUT_MS * 2,
    () => ({ fileID: '' }),
  )
  if (!res.fileID) throw new Error('照片没有传上去，请检查网络后重试')
  return res.fileID
}
