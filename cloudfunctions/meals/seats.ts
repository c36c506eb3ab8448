/**
 * Seats and subsidy seats on a slot, never oversold under any concurrency.
 *
 * A seat is taken by ONE conditional update of the slot: it matches only while the slot is open,
 * before its cut-off, with a seat left, serving the meal (not sold out), without the pickup code
 * already issued, and — for a subsidised meal — with a subsidy seat left; it decrements the seats,
 * records the code and (subsidised) takes a subsidy seat. Two riders can never both take the last
 * seat: the database applies conditional updates to a document one at a time.
 *
 * Subsidy: the period's budget (meal_ledgers, `unallocatedFen`) is handed to slots in chunks as
 * subsidy seats (`subsidyLeft`); a booking takes one with its seat; a cancellation gives both back;
 * when the day is over the slot's unused subsidy seats and the no-shows' return to the ledger; a
 * pickup draws the booking's subsidy (recorded on the booking, in the pickup's own write). So
 * budget = unallocated + Σ slots' subsidy seats + Σ open subsidised bookings + Σ drawn, always,
 * and no booking is ever promised money the budget does not have. Chunks are small when the budget
 * is nearly spent, so little sits idle in one slot while another is refused.
 */
import type { SlotKey } from '../_domain/meal-rules'
import { _, db, row } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { type Doc, isDuplicateKey, num, updatedCount } from '../_lib/values'
import { canteenSubsidy, ledgerIdOf, periodOf } from './store'

export interface SeatRequest {
  slotId: string
  key: SlotKey
  mealId: string
  code: string
  subsidised: boolean
  /** The slot's canteen limits bookings per day / week (checked before this attempt). */
  strict: boolean
  now: Date
}

/** Take a seat (and a subsidy seat) and issue the code, in one conditional update. */
export async function takeSeat(r: SeatRequest): Promise<boolean> {
  const where: Doc = {
    _id: r.slotId,
    canteenId: r.key.canteenId,
    date: r.key.date,
    start: r.key.start,
    state: 'open',
    // (`neq` rather than `false`: a slot written before a field existed still matches)
    strictLimits: r.strict ? true : _.neq(true),
    cutoffAt: _.gt(r.now),
    seatsLeft: _.gt(0),
    codes: _.nin([r.code]),
    meals: _.elemMatch({ id: r.mealId, subsidised: r.subsidised ? true : _.neq(true), soldOut: _.neq(true) }),
  }
  const data: Doc = { seatsLeft: _.inc(-1), booked: _.inc(1), codes: _.push([r.code]) }
  if (r.subsidised) {
    where.subsidyLeft = _.gt(0)
    data.subsidyLeft = _.inc(-1)
  }
  return updatedCount(await db.collection(COLLECTION.meal_slots).where(where).update({ data })) === 1
}

/**
 * Give a seat back (cancel, move away). `unissue`: the code of a booking that was never written
 * (its write failed) — the slot may issue it again; a cancelled booking's code stays issued.
 */
export async function returnSeat(slotId: string, subsidised: boolean, unissue?: string): Promise<void> {
  const data: Doc = { seatsLeft: _.inc(1), booked: _.inc(-1) }
  if (subsidised) data.subsidyLeft = _.inc(1)
  if (unissue) data.codes = _.pull(unissue)
  await db.collection(COLLECTION.meal_slots).where({ _id: slotId }).update({ data })
}

/** The period's ledger, created from the canteen's subsidy settings the first time it is needed. */
export async function ensureLedger(canteen: Doc, date: string, now: Date): Promise<Doc> {
  const id = ledgerIdOf(String(canteen._id), date)
  const found = await row(db.collection(COLLECTION.meal_ledgers).where({ _id: id }))
  if (found) return found
  const { perMealFen, monthlyBudgetFen } = canteenSubsidy(canteen)
  const doc = {
    _id: id,
    canteenId: String(canteen._id),
    period: periodOf(date),
    budgetFen: monthlyBudgetFen,
    perMealFen,
    unallocatedFen: monthlyBudgetFen,
    createdAt: now,
    updatedAt: now,
  }
  try {
    await db.collection(COLLECTION.meal_ledgers).add({ data: doc })
    return doc
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    return (await row(db.collection(COLLECTION.meal_ledgers).where({ _id: id }))) ?? doc
  }
}

/** How many subsidy seats to hand a slot at once: big while the budget is large, one at a time near its end. */
export function chunkSize(unallocatedFen: number, perMealFen: number, seatsLeft: number): number {
  const meals = Math.floor(unallocatedFen / Math.max(1, perMealFen))
  return Math.max(0, Math.min(seatsLeft, meals, Math.max(1, Math.floor(meals / 20))))
}

/**
 * Move a chunk of the period's budget to the slot as subsidy seats. False when the budget cannot pay
 * for one more meal. The ledger is decremented first (conditionally), so a failure in between can
 * only leave budget unused, never spend it twice.
 */
export async function allocateSubsidy(slot: Doc, canteen: Doc, now: Date): Promise<boolean> {
  const ledgers = db.collection(COLLECTION.meal_ledgers)
  for (let attempt = 0; attempt < 4; attempt++) {
    const ledger = await ensureLedger(canteen, String(slot.date), now)
    const per = num(ledger.perMealFen, canteenSubsidy(canteen).perMealFen)
    const k = chunkSize(num(ledger.unallocatedFen), per, Math.max(1, num(slot.seatsLeft)))
    if (k <= 0) return false
    const taken = updatedCount(
      await ledgers
        .where({ _id: ledger._id, unallocatedFen: _.gte(k * per) })
        .update({ data: { unallocatedFen: _.inc(-k * per), updatedAt: now } }),
    )
    if (taken !== 1) continue
    // Only an empty slot is refilled: when riders racing for the same slot each took a chunk, the
    // first one fills it and the others give theirs straight back to the ledger.
    const filled = updatedCount(
      await db
        .collection(COLLECTION.meal_slots)
        .where({ _id: slot._id, subsidyLeft: _.lte(0) })
        .update({ data: { subsidyLeft: _.inc(k) } }),
    )
    if (filled !== 1) await returnToLedger(String(slot.canteenId), String(slot.date), k * per, now)
    return true
  }
  return false
}

/** Give subsidy back to the period's ledger (unused slot seats, no-shows, a closed slot). */
export async function returnToLedger(canteenId: string, date: string, fen: number, now: Date): Promise<void> {
  if (fen <= 0) return
  await db
    .collection(COLLECTION.meal_ledgers)
    .where({ _id: ledgerIdOf(canteenId, date) })
    .update({ data: { unallocatedFen: _.inc(fen), updatedAt: now } })
}

/**
 * A slot's unused subsidy seats go back to the ledger, once: the slot's count is zeroed on the
 * condition that it still holds what was read, then the ledger gets that many meals' worth.
 */
export async function releaseSlotSubsidy(slot: Doc, perMealFen: number, now: Date, extra: Doc = {}): Promise<number> {
  const left = num(slot.subsidyLeft)
  const won = updatedCount(
    await db
      .collection(COLLECTION.meal_slots)
      .where({ _id: slot._id, subsidyLeft: left })
      .update({ data: { subsidyLeft: 0, ...extra } }),
  )
  if (won !== 1 || left <= 0) return 0
  await returnToLedger(String(slot.canteenId), String(slot.date), left * perMealFen, now)
  return left * perMealFen
}
