/**
 * H5 (local cloud): when the page was opened "from a group" (`?group=<opengid>`), the local cloud
 * mints a CloudID for it (`POST /api/local/group-enter-info`, the stand-in of wx.getGroupEnterInfo);
 * `{ __cloudID__ }` is the local wire form of wx.cloud.CloudID(id).
 */
import type { CloudIdRef } from '@cloud/users/contract'
import { localGroupId } from '../local-group'

export async function groupEnterInfo(): Promise<CloudIdRef | null> {
  const group = localGroupId()
  if (!group) return null
  try {
    const res = await fetch('/api/local/group-enter-info', { method: 'POST', credentials: 'include', headers: { 'X-Local-Group': group } })
    const body = (await res.json()) as { cloudID?: string }
    return body.cloudID ? ({ __cloudID__: body.cloudID } as unknown as CloudIdRef) : null
  } catch {
    return null
  }
}
