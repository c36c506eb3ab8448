/** Where a notice leads: tab pages need switchTab, others navigateTo; anything odd goes to 我的. */
const TABS = new Set(['pages/index/index', 'pages/stations/index', 'pages/canteen/index', 'pages/topics/index', 'pages/me/index'])

export function noticeTarget(page: string): { api: 'switchTab' | 'navigateTo'; url: string } {
  const clean = page.replace(/^\/+/, '')
  const path = clean.split('?')[0]
  if (!/^(pages|pkg-[a-z]+)\/[\w/-]+$/.test(path)) return { api: 'switchTab', url: '/pages/me/index' }
  return TABS.has(path) ? { api: 'switchTab', url: `/${path}` } : { api: 'navigateTo', url: `/${clean}` }
}

/** "今天 14:05", "昨天 09:30", "11月20日 18:00" from an ISO string with +08:00 (read as written). */
export function noticeTime(iso: string, todayShanghai: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso)
  if (!m) return ''
  const date = `${m[1]}-${m[2]}-${m[3]}`
  const hm = `${m[4]}:${m[5]}`
  if (date === todayShanghai) return `今天 ${hm}`
  const yesterday = new Date(Date.parse(`${todayShanghai}T00:00:00Z`) - 86400000).toISOString().slice(0, 10)
  if (date === yesterday) return `昨天 ${hm}`
  const year = todayShanghai.slice(0, 4) === m[1] ? '' : `${m[1]}年`
  return `${year}${Number(m[2])}月${Number(m[3])}日 ${hm}`
}
