/**
 * meals.book — a verified rider books a meal in a slot, idempotent by the client's requestId.
 *
 * The successful path is three database requests: the router's read of the caller (verified? paused?),
 * one conditional update of the slot that takes a seat and issues the pickup code (seats.ts), and the
 * insert of the booking, whose `_id` comes from the requestId (a retried tap collides with itself)
 * and whose (openid, serviceKey) is unique (one booking per rider per service and day). Everything
 * else — why a slot refused, handing the slot subsidy seats, per-day / per-week limits, a repeated
 * tap — happens only on the slow path, and a failed booking write gives the seat back.
 */
import { bookingDoc } from '../../_domain/meal-plan'
import { parseSlotId, pickupCode, type SlotKey, serviceKeyOf } from '../../_domain/meal-rules'
import { mealPauseOf, SEAT_STATES, slotMeals } from '../../_domain/meal-slots'
import type { Caller } from '../../_lib/caller'
import { _, db, row, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { conflict, denied, exhausted, invalid, notFound, precondition } from '../../_lib/errors'
import { actionsOf } from '../../_lib/router'
import { addDays, businessDate, dateTimeText, isoShanghai, shanghaiInstant, weekKey } from '../../_lib/time'
import { type Doc, dateOrNull, isDuplicateKey, num, str } from '../../_lib/values'
import { mealsContract } from '../contract'
import { bookingState } from '../present'
import { allocateSubsidy, returnSeat, takeSeat } from '../seats'
import { bookingIdOf, loadCanteen } from '../store'
import type { BookedView } from '../views'
import { BOOKING_DAYS } from './day'

const act = actionsOf(mealsContract)

interface Attempt {
  slotId: string
  key: SlotKey
  mealId: string
  subsidised: boolean
  code: string
  strict: boolean
}

function bookedViewOf(b: Doc, repeated: boolean): BookedView {
  return {
    id: str(b._id),
    code: str(b.code),
    slotId: str(b.slotId),
    canteenId: str(b.canteenId),
    date: str(b.date),
    start: str(b.start),
    service: str(b.service) === 'dinner' ? 'dinner' : 'lunch',
    mealId: str(b.mealId),
    subsidised: b.subsidised === true,
    state: bookingState(b),
    repeated,
    createdAt: isoShanghai(dateOrNull(b.createdAt) ?? new Date()),
  }
}

/** Refusals that need no database read: who is asking, and whether the slot id names a bookable day. */
function preflight(caller: Caller, slotId: string, now: Date): SlotKey {
  if (!caller.verified) throw denied('认证成为小哥后才能预约爱心餐，请在“我的”里申请认证')
  const pause = mealPauseOf(caller.profile, now)
  if (pause) throw precondition(`因${pause.reason}，爱心餐预约暂停到 ${dateTimeText(pause.until)}，可以联系联络员`)
  const key = parseSlotId(slotId)
  if (!key) throw notFound('没有这个时段')
  const today = businessDate(now)
  if (key.date < today) throw precondition('这个时段已经过了')
  if (key.date > addDays(today, BOOKING_DAYS - 1)) throw precondition(`只能预约 ${BOOKING_DAYS} 天内的时段`)
  return key
}

/**
 * Before anything is touched on the slow path: the same tap again (answer its booking), another
 * rider's requestId or this rider's requestId for another slot (refused), or a booking this rider
 * already holds for the meal service that day (CONFLICT).
 */
async function priorBooking(requestId: string, openid: string, a: Pick<Attempt, 'key' | 'slotId'>): Promise<Doc | null> {
  const bookings = db.collection(COLLECTION.meal_bookings)
  const [earlier, other] = await Promise.all([
    row(bookings.where({ _id: bookingIdOf(requestId) })),
    row(bookings.where({ openid, serviceKey: serviceKeyOf(a.key.date, a.key.service) })),
  ])
  if (earlier) {
    if (str(earlier.openid) !== openid) throw invalid('请求编号无效，请刷新后重新预约', { field: 'requestId' })
    if (str(earlier.slotId) !== a.slotId && str(earlier.movedFrom) !== a.slotId)
      throw invalid('这个请求编号已用于另一个预约，请刷新后重试', { field: 'requestId' })
    return earlier
  }
  if (other) {
    const label = a.key.service === 'lunch' ? '午餐' : '晚餐'
    throw conflict(`你已预约了 ${a.key.date} 的${label}（${str(other.start)}），每餐只能约一份`)
  }
  return null
}

/** Per-day and per-week limits at this canteen (only on slots whose canteen set them). A rider racing themself may exceed by one. */
async function checkLimits(slot: Doc, openid: string, key: SlotKey): Promise<void> {
  const limits = (slot.limits ?? {}) as Doc
  const perDay = num(limits.perDay, 2)
  const perWeek = limits.perWeek === null || limits.perWeek === undefined ? null : num(limits.perWeek)
  const monday = weekKey(shanghaiInstant(key.date, '12:00'))
  const mine = await rows(
    db
      .collection(COLLECTION.meal_bookings)
      .where({ openid, canteenId: key.canteenId, date: _.gte(monday).and(_.lte(addDays(monday, 6))), state: _.in([...SEAT_STATES]) })
      .field({ date: true, service: true })
      .limit(100),
  )
  const others = mine.filter((b) => !(str(b.date) === key.date && str(b.service) === key.service))
  if (others.filter((b) => str(b.date) === key.date).length >= perDay) throw precondition(`每天最多预约 ${perDay} 份爱心餐`)
  if (perWeek !== null && others.length >= perWeek) throw precondition(`每周最多预约 ${perWeek} 份爱心餐`)
}

/**
 * Why the slot refused the seat, from the slot as it is now: an error to answer, or the attempt to
 * retry (the meal is not subsidised, subsidy seats handed over, a new code, limits checked).
 */
async function diagnose(a: Attempt, requestId: string, openid: string, now: Date): Promise<{ attempt: Attempt } | { earlier: Doc }> {
  // the reads side by side; what the rider already has answers first (the same tap again, a second booking)
  const [prior, slot] = await Promise.all([
    priorBooking(requestId, openid, a).then(
      (earlier) => ({ earlier, err: null as unknown }),
      (err: unknown) => ({ earlier: null, err }),
    ),
    row(db.collection(COLLECTION.meal_slots).where({ _id: a.slotId })),
  ])
  if (prior.err) throw prior.err
  if (prior.earlier) return { earlier: prior.earlier }
  if (!slot || str(slot.canteenId) !== a.key.canteenId || str(slot.date) !== a.key.date) throw notFound('没有这个时段')
  const t = now.getTime()
  const at = (f: string) => dateOrNull(slot[f])?.getTime() ?? 0
  if (str(slot.state) === 'closed') throw precondition(`这个时段已停止预约${str(slot.closedReason) ? `：${str(slot.closedReason)}` : ''}`)
  if (t >= at('endsAt')) throw precondition('这个时段已经结束了')
  if (t >= at('startsAt')) throw precondition('这个时段已经开餐，不能再预约了')
  if (t >= at('cutoffAt'))
    throw precondition(`已过预约截止时间（开餐前 ${Math.round((at('startsAt') - at('cutoffAt')) / 60000)} 分钟截止）`)
  const meals = slotMeals(slot)
  const meal = a.mealId
    ? meals.find((m) => m.id === a.mealId)
    : (meals.find((m) => m.subsidised && !m.soldOut) ?? meals.find((m) => !m.soldOut))
  if (!meal) throw a.mealId ? notFound('这个时段没有这份套餐') : exhausted('这个时段的套餐都已售完')
  if (meal.soldOut) throw exhausted('这份套餐已售完，换一份吧')
  if (num(slot.seatsLeft) <= 0) throw exhausted('这个时段已约满，换个时段吧')
  const next: Attempt = { ...a, mealId: meal.id, subsidised: meal.subsidised, strict: slot.strictLimits === true }
  if ((slot.codes as unknown[] | undefined)?.includes(a.code)) next.code = pickupCode(a.key.start)
  if (next.strict && !a.strict) await checkLimits(slot, openid, a.key)
  if (meal.subsidised && num(slot.subsidyLeft) <= 0) {
    const canteen = await loadCanteen(a.key.canteenId)
    if (!(await allocateSubsidy(slot, canteen, now))) {
      throw precondition(
        meals.some((m) => !m.subsidised && !m.soldOut)
          ? '本月爱心餐补贴额度已用完，可以选不含补贴的套餐'
          : '本月爱心餐补贴额度已用完，暂停补贴餐预约',
      )
    }
  }
  return { attempt: next }
}

function newBooking(a: Attempt, requestId: string, openid: string, now: Date): Doc {
  const { canteenId, date, service, start } = a.key
  return bookingDoc(
    {
      id: bookingIdOf(requestId),
      requestId,
      openid,
      canteenId,
      slotId: a.slotId,
      date,
      service,
      start,
      mealId: a.mealId,
      subsidised: a.subsidised,
      code: a.code,
    },
    now,
  )
}

export const book = act('book', {
  summary: '认证小哥预约一个时段的爱心餐：每人每天每餐（午餐/晚餐）一份，名额不超卖，同一 requestId 重试只约一次，得到 6 位取餐码',
  roles: ['anyone'],
  errors: ['PERMISSION_DENIED', 'NOT_FOUND', 'RESOURCE_EXHAUSTED', 'CONFLICT', 'FAILED_PRECONDITION'],
  async handler(input, { caller, now }) {
    const key = preflight(caller, input.slotId, now)
    let a: Attempt = { slotId: input.slotId, key, mealId: input.mealId ?? '', subsidised: true, code: pickupCode(key.start), strict: false }
    for (let attempt = 0; !a.mealId || !(await takeSeat({ ...a, now })); attempt++) {
      if (attempt >= 5) throw exhausted('这个时段现在太抢手了，请稍后再试')
      const found = await diagnose(a, input.requestId, caller.openid, now)
      if ('earlier' in found) return bookedViewOf(found.earlier, true)
      a = found.attempt
    }
    const doc = newBooking(a, input.requestId, caller.openid, now)
    try {
      await db.collection(COLLECTION.meal_bookings).add({ data: doc })
      return bookedViewOf(doc, false)
    } catch (err) {
      await returnSeat(a.slotId, a.subsidised, a.code).catch((e: unknown) => console.error('[meals.book] seat not returned', a.slotId, e))
      if (!isDuplicateKey(err)) throw err
      const earlier = await priorBooking(input.requestId, caller.openid, a)
      if (!earlier) throw conflict('预约没有成功，请重试')
      return bookedViewOf(earlier, true)
    }
  },
})
