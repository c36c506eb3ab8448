/**
 * meals.listDay: a canteen's day for the 食堂 tab — set meals with their dishes, slots with seats
 * left and whether the caller can book each — in ONE database request (an aggregate with lookups)
 * after the router's read of the caller.
 */

import { bookerOf, loadCanteenDay, subsidyRoom } from '../../_domain/meal-day'
import { isOpenOn, policyOf, serviceOf } from '../../_domain/meal-rules'
import { availability, mealPauseOf } from '../../_domain/meal-slots'
import { visibleFiles } from '../../_lib/content'
import { notFound } from '../../_lib/errors'
import { tempUrls } from '../../_lib/files'
import { isCanteenStaff } from '../../_lib/guard'
import { templateId } from '../../_lib/notify'
import { type ActionContext, actionsOf } from '../../_lib/router'
import { addDays, businessDate, isoShanghai } from '../../_lib/time'
import { type Doc, num, str } from '../../_lib/values'
import { mealsContract } from '../contract'
import { dayLabel, mealViewsOf, seatsOf } from '../present'
import type { DayView } from '../views'

const act = actionsOf(mealsContract)

/** How far ahead riders can look and book. */
export const BOOKING_DAYS = 7

export function bookingDays(today: string, canteen: Doc): { date: string; label: string; open: boolean }[] {
  return Array.from({ length: BOOKING_DAYS }, (_, i) => {
    const date = addDays(today, i)
    return { date, label: dayLabel(date, today), open: isOpenOn(canteen, date) }
  })
}

export async function listDayFor(input: { date: string; canteenId?: string }, { caller, now }: ActionContext): Promise<DayView> {
  const day = await loadCanteenDay(input.canteenId, input.date, caller.openid)
  if (!day) throw notFound(input.canteenId ? '没有这个食堂' : '还没有开放的食堂')
  const room = subsidyRoom(day)
  const urls = await tempUrls(day.dishes.flatMap((d) => visibleFiles(d, 'photo')))
  const who = bookerOf(caller.profile, caller.verified, day, now)
  const slots = day.slots.map((s) => {
    const { capacity, left } = seatsOf(s)
    const a = availability(s, now, who, room)
    return {
      id: str(s._id),
      start: str(s.start),
      end: str(s.end),
      service: serviceOf(str(s.start)),
      offPeak: s.offPeak === true,
      capacity,
      left,
      bookable: a.bookable,
      ...(a.reason ? { reason: a.reason } : {}),
      mine: a.mine,
    }
  })
  const today = businessDate(now)
  const canteenId = str(day.canteen._id)
  return {
    canteen: { id: canteenId, name: str(day.canteen.name), address: str(day.canteen.address) },
    date: input.date,
    today,
    days: bookingDays(today, day.canteen),
    meals: mealViewsOf(day.menu, day.dishes, urls),
    slots,
    me: {
      verified: caller.verified,
      staff: isCanteenStaff(caller, canteenId),
      pausedUntil: who.pausedUntil ? isoShanghai(who.pausedUntil) : null,
      pauseReason: mealPauseOf(caller.profile, now)?.reason ?? null,
      booked: who.bookings.map((m) => ({
        service: m.service === 'dinner' ? ('dinner' as const) : ('lunch' as const),
        bookingId: m.bookingId,
        slotId: m.slotId,
      })),
    },
    subsidyOpen: room || day.slots.some((s) => num(s.subsidyLeft) > 0),
    cutoffMinutes: policyOf(day.canteen).cutoffMinutes,
    templates: { placed: templateId('mealPlaced'), cancelled: templateId('mealCancelled') },
  }
}

export const listDay = act('listDay', {
  summary: '食堂某一天：套餐（菜品、照片、过敏原）、各时段剩余名额和我能否预约（错峰时段标出）',
  roles: ['anyone'],
  errors: ['NOT_FOUND'],
  handler: listDayFor,
})
