/**
 * h5 (local cloud): `POST /api/storage/upload` with the picked file's bytes, like the identity
 * pages; the local cloud stores it under `uploads/<openid>/…` for the logged-in person.
 */
export async function uploadStationPhoto(localPath: string, _stationId: string | null): Promise<string | null> {
  try {
    const blob = await (await fetch(localPath)).blob()
    const res = await fetch('/api/storage/upload', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': blob.type || 'image/jpeg' },
      body: blob,
    })
    const body = (await res.json()) as { fileID?: string }
    return res.ok && typeof body.fileID === 'string' ? body.fileID : null
  } catch {
    return null
  }
}
