/** How the canteen's numbers and states read on a page (money in fen from the server, times as HH:mm). */
import type { BookingState } from '@cloud/meals/contract'

/** 1500 → "15", 1250 → "12.50". */
export const yuan = (fen: number) => (fen % 100 === 0 ? `${fen / 100}` : (fen / 100).toFixed(2))

export const BOOKING_STATE: Record<BookingState, { label: string; tone: 'primary' | 'success' | 'warning' | 'muted' }> = {
  booked: { label: '待取餐', tone: 'primary' },
  placed: { label: '已放入保温柜', tone: 'success' },
  collected: { label: '已取餐', tone: 'muted' },
  cancelled: { label: '已取消', tone: 'muted' },
  no_show: { label: '未取餐', tone: 'warning' },
}

/** "12月3日 周四" for a YYYY-MM-DD. */
export function shortDay(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return date
  const weekday = '日一二三四五六'[new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay()]
  return `${Number(m[2])}月${Number(m[3])}日 周${weekday}`
}

/** "18:30" of an ISO time with +08:00 (read from the string: the phone's zone never shifts it). */
export const clockOf = (iso: string | null) => (iso ? (/T(\d{2}:\d{2})/.exec(iso)?.[1] ?? '') : '')

/** The text a pickup QR code carries: staff scanners recognise it, a person reads the code below it. */
export const pickupQrText = (code: string) => `XGMEAL:${code}`

/** A scanned or typed code as the counter sends it. */
export const codeFromScan = (text: string) =>
  text
    .replace(/^XGMEAL:/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase()
