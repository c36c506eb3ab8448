/**
 * meals.settle — the timer after each slot (config.json: every 5 minutes, and on demand in the local
 * cloud). Each run:
 *   1. a booked or placed meal past its hold time becomes a no-show: the canteen's staff are told
 *      which (and which lockers), the rider is told, and a rider reaching the policy's count is paused;
 *   2. for days that are over, the slots' unused subsidy seats and the no-shows' subsidy go back to
 *      the month's ledger, once each.
 * Every change is a conditional update, so a run that overlaps another (or a retried one) changes
 * nothing twice.
 */
import { ACTIVE_STATES } from '../../_domain/meal-slots'
import { _, db, row, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { actionsOf } from '../../_lib/router'
import { businessDate } from '../../_lib/time'
import { type Doc, num, str, updatedCount } from '../../_lib/values'
import { mealsContract } from '../contract'
import { notifyNoShow, notifyUncollected } from '../messages'
import { releaseSlotSubsidy, returnToLedger } from '../seats'
import { canteenSubsidy, ledgerIdOf } from '../store'
import { evaluatePause } from './pauses'

const act = actionsOf(mealsContract)
const BATCH = 500

/** Loads each canteen once per run. */
function canteenCache() {
  const seen = new Map<string, Promise<Doc | null>>()
  return (id: string) => {
    if (!seen.has(id)) seen.set(id, row(db.collection(COLLECTION.canteens).where({ _id: id })))
    return seen.get(id) as Promise<Doc | null>
  }
}

/** Bookings past their hold: in slots whose hold just ended (no own hold time), and those with their own. */
async function overdueBookings(now: Date): Promise<Doc[]> {
  const slots = await rows(
    db
      .collection(COLLECTION.meal_slots)
      .where({ checked: false, settleAt: _.lt(now) })
      .limit(100),
  )
  const out: Doc[] = []
  for (const s of slots) {
    out.push(
      ...(await rows(
        db
          .collection(COLLECTION.meal_bookings)
          .where({ slotId: s._id, state: _.in([...ACTIVE_STATES]), holdUntil: null })
          .limit(BATCH),
      )),
    )
    await db
      .collection(COLLECTION.meal_slots)
      .where({ _id: s._id })
      .update({ data: { checked: true } })
  }
  out.push(
    ...(await rows(
      db
        .collection(COLLECTION.meal_bookings)
        .where({ state: _.in([...ACTIVE_STATES]), holdUntil: _.lt(now) })
        .limit(BATCH),
    )),
  )
  return out
}

async function markNoShows(now: Date, canteenOf: (id: string) => Promise<Doc | null>): Promise<{ noShows: number; paused: number }> {
  const byCanteen = new Map<string, Doc[]>()
  for (const b of await overdueBookings(now)) {
    const where: Doc = { _id: b._id, state: _.in([...ACTIVE_STATES]) }
    where.holdUntil = b.holdUntil ? _.lt(now) : null
    const won = updatedCount(
      await db
        .collection(COLLECTION.meal_bookings)
        .where(where)
        .update({ data: { state: 'no_show', noShowAt: now, struckAt: now, updatedAt: now } }),
    )
    if (won !== 1) continue
    byCanteen.set(str(b.canteenId), [...(byCanteen.get(str(b.canteenId)) ?? []), b])
  }
  let noShows = 0
  let paused = 0
  for (const [canteenId, list] of byCanteen) {
    const canteen = await canteenOf(canteenId)
    if (!canteen) continue
    noShows += list.length
    await notifyUncollected(canteen, list, now)
    for (const b of list) await notifyNoShow(b, canteen, now)
    for (const openid of new Set(list.map((b) => str(b.openid)))) {
      if (await evaluatePause(openid, canteen, now)) paused++
    }
  }
  return { noShows, paused }
}

/** Subsidy promised for days that are over and not drawn goes back to each month's ledger. */
async function settleDays(
  now: Date,
  canteenOf: (id: string) => Promise<Doc | null>,
): Promise<{ slotsSettled: number; returnedFen: number }> {
  const today = businessDate(now)
  const perMeal = async (canteenId: string, date: string) => {
    const ledger = await row(db.collection(COLLECTION.meal_ledgers).where({ _id: ledgerIdOf(canteenId, date) }))
    const canteen = await canteenOf(canteenId)
    return num(ledger?.perMealFen, canteen ? canteenSubsidy(canteen).perMealFen : 1500)
  }
  let slotsSettled = 0
  let returnedFen = 0
  for (const s of await rows(
    db
      .collection(COLLECTION.meal_slots)
      .where({ settled: false, date: _.lt(today) })
      .limit(BATCH),
  )) {
    returnedFen += await releaseSlotSubsidy(s, await perMeal(str(s.canteenId), str(s.date)), now, { settled: true, checked: true })
    slotsSettled++
  }
  const missed = await rows(
    db
      .collection(COLLECTION.meal_bookings)
      .where({ state: 'no_show', subsidised: true, commitReturned: _.neq(true), date: _.lt(today) })
      .limit(BATCH),
  )
  for (const b of missed) {
    const won = updatedCount(
      await db
        .collection(COLLECTION.meal_bookings)
        .where({ _id: b._id, state: 'no_show', commitReturned: _.neq(true) })
        .update({ data: { commitReturned: true } }),
    )
    if (won !== 1) continue
    const fen = await perMeal(str(b.canteenId), str(b.date))
    await returnToLedger(str(b.canteenId), str(b.date), fen, now)
    returnedFen += fen
  }
  return { slotsSettled, returnedFen }
}

export const settle = act('settle', {
  summary: '定时任务（每 5 分钟）：过了保留时间没取的餐记为未取餐，告诉食堂和小哥，爽约够次数的暂停预约；过去日子没用上的补贴退回台账',
  roles: ['system'],
  allowSystem: true,
  async handler(_input, { now }) {
    const canteenOf = canteenCache()
    const { noShows, paused } = await markNoShows(now, canteenOf)
    const { slotsSettled, returnedFen } = await settleDays(now, canteenOf)
    return { noShows, paused, slotsSettled, returnedFen }
  },
})
