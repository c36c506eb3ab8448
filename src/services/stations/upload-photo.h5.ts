/** h5 (local cloud): POST the picked file to /api/storage/upload, answer `{ fileID }`. */
export async function uploadPhoto(localPath: string): Promise<string | null> {
  try {
    const blob = await (await fetch(localPath)).blob()
    const form = new FormData()
    form.append('file', blob, 'photo.jpg')
    const res = await fetch('/api/storage/upload', { method: 'POST', credentials: 'include', body: form })
    const body = (await res.json()) as { fileID?: string }
    return typeof body.fileID === 'string' ? body.fileID : null
  } catch {
    return null
  }
}
