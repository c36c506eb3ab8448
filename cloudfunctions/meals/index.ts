/**
 * meals — 小哥食堂, the 15-yuan 爱心餐 (issue "The 15-yuan meal").
 *
 * Actions
 *   riders:   listDay, book, cancelBooking, myBookings, getBooking, runningLate
 *   staff of the canteen (and town): myCanteens, getPlan, saveDish, saveMenu, saveSlot, closeSlot,
 *             setSoldOut, copyWeek, setPolicy, ledger, board, placeMeal, confirmPickup, clearLocker, exportCsv
 *   town:     setBudget
 *   liaisons (their groups' riders) and town: listPaused, liftPause
 *   system:   settle (timer `settleSlots`, every 5 minutes)
 *
 * Collections: canteens, meal_dishes, meal_menus, meal_slots, meal_bookings, meal_lockers,
 * meal_ledgers (rw); users (read; `mealPause` / `mealPauseResetAt` written here only), audit_log,
 * notifications, media_checks (via the shared guards).
 * Openapi permissions (config.json): subscribeMessage.send, security.msgSecCheck, security.mediaCheckAsync.
 * Storage: dish photos (`dishes/<openid>/…`, uploaded by staff), CSV exports (`exports/<canteen>/…`).
 *
 * The rules that must hold under any concurrency: seats never oversold and one pickup code per canteen
 * and day (one conditional update of the slot, seats.ts); one booking per rider, service and day
 * (unique index + the logic); a retried requestId books once (the booking's _id); one meal per locker
 * (conditional update of the locker, lockers.ts); a pickup draws its subsidy once (conditional update
 * of the booking); the budget is never promised twice (conditional updates of the ledger, seats.ts).
 */
import { type ActionTable, createMain } from '../_lib/router'
import { board } from './actions/board'
import { book } from './actions/book'
import { ledger, myCanteens, setBudget, setPolicy } from './actions/canteen'
import { cancelBooking, runningLate } from './actions/change'
import { clearLocker, confirmPickup, placeMeal } from './actions/counter'
import { listDay } from './actions/day'
import { exportCsv } from './actions/export'
import { getPlan, saveDish, saveMenu, setSoldOut } from './actions/menu'
import { getBooking, myBookings } from './actions/mine'
import { liftPause, listPaused } from './actions/pauses'
import { settle } from './actions/settle'
import { closeSlot, copyWeek, saveSlot } from './actions/slots'
import type { mealsContract } from './contract'

export const actions = {
  listDay,
  book,
  cancelBooking,
  myBookings,
  getBooking,
  runningLate,
  myCanteens,
  getPlan,
  saveDish,
  saveMenu,
  saveSlot,
  closeSlot,
  setSoldOut,
  copyWeek,
  setPolicy,
  setBudget,
  ledger,
  board,
  placeMeal,
  confirmPickup,
  clearLocker,
  exportCsv,
  listPaused,
  liftPause,
  settle,
} satisfies ActionTable<typeof mealsContract>

const routed = createMain('meals', actions)

/** A timer trigger's event (`{ Type: 'Timer', TriggerName, … }`) carries no action: it runs `settle` (system only). */
export async function main(event: unknown) {
  const e = event as Record<string, unknown> | null
  const timer = e && typeof e === 'object' && !Array.isArray(e) && e.action === undefined && e.Type === 'Timer'
  return routed(timer ? { ...e, action: 'settle' } : event)
}
