/**
 * Heated lockers: one document per locker (`<canteenId>_<no>`) saying which booking is in it. A
 * meal goes in by a conditional update that matches only an empty locker, so two meals can never
 * be put in one locker at once, whatever the concurrency; taking it out is conditional on the same
 * booking still being there.
 */
import { _, db, rows } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { type Doc, num, updatedCount } from '../_lib/values'
import { lockerIdOf } from './store'

const lockers = () => db.collection(COLLECTION.meal_lockers)

export async function canteenLockers(canteenId: string): Promise<Doc[]> {
  return rows(lockers().where({ canteenId }).orderBy('no', 'asc').limit(1000))
}

/** Put the booking in this locker if it is empty (and in service). */
export async function takeLocker(canteenId: string, no: number, bookingId: string, now: Date): Promise<boolean> {
  const won = updatedCount(
    await lockers()
      .where({ _id: lockerIdOf(canteenId, no), bookingId: null, disabled: _.neq(true) })
      .update({ data: { bookingId, since: now } }),
  )
  return won === 1
}

/** The first empty locker that this booking gets (lowest number first; a lost race moves on to the next). */
export async function takeFreeLocker(canteenId: string, bookingId: string, now: Date): Promise<number | null> {
  for (let round = 0; round < 3; round++) {
    const free = await rows(
      lockers()
        .where({ canteenId, bookingId: null, disabled: _.neq(true) })
        .orderBy('no', 'asc')
        .limit(20),
    )
    if (!free.length) return null
    for (const l of free) {
      if (await takeLocker(canteenId, num(l.no), bookingId, now)) return num(l.no)
    }
  }
  return null
}

/** Empty the locker if this booking is (still) in it. */
export async function freeLocker(canteenId: string, no: number, bookingId: string): Promise<void> {
  await lockers()
    .where({ _id: lockerIdOf(canteenId, no), bookingId })
    .update({ data: { bookingId: null, since: null } })
}
