/**
 * H5 (local cloud): `POST /api/storage/upload?cloudPath=<purpose>/<openid>/…` with the picked file's
 * bytes, as the logged-in identity (dev-login cookie); the local cloud enforces the same
 * own-folder rule as the deployed storage rule and answers `{ fileID }`.
 */
import type { UploadPurpose } from '@cloud/_lib/files'
import { newCloudPath } from './cloud-path'

export async function uploadImage(localPath: string, purpose: UploadPurpose): Promise<string> {
  const cloudPath = await newCloudPath(localPath, purpose)
  try {
    const blob = await (await fetch(localPath)).blob()
    const res = await fetch(`/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': blob.type || 'image/jpeg' },
      body: blob,
    })
    const body = (await res.json()) as { fileID?: string }
    if (res.ok && body.fileID) return body.fileID
  } catch {
    // fall through to the message below
  }
  throw new Error('照片没有传上去，请检查网络后重试')
}
