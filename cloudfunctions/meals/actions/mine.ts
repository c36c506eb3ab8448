/**
 * A rider's own bookings: myBookings (active soonest first, then history) and getBooking, each one
 * aggregate with the slot (times), canteen (name) and menu (meal name) joined.
 */
import { type MealPolicy, policyOf } from '../../_domain/meal-rules'
import { mealPauseOf } from '../../_domain/meal-slots'
import { db } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { notFound } from '../../_lib/errors'
import { actionsOf } from '../../_lib/router'
import { DAY_MS, isoShanghai } from '../../_lib/time'
import { type Doc, dateOrNull, str } from '../../_lib/values'
import { mealsContract } from '../contract'
import { bookingViewOf } from '../present'
import type { BookingView } from '../views'

const act = actionsOf(mealsContract)

export interface JoinedBooking {
  booking: Doc
  slot: Doc | null
  canteen: Doc | null
  menu: Doc | null
  policy: MealPolicy
}

/** Bookings matching `match`, latest first, each with its slot, canteen and menu (one request). */
export async function joinedBookings(match: Doc, limit: number): Promise<JoinedBooking[]> {
  const res = (await db
    .collection(COLLECTION.meal_bookings)
    .aggregate()
    .match(match)
    .sort({ startsAt: -1 })
    .limit(limit)
    .lookup({ from: COLLECTION.meal_slots, localField: 'slotId', foreignField: '_id', as: 'j_slot' })
    .lookup({ from: COLLECTION.canteens, localField: 'canteenId', foreignField: '_id', as: 'j_canteen' })
    .lookup({ from: COLLECTION.meal_menus, localField: 'menuId', foreignField: '_id', as: 'j_menu' })
    .end()) as { list: Doc[] }
  return res.list.map((d) => {
    const { j_slot, j_canteen, j_menu, ...booking } = d
    const canteen = (j_canteen as Doc[])[0] ?? null
    return { booking, slot: (j_slot as Doc[])[0] ?? null, canteen, menu: (j_menu as Doc[])[0] ?? null, policy: policyOf(canteen) }
  })
}

export const viewOf = (j: JoinedBooking, now: Date): BookingView =>
  bookingViewOf(j.booking, { slot: j.slot, canteen: j.canteen, menu: j.menu, policy: j.policy, now })

/** The caller's own booking with its context, or NOT_FOUND (someone else's booking is not revealed). */
export async function ownBooking(bookingId: string, openid: string): Promise<JoinedBooking> {
  const [j] = await joinedBookings({ _id: bookingId, openid }, 1)
  if (!j) throw notFound('没有找到这个预约')
  return j
}

/** No-shows and late cancels counted against the policy: within its window, after the last lifted pause. */
export function strikes(list: JoinedBooking[], profile: Doc | null, now: Date): number {
  const reset = dateOrNull(profile?.mealPauseResetAt)?.getTime() ?? 0
  return list.filter((j) => {
    const at = dateOrNull(j.booking.struckAt)?.getTime()
    return at !== undefined && at > reset && at >= now.getTime() - j.policy.noShow.windowDays * DAY_MS
  }).length
}

export const myBookings = act('myBookings', {
  summary: '我的爱心餐预约：待取餐的（取餐码、保温柜号）和历史记录，以及是否因爽约暂停预约',
  roles: ['anyone'],
  async handler(_input, { caller, now }) {
    const list = await joinedBookings({ openid: caller.openid }, 60)
    const active = list
      .filter((j) => ['booked', 'placed'].includes(str(j.booking.state)))
      .reverse()
      .map((j) => viewOf(j, now))
    const history = list
      .filter((j) => !['booked', 'placed'].includes(str(j.booking.state)))
      .slice(0, 30)
      .map((j) => viewOf(j, now))
    const pause = mealPauseOf(caller.profile, now)
    return {
      active,
      history,
      pausedUntil: pause ? isoShanghai(pause.until) : null,
      pauseReason: pause?.reason ?? null,
      noShows: strikes(list, caller.profile, now),
    }
  },
})

export const getBooking = act('getBooking', {
  summary: '我的一个预约：取餐码（配二维码）、时段、套餐、保温柜号和保留时间、还能做什么',
  roles: ['anyone'],
  errors: ['NOT_FOUND'],
  async handler(input, { caller, now }) {
    return viewOf(await ownBooking(input.bookingId, caller.openid), now)
  },
})
