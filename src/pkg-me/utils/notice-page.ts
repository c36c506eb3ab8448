/** Where a notice leads: tab pages need switchTab, others navigateTo; anything odd goes to 我的. */
const TABS = new Set(['pages/index/index', 'pages/stations/index', 'pages/canteen/index', 'pages/topics/index', 'pages/me/index'])

export function noticeTarget(page: string): { api: 'switchTab' | 'navigateTo'; url: string } {
  const clean = page.replace(/^\/+/, '')
  const path = clean.split('?')[0]
  if (!/^(pages|pkg-[a-z]+)\/[\w/-]+$/.test(path)) return { api: 'switchTab', url: '/pages/me/index' }
  return TABS.has(path) ? { api: 'switchTab', url: `/${path}` } : { api: 'navigateTo', url: `/${clean}` }
}

export { relativeTime as noticeTime } from '@/utils/shanghai-day'
