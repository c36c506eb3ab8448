/** At the counter and for the funder: the day at a glance, lockers, pickups, CSV export (contract: cloudfunctions/meals/contract.ts). */
import type { ParamsOf } from '@cloud/_lib/api'
import { callFunction } from '../cloud'

export type { BoardView, BookingRow, ExportView, PickupView, PlaceView } from '@cloud/meals/contract'

export const board = (canteenId: string, date?: string) => callFunction('meals', 'board', date ? { canteenId, date } : { canteenId })
export const placeMeal = (bookingId: string, lockerNo?: number) =>
  callFunction('meals', 'placeMeal', lockerNo === undefined ? { bookingId } : { bookingId, lockerNo })
export const confirmPickup = (canteenId: string, code: string) => callFunction('meals', 'confirmPickup', { canteenId, code })
export const clearLocker = (canteenId: string, lockerNo: number) => callFunction('meals', 'clearLocker', { canteenId, lockerNo })
export const exportCsv = (params: ParamsOf<'meals', 'exportCsv'>) => callFunction('meals', 'exportCsv', params)
