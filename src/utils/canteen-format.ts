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

export { clockOf, shortDay } from './shanghai-day'

/** The text a pickup QR code carries: staff scanners recognise it, a person reads the code below it. */
export const pickupQrText = (code: string) => `XGMEAL:${code}`

/** A scanned or typed code as the counter sends it. */
export const codeFromScan = (text: string) =>
  text
    .replace(/^XGMEAL:/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase()
