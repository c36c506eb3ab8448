/**
 * Upload a picked image to cloud storage, into the caller's own folder for its purpose:
 * `<purpose>/<openid>/<time>-<random>.<ext>` — the only place the storage security rule lets a
 * client write, and the only place a function accepts a file id from (cloudfunctions/_lib/files.ts).
 * Resolves to the fileID; rejects with an Error whose message can be shown as is.
 * Platform files: upload-image.weapp.ts (wx.cloud.uploadFile), upload-image.h5.ts (local cloud).
 */
import type { UploadPurpose } from '@cloud/_lib/files'

export type { UploadPurpose }

export async function uploadImage(_localPath: string, _purpose: UploadPurpose): Promise<string> {
  throw new Error('这个平台暂不支持上传照片')
}
