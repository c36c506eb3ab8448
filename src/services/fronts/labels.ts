/**
 * Chinese words and short texts for the micro-front, shared by 首页 (main package) and the pkg-front
 * pages: categories, question states, times ("今天 14:05"), durations ("1 小时 20 分钟"), date ranges.
 * Instants arrive as ISO strings with +08:00 and are read as written, so the phone's own time zone
 * never shifts a day.
 */
import type { NoticeCategory, QuestionCategory, QuestionState } from '@cloud/fronts/contract'
import { addDays, shanghaiDate } from '@/utils/shanghai-day'

export const NOTICE_CATEGORY: Record<NoticeCategory, { label: string; tone: 'primary' | 'warning' | 'success' | 'muted' }> = {
  safety: { label: '安全提醒', tone: 'warning' },
  notice: { label: '通知', tone: 'primary' },
  activity: { label: '活动', tone: 'success' },
  mutual: { label: '互助', tone: 'muted' },
}
export const NOTICE_CATEGORY_ORDER: NoticeCategory[] = ['notice', 'safety', 'activity', 'mutual']

export const QUESTION_CATEGORY: Record<QuestionCategory, string> = {
  rights: '权益保障',
  insurance: '保险',
  membership: '认证入群',
  services: '食堂驿站',
  traffic: '交通出行',
  help: '生活求助',
  other: '其他',
}
export const QUESTION_CATEGORY_ORDER: QuestionCategory[] = ['insurance', 'rights', 'traffic', 'services', 'membership', 'help', 'other']

export const QUESTION_STATE: Record<QuestionState, { label: string; tone: 'primary' | 'warning' | 'success' | 'muted' }> = {
  waiting: { label: '等联络员回复', tone: 'warning' },
  rider: { label: '请你补充', tone: 'primary' },
  answered: { label: '已回复', tone: 'success' },
  closed: { label: '已结束', tone: 'muted' },
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The Shanghai date (YYYY-MM-DD) of now (src/utils/shanghai-day). */
export const todayShanghai = (): string => shanghaiDate()

/** "今天 14:05", "昨天 09:30", "11月20日 18:00", "2025年11月20日 18:00". */
export function timeText(iso: string, today = todayShanghai()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso)
  if (!m) return ''
  const date = `${m[1]}-${m[2]}-${m[3]}`
  const hm = `${m[4]}:${m[5]}`
  if (date === today) return `今天 ${hm}`
  if (date === addDays(today, -1)) return `昨天 ${hm}`
  if (date === addDays(today, 1)) return `明天 ${hm}`
  const year = today.slice(0, 4) === m[1] ? '' : `${m[1]}年`
  return `${year}${Number(m[2])}月${Number(m[3])}日 ${hm}`
}

/** "45 分钟", "2 小时", "1 小时 20 分钟", "3 天". */
export function minutesText(minutes: number): string {
  const m = Math.max(0, Math.round(minutes))
  if (m < 60) return `${m} 分钟`
  if (m < 24 * 60) return m % 60 ? `${Math.floor(m / 60)} 小时 ${m % 60} 分钟` : `${m / 60} 小时`
  return `${Math.round(m / (24 * 60))} 天`
}

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六']

/** A term as people say it: "11月23日 周一 – 11月29日 周日" (an end at midnight closes the day before). */
export function termText(startIso: string, endIso: string): string {
  const day = (iso: string, minusMs = 0) => {
    const d = new Date(Date.parse(iso) + 8 * 3_600_000 - minusMs)
    return {
      md: `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`,
      wd: `周${WEEKDAY[d.getUTCDay()]}`,
      hm: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    }
  }
  const a = day(startIso)
  const midnightEnd = /T00:00:00/.test(endIso)
  const b = day(endIso, midnightEnd ? 1 : 0)
  const from = a.hm === '00:00' ? `${a.md} ${a.wd}` : `${a.md} ${a.wd} ${a.hm}`
  const to = midnightEnd ? `${b.md} ${b.wd}` : `${b.md} ${b.wd} ${b.hm}`
  return from === to ? from : `${from} – ${to}`
}

/** The H5 address of a page (the browser preview copies it instead of sharing a card). */
export function pageLink(path: string): string {
  if (typeof window === 'undefined') return path
  const clean = path.replace(/^\/+/, '')
  return `${window.location.origin}${window.location.pathname}#/${clean}`
}
