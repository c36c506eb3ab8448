/**
 * The plan of one canteen day as staff edit it (dishes library, set meals with their bookings,
 * slots with seats), and the slot documents' copy of the menu that `book` checks in its one
 * conditional update.
 */
import { slotMealsFor } from '../_domain/meal-plan'
import { SEAT_STATES } from '../_domain/meal-slots'
import { _, db, rows } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { tempUrls } from '../_lib/files'
import { businessDate } from '../_lib/time'
import { type Doc, num, str } from '../_lib/values'
import { dishEditViewOf } from './present'
import type { PlanView } from './staff-views'
import { loadCanteen, loadMenu, type MenuMeal, menuMeals } from './store'

export async function canteenDishes(canteenId: string): Promise<Doc[]> {
  return rows(
    db
      .collection(COLLECTION.meal_dishes)
      .where({ canteenId, retired: _.neq(true) })
      .orderBy('name', 'asc')
      .limit(200),
  )
}

export async function daySlots(canteenId: string, date: string): Promise<Doc[]> {
  return rows(db.collection(COLLECTION.meal_slots).where({ canteenId, date }).orderBy('start', 'asc').limit(100))
}

/** Bookings holding a seat on that day, per meal and service: a meal with bookings is not removed. */
export async function bookedPerMeal(
  canteenId: string,
  date: string,
): Promise<Map<string, { total: number; lunch: number; dinner: number }>> {
  const res = (await db
    .collection(COLLECTION.meal_bookings)
    .aggregate()
    .match({ canteenId, date, state: _.in([...SEAT_STATES]) })
    .group({ _id: { meal: '$mealId', service: '$service' }, n: db.command.aggregate.sum(1) })
    .limit(100)
    .end()) as { list: { _id: { meal: string; service: string }; n: number }[] }
  const out = new Map<string, { total: number; lunch: number; dinner: number }>()
  for (const r of res.list) {
    const e = out.get(r._id.meal) ?? { total: 0, lunch: 0, dinner: 0 }
    e.total += r.n
    if (r._id.service === 'dinner') e.dinner += r.n
    else e.lunch += r.n
    out.set(r._id.meal, e)
  }
  return out
}

/** Write the menu's copy into every slot of that day (per service). */
export async function syncSlotMeals(canteenId: string, date: string, meals: MenuMeal[], now: Date): Promise<void> {
  for (const service of ['lunch', 'dinner']) {
    await db
      .collection(COLLECTION.meal_slots)
      .where({ canteenId, date, service })
      .update({ data: { meals: slotMealsFor(meals, service), updatedAt: now } })
  }
}

export async function planViewOf(canteenId: string, date: string, now: Date): Promise<PlanView> {
  const [canteen, dishes, menu, slots, booked] = await Promise.all([
    loadCanteen(canteenId),
    canteenDishes(canteenId),
    loadMenu(canteenId, date),
    daySlots(canteenId, date),
    bookedPerMeal(canteenId, date),
  ])
  const urls = await tempUrls(dishes.map((d) => str(d.photo)).filter(Boolean))
  return {
    canteen: { id: canteenId, name: str(canteen.name) },
    date,
    past: date < businessDate(now),
    dishes: dishes.map((d) => dishEditViewOf(d, urls)),
    meals: menuMeals(menu).map((m) => ({ ...m, booked: booked.get(m.id)?.total ?? 0 })),
    slots: slots.map((s) => ({
      id: str(s._id),
      start: str(s.start),
      end: str(s.end),
      service: str(s.service) === 'dinner' ? ('dinner' as const) : ('lunch' as const),
      offPeak: s.offPeak === true,
      capacity: num(s.capacity),
      booked: num(s.booked),
      left: Math.max(0, num(s.seatsLeft)),
      state: str(s.state) === 'closed' ? ('closed' as const) : ('open' as const),
      closedReason: str(s.closedReason) || null,
    })),
  }
}
