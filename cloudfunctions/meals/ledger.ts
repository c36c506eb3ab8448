/**
 * The subsidy ledger of one canteen and month: the budget, the subsidy per meal, what is not yet
 * promised to a slot or a booking (`unallocatedFen`, meal_ledgers), and what collected meals drew —
 * the sum of `subsidyFen` over the month's collected bookings, each written in its pickup's own
 * conditional update (so a pickup cannot draw twice and a draw cannot happen without a pickup).
 */
import { _, db } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { addDays } from '../_lib/time'
import { type Doc, num } from '../_lib/values'
import { ensureLedger } from './seats'
import type { LedgerView } from './staff-views'

/** First day of the month after `period` (YYYY-MM). */
export function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number)
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}

/** Drawn subsidy and collected subsidised meals of a canteen in a month (one aggregate). */
export async function drawnIn(canteenId: string, period: string): Promise<{ fen: number; count: number }> {
  const res = (await db
    .collection(COLLECTION.meal_bookings)
    .aggregate()
    .match({ canteenId, date: _.gte(`${period}-01`).and(_.lt(nextMonth(period))), state: 'collected', subsidyFen: _.gt(0) })
    .group({ _id: null, fen: db.command.aggregate.sum('$subsidyFen'), count: db.command.aggregate.sum(1) })
    .end()) as { list: { fen: number; count: number }[] }
  const r = res.list[0]
  return { fen: num(r?.fen), count: num(r?.count) }
}

export async function ledgerViewOf(canteen: Doc, period: string, now: Date): Promise<LedgerView> {
  const [ledger, drawn] = await Promise.all([ensureLedger(canteen, `${period}-01`, now), drawnIn(String(canteen._id), period)])
  return {
    canteenId: String(canteen._id),
    period,
    budgetFen: num(ledger.budgetFen),
    perMealFen: num(ledger.perMealFen),
    drawnFen: drawn.fen,
    drawnCount: drawn.count,
    unallocatedFen: num(ledger.unallocatedFen),
  }
}

/** The month's days as a date range for queries. */
export const monthRange = (period: string) => ({ from: `${period}-01`, to: addDays(nextMonth(period), -1) })
