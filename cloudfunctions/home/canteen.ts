/**
 * 首页's canteen part: today's slots of the town's canteen with seats left and whether the caller
 * can book each (the same rule as the 食堂 tab), and the caller's next meal still to collect.
 * Two aggregates (_domain/meal-day), run beside the station query.
 */
import { bookerOf, loadCanteenDay, loadNextBooking, subsidyRoom } from '../_domain/meal-day'
import { availability, seatsLeft } from '../_domain/meal-slots'
import type { Caller } from '../_lib/caller'
import { businessDate, isoShanghai } from '../_lib/time'
import { dateOrNull, str } from '../_lib/values'
import type { HomeCanteenCard, HomeNextMeal } from './contract'

export async function canteenCard(caller: Caller, now: Date): Promise<HomeCanteenCard | null> {
  const day = await loadCanteenDay(undefined, businessDate(now), caller.openid, false)
  if (!day) return null
  const room = subsidyRoom(day)
  const who = bookerOf(caller.profile, caller.verified, day, now)
  const ahead = day.slots.filter((s) => (dateOrNull(s.endsAt)?.getTime() ?? 0) > now.getTime())
  const slots = ahead.map((s) => {
    const a = availability(s, now, who, room)
    return {
      id: str(s._id),
      start: str(s.start),
      end: str(s.end),
      offPeak: s.offPeak === true,
      left: seatsLeft(s),
      bookable: a.bookable,
      ...(a.reason ? { reason: a.reason } : {}),
    }
  })
  const openToAnyone = ahead.filter((s) => availability(s, now, { verified: true, pausedUntil: null, booked: [] }, room).bookable).length
  return { id: str(day.canteen._id), name: str(day.canteen.name), slots: slots.slice(0, 4), openSlots: openToAnyone }
}

export async function nextMeal(caller: Caller, now: Date): Promise<HomeNextMeal | null> {
  if (!caller.openid) return null
  const next = await loadNextBooking(caller.openid, now)
  if (!next) return null
  const b = next.booking
  const hold = dateOrNull(b.holdUntil) ?? dateOrNull(next.slot?.settleAt)
  return {
    bookingId: str(b._id),
    date: str(b.date),
    start: str(b.start),
    end: str(next.slot?.end),
    canteenName: str(next.canteen?.name, '小哥食堂'),
    code: str(b.code),
    state: str(b.state) === 'placed' ? 'placed' : 'booked',
    lockerNo: typeof b.lockerNo === 'number' ? b.lockerNo : null,
    holdUntil: hold ? isoShanghai(hold) : null,
  }
}
