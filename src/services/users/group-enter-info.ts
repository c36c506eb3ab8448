/**
 * The CloudID of the WeChat group the app was opened from, or null when it was not opened from a
 * group. Platform files: group-enter-info.weapp.ts (wx.getGroupEnterInfo) and
 * group-enter-info.h5.ts (the local cloud's stand-in). This base answers null.
 */
import type { CloudIdRef } from '@cloud/users/contract'

export async function groupEnterInfo(): Promise<CloudIdRef | null> {
  return null
}
