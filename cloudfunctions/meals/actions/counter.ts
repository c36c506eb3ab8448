/**
 * At the counter, for the canteen's staff (or town): put a booked meal in a heated locker (a free
 * one, or the one staff choose) and tell the rider; confirm a pickup by the code (typed or scanned),
 * which draws the subsidy in the same conditional update; empty a locker whose meal went
 * uncollected.
 */
import { normaliseCode, PICKUP_CODE } from '../../_domain/meal-rules'
import { _, db, row, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { conflict, exhausted, invalid, notFound, precondition } from '../../_lib/errors'
import { type ActionContext, actionsOf } from '../../_lib/router'
import { businessDate, MINUTE_MS } from '../../_lib/time'
import { type Doc, dateOrNull, str, updatedCount } from '../../_lib/values'
import { mealsContract } from '../contract'
import { audit, recordRefusal, staffOfBooking, staffOfCanteen } from '../guards'
import { ledgerViewOf } from '../ledger'
import { freeLocker, takeFreeLocker, takeLocker } from '../lockers'
import { notifyPlaced } from '../messages'
import { bookingRowOf, holdUntilOf, mealOf } from '../present'
import { canteenPolicy, ledgerIdOf, loadBooking, loadCanteen, loadMenu, lockerIdOf, periodOf } from '../store'

const act = actionsOf(mealsContract)
const STAFF = ['staff', 'town'] as const
const bookings = () => db.collection(COLLECTION.meal_bookings)

async function rowContext(b: Doc, now: Date, canteen: Doc) {
  const [slot, menu, rider] = await Promise.all([
    row(db.collection(COLLECTION.meal_slots).where({ _id: str(b.slotId) })),
    loadMenu(str(b.canteenId), str(b.date)),
    row(
      db
        .collection(COLLECTION.users)
        .where({ _id: str(b.openid) })
        .field({ nickname: true }),
    ),
  ])
  return { slot, menu, rider, policy: canteenPolicy(canteen), now }
}

/** Take the locker staff chose, or the first free one; CONFLICT / RESOURCE_EXHAUSTED when there is none. */
async function lockerFor(canteenId: string, bookingId: string, wanted: number | undefined, now: Date): Promise<number> {
  if (wanted === undefined) {
    const no = await takeFreeLocker(canteenId, bookingId, now)
    if (no === null) throw exhausted('保温柜都满了，请先清出已超时的柜子')
    return no
  }
  if (await takeLocker(canteenId, wanted, bookingId, now)) return wanted
  const l = await row(db.collection(COLLECTION.meal_lockers).where({ _id: lockerIdOf(canteenId, wanted) }))
  if (!l) throw notFound(`没有 ${wanted} 号保温柜`)
  if (l.disabled === true) throw precondition(`${wanted} 号保温柜停用了`)
  throw conflict(`${wanted} 号保温柜里已经有一份餐了`)
}

export const placeMeal = act('placeMeal', {
  summary: '把预约的餐放进保温柜：自动分配空柜（或指定柜号，也可以换柜），并通知小哥柜号和取餐码',
  roles: [...STAFF],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONFLICT', 'RESOURCE_EXHAUSTED'],
  scope: staffOfBooking(),
  onDenied: recordRefusal('mealPlace'),
  // long: take a locker, then move the booking into it conditionally, with the rollback beside it
  async handler(input, ctx: ActionContext) {
    const { now } = ctx
    const b = await loadBooking(input.bookingId)
    const canteenId = str(b.canteenId)
    const state = str(b.state)
    if (state !== 'booked' && state !== 'placed')
      throw precondition(state === 'collected' ? '这份餐已经取走了' : '这份预约已经取消或作废了')
    if (str(b.date) !== businessDate(now)) throw precondition('只能放今天的餐')
    const oldLocker = typeof b.lockerNo === 'number' ? b.lockerNo : null
    if (state === 'placed' && (input.lockerNo === undefined || input.lockerNo === oldLocker))
      throw precondition(`这份餐已经在 ${oldLocker} 号柜了`)
    const canteen = await loadCanteen(canteenId)
    const context = await rowContext(b, now, canteen)
    const lockerNo = await lockerFor(canteenId, str(b._id), input.lockerNo, now)
    const slotHold = holdUntilOf({ ...b, holdUntil: null }, context.slot, context.policy)
    const base = Math.max(slotHold.getTime(), now.getTime() + context.policy.holdMinutes * MINUTE_MS)
    const holdUntil =
      dateOrNull(b.holdUntil) && state === 'placed'
        ? (b.holdUntil as Date)
        : new Date(base + (b.holdExtended === true ? context.policy.extendMinutes * MINUTE_MS : 0))
    const change = {
      state: 'placed',
      lockerNo,
      placedAt: state === 'placed' ? b.placedAt : now,
      placedBy: ctx.caller.openid,
      holdUntil,
      updatedAt: now,
    }
    const won = updatedCount(await bookings().where({ _id: b._id, state, lockerNo: oldLocker }).update({ data: change }))
    if (won !== 1) {
      await freeLocker(canteenId, lockerNo, str(b._id))
      throw precondition('这份预约刚刚变了，请刷新')
    }
    if (oldLocker !== null) await freeLocker(canteenId, oldLocker, str(b._id))
    const placed = { ...b, ...change }
    const notified = await notifyPlaced(placed, canteen, lockerNo, holdUntil, now)
    await audit(ctx, canteenId, {
      action: oldLocker === null ? 'mealPlace' : 'mealMoveLocker',
      targetOpenid: str(b.openid),
      before: { lockerNo: oldLocker },
      after: { bookingId: b._id, lockerNo },
    })
    return { booking: bookingRowOf(placed, context), lockerNo, notified }
  },
})

/** The booking a code names at this canteen today, or the clearest refusal (another day, another canteen, unknown). */
async function bookingByCode(canteenId: string, code: string, today: string): Promise<Doc> {
  const found = await rows(bookings().where({ code }).limit(20))
  const here = found.find((b) => str(b.canteenId) === canteenId && str(b.date) === today)
  if (here) return here
  const sameCanteen = found.find((b) => str(b.canteenId) === canteenId)
  if (sameCanteen) throw precondition(`这是 ${str(sameCanteen.date)} 的取餐码，不是今天的`)
  if (found.length) throw precondition('这个取餐码不是本食堂的')
  throw notFound('没有找到这个取餐码，请核对')
}

export const confirmPickup = act('confirmPickup', {
  summary: '确认取餐（扫码或输入取餐码）：只认本食堂今天的码；同一次写入记下领取的补贴，不会重复',
  roles: [...STAFF],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONFLICT'],
  scope: staffOfCanteen(),
  onDenied: recordRefusal('mealPickup'),
  async handler(input, ctx) {
    const { now } = ctx
    const code = normaliseCode(input.code)
    if (!PICKUP_CODE.test(code)) throw invalid('取餐码是 6 位字母和数字', { field: 'code' })
    const canteen = await loadCanteen(input.canteenId)
    const b = await bookingByCode(input.canteenId, code, businessDate(now))
    const state = str(b.state)
    if (state === 'collected') throw conflict(`这份餐已经取过了`)
    if (state === 'cancelled') throw precondition('这份预约已经取消了')
    const ledger = await ledgerViewOf(canteen, periodOf(str(b.date)), now)
    const subsidyFen = b.subsidised === true ? ledger.perMealFen : 0
    const context = await rowContext(b, now, canteen)
    const priceFen = mealOf(b, context.menu)?.priceFen ?? 1500
    const change = {
      state: 'collected',
      collectedAt: now,
      collectedBy: ctx.caller.openid,
      lateCollected: state === 'no_show',
      // collected after all: the no-show no longer counts
      struckAt: null,
      subsidyFen,
      ledgerId: ledgerIdOf(input.canteenId, str(b.date)),
      payment: { method: 'counter', priceFen, payFen: priceFen, paidAt: now, transactionId: null },
      updatedAt: now,
    }
    // The pickup and its subsidy draw are one conditional write: a second scan finds it collected.
    const won = updatedCount(
      await bookings()
        .where({ _id: b._id, state: _.in(['booked', 'placed', 'no_show']) })
        .update({ data: change }),
    )
    if (won !== 1) throw conflict('这份餐刚刚已经确认过了')
    if (typeof b.lockerNo === 'number') await freeLocker(input.canteenId, b.lockerNo, str(b._id))
    await audit(ctx, input.canteenId, {
      action: 'mealPickup',
      targetOpenid: str(b.openid),
      before: { state },
      after: { bookingId: b._id, subsidyFen },
    })
    const collected = { ...b, ...change }
    return {
      booking: bookingRowOf(collected, context),
      subsidyFen,
      payFen: priceFen,
      ledger: { ...ledger, drawnFen: ledger.drawnFen + subsidyFen, drawnCount: ledger.drawnCount + (subsidyFen ? 1 : 0) },
    }
  },
})

export const clearLocker = act('clearLocker', {
  summary: '清空一个保温柜：超时未取的餐取出（预约记为未取餐），保留时间内的餐不能清',
  roles: [...STAFF],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  scope: staffOfCanteen(),
  onDenied: recordRefusal('mealClearLocker'),
  async handler(input, ctx) {
    const { now } = ctx
    const locker = await row(db.collection(COLLECTION.meal_lockers).where({ _id: lockerIdOf(input.canteenId, input.lockerNo) }))
    if (!locker) throw notFound(`没有 ${input.lockerNo} 号保温柜`)
    const bookingId = str(locker.bookingId)
    if (!bookingId) return { ok: true as const }
    const b = await row(bookings().where({ _id: bookingId }))
    const hold = dateOrNull(b?.holdUntil)?.getTime() ?? 0
    if (b && str(b.state) === 'placed' && now.getTime() < hold) throw precondition('这份餐还在保留时间内，小哥可能马上就来')
    await freeLocker(input.canteenId, input.lockerNo, bookingId)
    if (b)
      await bookings()
        .where({ _id: bookingId, lockerNo: input.lockerNo })
        .update({ data: { lockerNo: null, clearedAt: now, updatedAt: now } })
    await audit(ctx, input.canteenId, {
      action: 'mealClearLocker',
      targetOpenid: str(b?.openid) || null,
      after: { lockerNo: input.lockerNo, bookingId },
    })
    return { ok: true as const }
  },
})
