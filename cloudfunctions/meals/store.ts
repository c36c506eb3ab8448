/**
 * The meals function's documents: loading them with the right error, ids derived from their keys,
 * and the fields every action reads. Collections: canteens, meal_dishes, meal_menus, meal_slots,
 * meal_bookings, meal_lockers, meal_ledgers (see _lib/collections.ts).
 */
import { createHash } from 'node:crypto'
import { type MealPolicy, policyOf, subsidyOf } from '../_domain/meal-rules'
import { db, row, rows } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { notFound } from '../_lib/errors'
import type { Doc } from '../_lib/values'

/** A booking's id from the rider's requestId: a retried tap finds the same booking; another rider's id collides. */
export const bookingIdOf = (requestId: string) => `bk-${createHash('sha256').update(requestId).digest('hex').slice(0, 24)}`
export const menuIdOf = (canteenId: string, date: string) => `${canteenId}_${date}`
export const lockerIdOf = (canteenId: string, no: number) => `${canteenId}_${no}`
export const periodOf = (date: string) => date.slice(0, 7)
export const ledgerIdOf = (canteenId: string, date: string) => `${canteenId}_${periodOf(date)}`

export async function loadCanteen(canteenId: string): Promise<Doc> {
  const c = await row(db.collection(COLLECTION.canteens).where({ _id: canteenId }))
  if (!c) throw notFound('没有这个食堂')
  return c
}

export async function loadSlot(slotId: string): Promise<Doc> {
  const s = await row(db.collection(COLLECTION.meal_slots).where({ _id: slotId }))
  if (!s) throw notFound('没有这个时段')
  return s
}

export async function loadBooking(bookingId: string): Promise<Doc> {
  const b = await row(db.collection(COLLECTION.meal_bookings).where({ _id: bookingId }))
  if (!b) throw notFound('没有这个预约')
  return b
}

export async function loadMenu(canteenId: string, date: string): Promise<Doc | null> {
  return row(db.collection(COLLECTION.meal_menus).where({ _id: menuIdOf(canteenId, date) }))
}

export const canteenPolicy = (canteen: Doc): MealPolicy => policyOf(canteen)

export const canteenSubsidy = (canteen: Doc) => subsidyOf(canteen)

export { type MenuMeal, menuMeals } from '../_domain/meal-plan'

/** Every document of a query, past the 1,000-per-get limit (exports, boards). */
export async function allRows(query: { skip(n: number): { limit(n: number): { get(): unknown } } }, max = 20_000): Promise<Doc[]> {
  const out: Doc[] = []
  for (let skip = 0; skip < max; skip += 1000) {
    const page = await rows(query.skip(skip).limit(1000))
    out.push(...page)
    if (page.length < 1000) break
  }
  return out
}
