/**
 * The canteen console's "today at a glance": per slot booked / capacity and collected, how many of
 * each set meal to prepare, lockers in use, riders running late, meals past their hold time, and
 * everything still to hand over — five reads, whatever the day's size.
 */
import { SEAT_STATES } from '../../_domain/meal-slots'
import { db } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { actionsOf } from '../../_lib/router'
import { businessDate, isoShanghai } from '../../_lib/time'
import { type Doc, num, str } from '../../_lib/values'
import { mealsContract } from '../contract'
import { recordRefusal, staffOfCanteen } from '../guards'
import { canteenLockers } from '../lockers'
import { daySlots } from '../plan-view'
import { bookingRowOf } from '../present'
import type { BookingRow } from '../staff-views'
import { canteenPolicy, loadCanteen, loadMenu, menuMeals } from '../store'

const act = actionsOf(mealsContract)

/** The day's bookings with each rider's nickname (one aggregate). */
async function dayBookings(canteenId: string, date: string): Promise<Doc[]> {
  const res = (await db
    .collection(COLLECTION.meal_bookings)
    .aggregate()
    .match({ canteenId, date })
    .sort({ start: 1, code: 1 })
    .limit(2000)
    .lookup({ from: COLLECTION.users, localField: 'openid', foreignField: '_id', as: 'rider' })
    .end()) as { list: Doc[] }
  return res.list
}

const isOpen = (r: BookingRow) => r.state === 'booked' || r.state === 'placed'

export const board = act('board', {
  summary: '食堂今日一览：各时段已约/容量和已取，各套餐备餐份数，保温柜占用，晚到和超时未取的餐，待取餐名单',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND'],
  scope: staffOfCanteen(),
  onDenied: recordRefusal('mealBoard'),
  async handler(input, { now }) {
    const date = input.date ?? businessDate(now)
    const [canteen, slots, list, menu, lockers] = await Promise.all([
      loadCanteen(input.canteenId),
      daySlots(input.canteenId, date),
      dayBookings(input.canteenId, date),
      loadMenu(input.canteenId, date),
      canteenLockers(input.canteenId).then((all) => all.filter((l) => l.disabled !== true)),
    ])
    const policy = canteenPolicy(canteen)
    const slotById = new Map(slots.map((s) => [str(s._id), s]))
    const rows = list.map((b) => ({
      doc: b,
      row: bookingRowOf(b, { slot: slotById.get(str(b.slotId)) ?? null, menu, rider: (b.rider as Doc[])[0] ?? null, policy, now }),
    }))
    const seated = rows.filter((r) => (SEAT_STATES as readonly string[]).includes(r.row.state))
    const byId = new Map(rows.map((r) => [r.row.id, r.row]))
    return {
      canteen: { id: input.canteenId, name: str(canteen.name) },
      date,
      now: isoShanghai(now),
      slots: slots.map((s) => ({
        id: str(s._id),
        start: str(s.start),
        end: str(s.end),
        offPeak: s.offPeak === true,
        state: str(s.state) === 'closed' ? ('closed' as const) : ('open' as const),
        capacity: num(s.capacity),
        booked: num(s.booked),
        collected: rows.filter((r) => r.row.slotId === str(s._id) && r.row.state === 'collected').length,
      })),
      prep: menuMeals(menu).map((m) => ({
        mealId: m.id,
        name: m.name,
        count: seated.filter((r) => r.row.mealId === m.id).length,
        collected: seated.filter((r) => r.row.mealId === m.id && r.row.state === 'collected').length,
      })),
      lockers: {
        total: lockers.length,
        inUse: lockers.filter((l) => str(l.bookingId)).length,
        list: lockers.map((l) => {
          const row = byId.get(str(l.bookingId))
          return { no: num(l.no), bookingId: str(l.bookingId) || null, code: row?.code ?? null, overdue: row?.overdue ?? false }
        }),
      },
      late: rows.map((r) => r.row).filter((r) => isOpen(r) && (r.moved || r.holdExtended)),
      uncollected: rows.map((r) => r.row).filter((r) => r.overdue && (isOpen(r) || r.lockerNo !== null)),
      toHandOver: rows.map((r) => r.row).filter(isOpen),
    }
  },
})
