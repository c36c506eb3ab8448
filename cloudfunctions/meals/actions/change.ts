/**
 * A rider changes their booking: cancelBooking (before the slot starts; the seat goes back; inside
 * the free-cancellation window it counts like a no-show) and runningLate (move to the next slot of
 * the same meal that has room, once; or keep the meal warm longer, once).
 */
import { serviceOf } from '../../_domain/meal-rules'
import { _, db, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { precondition } from '../../_lib/errors'
import { actionsOf } from '../../_lib/router'
import { MINUTE_MS } from '../../_lib/time'
import { type Doc, dateOrNull, num, str, updatedCount } from '../../_lib/values'
import { mealsContract } from '../contract'
import { holdUntilOf } from '../present'
import { returnSeat } from '../seats'
import { type JoinedBooking, ownBooking, viewOf } from './mine'
import { evaluatePause } from './pauses'

const act = actionsOf(mealsContract)
const bookings = () => db.collection(COLLECTION.meal_bookings)

function refuseByState(b: Doc): never {
  switch (str(b.state)) {
    case 'placed':
      throw precondition('餐已经放进保温柜，不能取消了；来不及的话可以延长保温时间')
    case 'collected':
      throw precondition('这份餐已经取过了')
    case 'no_show':
      throw precondition('这份预约已经过了保留时间，记为未取餐')
    default:
      throw precondition('这份预约已经取消了')
  }
}

export const cancelBooking = act('cancelBooking', {
  summary: '取消我的预约（开餐前；名额退回时段）。免费取消时间以后取消，和未取餐一样计入爽约次数',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  async handler(input, { caller, now }) {
    const j = await ownBooking(input.bookingId, caller.openid)
    const b = j.booking
    if (str(b.state) === 'cancelled') return viewOf(j, now)
    if (str(b.state) !== 'booked') refuseByState(b)
    const startsAt = (dateOrNull(j.slot?.startsAt) ?? dateOrNull(b.startsAt))?.getTime() ?? 0
    if (now.getTime() >= startsAt) throw precondition('已经开餐了，不能取消；来不及的话可以改到下一个时段或延长保温')
    const lateCancel = now.getTime() >= startsAt - j.policy.freeCancelMinutes * MINUTE_MS
    const change = {
      state: 'cancelled',
      serviceKey: `x_${str(b._id)}`,
      cancelledAt: now,
      cancelledBy: 'rider',
      lateCancel,
      // a late cancel counts like a no-show, from now
      struckAt: lateCancel ? now : null,
      updatedAt: now,
    }
    const won = updatedCount(await bookings().where({ _id: b._id, state: 'booked' }).update({ data: change }))
    if (won !== 1) {
      const again = await ownBooking(input.bookingId, caller.openid)
      if (str(again.booking.state) === 'cancelled') return viewOf(again, now)
      refuseByState(again.booking)
    }
    await returnSeat(str(b.slotId), b.subsidised === true)
    if (lateCancel && j.canteen) await evaluatePause(caller.openid, j.canteen, now, caller.profile)
    return viewOf({ ...j, booking: { ...b, ...change } }, now)
  },
})

/** Take a seat in the first later slot of the same day and meal service that has room for this meal. */
async function moveToNextSlot(j: JoinedBooking, now: Date): Promise<Doc> {
  const b = j.booking
  const later = await rows(
    db
      .collection(COLLECTION.meal_slots)
      .where({ canteenId: str(b.canteenId), date: str(b.date), start: _.gt(str(b.start)), state: 'open' })
      .orderBy('start', 'asc')
      .limit(20),
  )
  for (const slot of later.filter((s) => serviceOf(str(s.start)) === str(b.service))) {
    const taken = updatedCount(
      await db
        .collection(COLLECTION.meal_slots)
        .where({
          _id: slot._id,
          state: 'open',
          seatsLeft: _.gt(0),
          endsAt: _.gt(now),
          meals: _.elemMatch({ id: str(b.mealId), soldOut: _.neq(true) }),
        })
        .update({ data: { seatsLeft: _.inc(-1), booked: _.inc(1) } }),
    )
    if (taken !== 1) continue
    const change = {
      slotId: str(slot._id),
      start: str(slot.start),
      startsAt: slot.startsAt,
      moved: true,
      movedFrom: str(b.slotId),
      holdUntil: b.holdExtended === true ? new Date(num(dateOrNull(slot.settleAt)?.getTime()) + j.policy.extendMinutes * MINUTE_MS) : null,
      updatedAt: now,
    }
    const won = updatedCount(await bookings().where({ _id: b._id, state: 'booked', slotId: b.slotId }).update({ data: change }))
    if (won !== 1) {
      // The booking changed meanwhile (placed, cancelled, moved by a second tap): give the new seat back.
      await returnSeat(str(slot._id), false)
      throw precondition('预约状态已经变了，请刷新后再试')
    }
    // The booking keeps its subsidy promise: only the plain seat goes back to the old slot.
    await returnSeat(str(b.slotId), false)
    return { slot, change }
  }
  throw precondition('后面的时段都满了，可以申请延长保温时间')
}

export const runningLate = act('runningLate', {
  summary: '来不及取餐：改到同一餐后面还有空位的时段（一次），或延长保温时间（一次）',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  async handler(input, { caller, now }) {
    const j = await ownBooking(input.bookingId, caller.openid)
    const b = j.booking
    const state = str(b.state)
    const holdUntil = holdUntilOf(b, j.slot, j.policy)
    if (now.getTime() >= holdUntil.getTime() && (state === 'booked' || state === 'placed')) throw precondition('已经过了保留时间')
    if (input.choice === 'move') {
      if (state === 'placed') throw precondition('餐已经放进保温柜了，可以申请延长保温时间')
      if (state !== 'booked') refuseByState(b)
      if (b.moved === true) throw precondition('每份预约只能改一次时段')
      const { slot, change } = (await moveToNextSlot(j, now)) as { slot: Doc; change: Doc }
      return viewOf({ ...j, slot, booking: { ...b, ...change } }, now)
    }
    if (state !== 'booked' && state !== 'placed') refuseByState(b)
    if (b.holdExtended === true) throw precondition('保温时间只能延长一次')
    const until = new Date(holdUntil.getTime() + j.policy.extendMinutes * MINUTE_MS)
    const change = { holdExtended: true, holdUntil: until, updatedAt: now }
    const won = updatedCount(
      await bookings()
        .where({ _id: b._id, state: _.in(['booked', 'placed']), holdExtended: false })
        .update({ data: change }),
    )
    if (won !== 1) throw precondition('预约状态已经变了，请刷新后再试')
    return viewOf({ ...j, booking: { ...b, ...change } }, now)
  },
})
