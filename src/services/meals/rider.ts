/**
 * The rider's side of the canteen (contract: cloudfunctions/meals/contract.ts), one function per call.
 * `book` takes the requestId the page keeps for one booking attempt: a double tap or a retry after
 * a network failure sends the same id and books once.
 */
import type { ParamsOf } from '@cloud/_lib/api'
import { callFunction } from '../cloud'

export type { BookedView, BookingView, DayView, MealView, MyBookingsView, SlotView } from '@cloud/meals/contract'

export const listDay = (date: string, canteenId?: string) => callFunction('meals', 'listDay', canteenId ? { date, canteenId } : { date })
export const book = (params: ParamsOf<'meals', 'book'>) => callFunction('meals', 'book', params)
export const cancelBooking = (bookingId: string) => callFunction('meals', 'cancelBooking', { bookingId })
export const myBookings = () => callFunction('meals', 'myBookings', {})
export const getBooking = (bookingId: string) => callFunction('meals', 'getBooking', { bookingId })
export const runningLate = (bookingId: string, choice: 'move' | 'extend') => callFunction('meals', 'runningLate', { bookingId, choice })

/** A new id for one booking attempt ([\w-]{8,64}); keep it until the attempt succeeds or the choice changes. */
export function newRequestId(): string {
  const random = Array.from({ length: 4 }, () => Math.floor(Math.random() * 0xffffffff).toString(36)).join('')
  return `rq-${Date.now().toString(36)}-${random}`.slice(0, 64)
}
