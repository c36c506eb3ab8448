/** The storage path of a new upload: `<purpose>/<openid>/<time>-<random>.<ext>` (see upload-image.ts). */
import type { UploadPurpose } from '@cloud/_lib/files'
import { fetchMe } from '../users'

let myOpenid: string | null = null

/** The caller's openid: only the server knows it, `users.getMe` tells its owner (asked once). */
async function ownFolder(): Promise<string> {
  if (myOpenid) return myOpenid
  const me = await fetchMe()
  if (!me.ok) throw new Error(me.error.message)
  myOpenid = me.data.openid
  return myOpenid
}

export async function newCloudPath(localPath: string, purpose: UploadPurpose): Promise<string> {
  const ext = (/\.(\w{2,5})$/.exec(localPath)?.[1] ?? 'jpg').toLowerCase()
  const name = `${Date.now()}-${Math.random().toString(16).slice(2, 10)}.${/^(jpe?g|png|webp|gif)$/.test(ext) ? ext : 'jpg'}`
  return `${purpose}/${await ownFolder()}/${name}`
}
