/**
 * A canteen's day in ONE database request, for the 食堂 tab (`meals.listDay`) and 首页's canteen card
 * (`home.getHome`): the canteen (the one asked for, or the town's first open one) with that day's
 * menu, its dish library, the day's slots, the caller's bookings that day and the month's ledger,
 * joined by lookups with `let` + `pipeline`. And the caller's next booking, with its slot and
 * canteen, in one more.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/aggregate/Aggregate.lookup.html
 */
import { _, db } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { type Doc, num, str } from '../_lib/values'
import { subsidyOf } from './meal-rules'
import { type Booker, mealPauseOf } from './meal-slots'

interface SubPipeline {
  match(query: unknown): SubPipeline
  sort(spec: Record<string, 1 | -1>): SubPipeline
  project(spec: Record<string, unknown>): SubPipeline
  done(): unknown
}
type Operator = (args: unknown[]) => unknown

/** wx-server-sdk's typings omit `aggregate.pipeline()`, `command.expr` and some operators the SDK has. */
const $ = db.command.aggregate as unknown as { pipeline(): SubPipeline; and: Operator; eq: Operator; neq: Operator; in: Operator }
const expr = (e: unknown): unknown => (db.command as unknown as { expr(e: unknown): unknown }).expr(e)

export interface CanteenDay {
  canteen: Doc
  menu: Doc | null
  dishes: Doc[]
  slots: Doc[]
  /** The caller's bookings that day holding a seat (any canteen: one per service and day is town-wide). */
  mine: Doc[]
  ledger: Doc | null
}

export async function loadCanteenDay(
  canteenId: string | undefined,
  date: string,
  openid: string,
  withDishes = true,
): Promise<CanteenDay | null> {
  const byCanteen = (extra: unknown[]) => expr($.and([$.eq(['$canteenId', '$$cid']), ...extra]))
  const sub = (from: string, match: unknown, as: string, sort?: Record<string, 1 | -1>) => {
    const p = $.pipeline().match(match)
    return { from, let: { cid: '$_id' }, pipeline: (sort ? p.sort(sort) : p).done(), as }
  }
  let q = db
    .collection(COLLECTION.canteens)
    .aggregate()
    .match(canteenId ? { _id: canteenId } : { status: _.neq('closed') })
    .sort({ createdAt: 1, _id: 1 })
    .limit(1)
    .lookup(sub(COLLECTION.meal_menus, byCanteen([$.eq(['$date', date])]), 'menus'))
    .lookup(sub(COLLECTION.meal_slots, byCanteen([$.eq(['$date', date])]), 'slots', { start: 1 }))
    .lookup(
      sub(
        COLLECTION.meal_bookings,
        expr($.and([$.eq(['$openid', openid]), $.eq(['$date', date]), $.in(['$state', ['booked', 'placed', 'collected']])])),
        'mine',
      ),
    )
    .lookup(sub(COLLECTION.meal_ledgers, byCanteen([$.eq(['$period', date.slice(0, 7)])]), 'ledgers'))
  if (withDishes) q = q.lookup(sub(COLLECTION.meal_dishes, byCanteen([$.neq(['$retired', true])]), 'dishes'))
  const res = (await q.end()) as { list: Doc[] }
  const d = res.list[0]
  if (!d) return null
  const { menus, slots, mine, ledgers, dishes, ...canteen } = d
  return {
    canteen,
    menu: (menus as Doc[])[0] ?? null,
    dishes: (dishes as Doc[] | undefined) ?? [],
    slots: slots as Doc[],
    mine: mine as Doc[],
    ledger: (ledgers as Doc[])[0] ?? null,
  }
}

/** The caller's next booking still to collect (booked or in a locker), with its slot and canteen. */
export async function loadNextBooking(openid: string, now: Date): Promise<{ booking: Doc; slot: Doc | null; canteen: Doc | null } | null> {
  const res = (await db
    .collection(COLLECTION.meal_bookings)
    .aggregate()
    .match({ openid, state: _.in(['booked', 'placed']), startsAt: _.gt(new Date(now.getTime() - 6 * 3_600_000)) })
    .sort({ startsAt: 1 })
    .limit(1)
    .lookup({ from: COLLECTION.meal_slots, localField: 'slotId', foreignField: '_id', as: 'j_slot' })
    .lookup({ from: COLLECTION.canteens, localField: 'canteenId', foreignField: '_id', as: 'j_canteen' })
    .end()) as { list: Doc[] }
  const d = res.list[0]
  if (!d) return null
  const { j_slot, j_canteen, ...booking } = d
  return { booking, slot: (j_slot as Doc[])[0] ?? null, canteen: (j_canteen as Doc[])[0] ?? null }
}

/** Whether the month's budget can still give this day's slots subsidy seats (the ledger, or the full budget before its first use). */
export function subsidyRoom(day: CanteenDay): boolean {
  const { perMealFen, monthlyBudgetFen } = subsidyOf(day.canteen)
  const unallocated = day.ledger ? num(day.ledger.unallocatedFen) : monthlyBudgetFen
  return unallocated >= perMealFen
}

/** Who is asking, as `availability` needs it: verified, paused until, what they booked that day. */
export function bookerOf(
  profile: Doc | null,
  verified: boolean,
  day: CanteenDay,
  now: Date,
): Booker & { bookings: { service: string; slotId: string; bookingId: string }[] } {
  const bookings = day.mine.map((b) => ({ service: str(b.service), slotId: str(b.slotId), bookingId: str(b._id) }))
  return { verified, pausedUntil: mealPauseOf(profile, now)?.until ?? null, booked: bookings, bookings }
}
