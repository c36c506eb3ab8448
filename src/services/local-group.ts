/**
 * H5 only: the WeChat group the app was "opened from" in local development.
 * In WeChat the group comes from `wx.getGroupEnterInfo` resolved on the server
 * (https://developers.weixin.qq.com/miniprogram/dev/api/open-api/group/wx.getGroupEnterInfo.html);
 * locally, open the H5 build with `?group=<id>` (before or inside the `#/...` route) instead.
 * The id is only a hint for the local gateway (`X-Local-Group`): the server decides membership.
 */
const STORAGE_KEY = 'xiaoge.localGroup'
const GROUP_ID = /^[A-Za-z0-9_-]{1,64}$/

let cached: string | null | undefined

function fromUrl(): string | null {
  if (typeof window === 'undefined') return null
  const { search, hash } = window.location
  const queries = [search, hash.includes('?') ? hash.slice(hash.indexOf('?')) : '']
  for (const query of queries) {
    const value = new URLSearchParams(query).get('group')
    if (value && GROUP_ID.test(value)) return value
  }
  return null
}

/** The group id for this browser tab, or null when not opened from a group. */
export function localGroupId(): string | null {
  if (cached !== undefined) return cached
  let value = fromUrl()
  try {
    if (value) window.sessionStorage.setItem(STORAGE_KEY, value)
    else value = window.sessionStorage.getItem(STORAGE_KEY)
  } catch {
    // sessionStorage can be unavailable (private mode); the URL value still applies to this load.
  }
  cached = value && GROUP_ID.test(value) ? value : null
  return cached
}
