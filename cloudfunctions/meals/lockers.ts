/**
 * Heated lockers: one document per locker (`<canteenId>_<no>`) saying which booking is in it. A
 * meal goes in by a conditional update that matches only an empty locker, so two meals can never
 * be put in one locker at once, whatever the concurrency; taking it out is conditional on the same
 * booking still being there.
 */
import { _, db, row, rows } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { precondition } from '../_lib/errors'
import { type Doc, isDuplicateKey, num, str, updatedCount } from '../_lib/values'
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

/**
 * Lockers numbered 1..count in service: missing ones are added, switched-off ones within the count
 * switched on again, those above it switched off — refused while one of them holds a meal.
 */
export async function setLockerCount(canteenId: string, count: number): Promise<void> {
  const all = await canteenLockers(canteenId)
  const busy = all.find((l) => num(l.no) > count && str(l.bookingId))
  if (busy) throw precondition(`${num(busy.no)} 号柜里还有餐，清出来以后才能减少保温柜`)
  for (let no = 1; no <= count; no++) {
    const found = all.find((l) => num(l.no) === no)
    if (found && found.disabled !== true) continue
    if (found) {
      await lockers()
        .where({ _id: lockerIdOf(canteenId, no) })
        .update({ data: { disabled: false } })
      continue
    }
    try {
      await lockers().add({ data: { _id: lockerIdOf(canteenId, no), canteenId, no, bookingId: null, since: null, disabled: false } })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
    }
  }
  for (const l of all.filter((x) => num(x.no) > count && x.disabled !== true)) {
    // conditional: a meal placed meanwhile keeps its locker in service
    const off = updatedCount(
      await lockers()
        .where({ _id: l._id, bookingId: null })
        .update({ data: { disabled: true } }),
    )
    if (off !== 1 && (await row(lockers().where({ _id: l._id })))?.bookingId)
      throw precondition(`${num(l.no)} 号柜刚放进了一份餐，请稍后再减少`)
  }
}
