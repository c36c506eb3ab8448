/**
 * meals.listDay: a canteen's day for the 食堂 tab — set meals with their dishes, slots with seats
 * left and whether the caller can book each — in ONE database request (an aggregate with lookups)
 * after the router's read of the caller.
 */

import { availability, mealPauseOf } from '../../_domain/meal-slots'
import { _, db } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { visibleFiles } from '../../_lib/content'
import { notFound } from '../../_lib/errors'
import { isCanteenStaff } from '../../_lib/guard'
import { tempUrls } from '../../_lib/files'
import { templateId } from '../../_lib/notify'
import { type ActionContext, actionsOf } from '../../_lib/router'
import { addDays, businessDate, isoShanghai } from '../../_lib/time'
import { type Doc, num, str } from '../../_lib/values'
import { $, expr } from '../agg'
import { mealsContract } from '../contract'
import { dayLabel, mealViewsOf, seatsOf } from '../present'
import { canteenPolicy, canteenSubsidy, periodOf } from '../store'
import type { DayView } from '../views'

const act = actionsOf(mealsContract)

/** How far ahead riders can look and book. */
export const BOOKING_DAYS = 7

/** The canteen (the one asked for, or the town's first open one) with the day's menu, dishes, slots, my bookings and the period's ledger. */
async function loadDay(canteenId: string | undefined, date: string, openid: string): Promise<Doc | null> {
  const byCanteen = (extra: unknown[]) => expr($.and([$.eq(['$canteenId', '$$cid']), ...extra]))
  const res = (await db
    .collection(COLLECTION.canteens)
    .aggregate()
    .match(canteenId ? { _id: canteenId } : { status: _.neq('closed') })
    .sort({ createdAt: 1, _id: 1 })
    .limit(1)
    .lookup({
      from: COLLECTION.meal_menus,
      let: { cid: '$_id' },
      pipeline: $.pipeline()
        .match(byCanteen([$.eq(['$date', date])]))
        .done(),
      as: 'menus',
    })
    .lookup({
      from: COLLECTION.meal_dishes,
      let: { cid: '$_id' },
      pipeline: $.pipeline()
        .match(byCanteen([$.neq(['$retired', true])]))
        .done(),
      as: 'dishes',
    })
    .lookup({
      from: COLLECTION.meal_slots,
      let: { cid: '$_id' },
      pipeline: $.pipeline()
        .match(byCanteen([$.eq(['$date', date])]))
        .sort({ start: 1 })
        .done(),
      as: 'slots',
    })
    .lookup({
      from: COLLECTION.meal_bookings,
      let: { cid: '$_id' },
      pipeline: $.pipeline()
        .match(expr($.and([$.eq(['$openid', openid]), $.eq(['$date', date]), $.in(['$state', ['booked', 'placed', 'collected']])])))
        .project({ _id: 1, service: 1, slotId: 1 })
        .done(),
      as: 'mine',
    })
    .lookup({
      from: COLLECTION.meal_ledgers,
      let: { cid: '$_id' },
      pipeline: $.pipeline()
        .match(byCanteen([$.eq(['$period', periodOf(date)])]))
        .done(),
      as: 'ledgers',
    })
    .end()) as { list: Doc[] }
  return res.list[0] ?? null
}

export function bookingDays(today: string): { date: string; label: string }[] {
  return Array.from({ length: BOOKING_DAYS }, (_, i) => {
    const date = addDays(today, i)
    return { date, label: dayLabel(date, today) }
  })
}

export async function listDayFor(input: { date: string; canteenId?: string }, { caller, now }: ActionContext): Promise<DayView> {
  const day = await loadDay(input.canteenId, input.date, caller.openid)
  if (!day) throw notFound(input.canteenId ? '没有这个食堂' : '还没有开放的食堂')
  const policy = canteenPolicy(day)
  const { perMealFen, monthlyBudgetFen } = canteenSubsidy(day)
  const ledger = (day.ledgers as Doc[])[0]
  const unallocated = ledger ? num(ledger.unallocatedFen) : monthlyBudgetFen
  const subsidyRoom = unallocated >= perMealFen
  const dishes = day.dishes as Doc[]
  const urls = await tempUrls(dishes.flatMap((d) => visibleFiles(d, 'photo')))
  const mine = (day.mine as Doc[]).map((b) => ({ service: str(b.service), slotId: str(b.slotId), bookingId: str(b._id) }))
  const pause = mealPauseOf(caller.profile, now)
  const who = { verified: caller.verified, pausedUntil: pause?.until ?? null, booked: mine }
  const slots = (day.slots as Doc[]).map((s) => {
    const { capacity, left } = seatsOf(s)
    const a = availability(s, now, who, subsidyRoom)
    return {
      id: str(s._id),
      start: str(s.start),
      end: str(s.end),
      service: str(s.service) === 'dinner' ? ('dinner' as const) : ('lunch' as const),
      offPeak: s.offPeak === true,
      capacity,
      left,
      bookable: a.bookable,
      ...(a.reason ? { reason: a.reason } : {}),
      mine: a.mine,
    }
  })
  const today = businessDate(now)
  return {
    canteen: { id: str(day._id), name: str(day.name), address: str(day.address) },
    date: input.date,
    today,
    days: bookingDays(today),
    meals: mealViewsOf((day.menus as Doc[])[0] ?? null, dishes, urls),
    slots,
    me: {
      verified: caller.verified,
      staff: isCanteenStaff(caller, str(day._id)),
      pausedUntil: pause ? isoShanghai(pause.until) : null,
      pauseReason: pause?.reason ?? null,
      booked: mine.map((m) => ({ service: m.service === 'dinner' ? 'dinner' : 'lunch', bookingId: m.bookingId, slotId: m.slotId })),
    },
    subsidyOpen: subsidyRoom || (day.slots as Doc[]).some((s) => num(s.subsidyLeft) > 0),
    cutoffMinutes: policy.cutoffMinutes,
    templates: { placed: templateId('mealPlaced'), cancelled: templateId('mealCancelled') },
  }
}

export const listDay = act('listDay', {
  summary: '食堂某一天：套餐（菜品、照片、过敏原）、各时段剩余名额和我能否预约（错峰时段标出）',
  roles: ['anyone'],
  errors: ['NOT_FOUND'],
  handler: listDayFor,
})
