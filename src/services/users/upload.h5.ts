/**
 * H5 (local cloud): `POST /api/storage/upload` with the picked file's bytes; the local cloud puts
 * it under `uploads/<openid>/…` for the logged-in identity and answers `{ fileID }`.
 */
export async function uploadImage(tempFilePath: string, _folder: 'avatars' | 'verification' | 'uploads'): Promise<string> {
  const blob = await (await fetch(tempFilePath)).blob()
  const res = await fetch('/api/storage/upload', {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': blob.type || 'image/jpeg' },
    body: blob,
  })
  const body = (await res.json()) as { fileID?: string }
  if (!res.ok || !body.fileID) throw new Error('上传失败，请重试')
  return body.fileID
}
