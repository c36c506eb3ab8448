/**
 * Slots, kept by the canteen's staff (or town): add or change a slot (capacity never below what is
 * booked), close one (its riders are told and their seats and subsidy go back), copy last week's
 * plan (set meals and slots) into this week. All times Asia/Shanghai.
 */
import { newSlotDoc, policyFields } from '../../_domain/meal-plan'
import { isOpenOn, parseSlotId, serviceOf, slotIdOf, WEEKDAY_LABEL, weekdayOf } from '../../_domain/meal-rules'
import { ACTIVE_STATES } from '../../_domain/meal-slots'
import { _, db, row, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { checkTexts } from '../../_lib/content'
import { invalid, notFound, precondition } from '../../_lib/errors'
import { actionsOf } from '../../_lib/router'
import { addDays, businessDate, dateTimeText, shanghaiInstant, weekKey } from '../../_lib/time'
import { type Doc, isDuplicateKey, num, str, updatedCount } from '../../_lib/values'
import { mealsContract } from '../contract'
import { audit, recordRefusal, staffOfCanteen, staffOfSlot } from '../guards'
import { notifyBookingCancelled } from '../messages'
import { daySlots, planViewOf } from '../plan-view'
import { releaseSlotSubsidy, returnSeat } from '../seats'
import { canteenPolicy, canteenSubsidy, loadCanteen, loadMenu, menuIdOf, menuMeals } from '../store'

const act = actionsOf(mealsContract)
const STAFF = ['staff', 'town'] as const

function overlapping(slots: Doc[], start: string, end: string, except: string): Doc | undefined {
  return slots.find((s) => str(s._id) !== except && str(s.state) !== 'closed' && str(s.start) < end && start < str(s.end))
}

export const saveSlot = act('saveSlot', {
  summary: '新增或修改一个取餐时段（开始时间确定一个时段）：结束时间、容量（不少于已约）、是否错峰',
  roles: [...STAFF],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONFLICT'],
  scope: staffOfCanteen(),
  onDenied: recordRefusal('mealSlotSave'),
  async handler(input, ctx) {
    const { now } = ctx
    if (input.end <= input.start) throw invalid('结束时间要晚于开始时间', { field: 'end' })
    if (serviceOf(input.start) !== serviceOf(input.end === '24:00' ? '23:55' : input.end) && input.end !== '15:00')
      throw invalid('一个时段不能跨午餐和晚餐（15:00 为界）', { field: 'end' })
    if (shanghaiInstant(input.date, input.start).getTime() <= now.getTime()) throw precondition('开始时间已经过了')
    const [canteen, menu, slots] = await Promise.all([
      loadCanteen(input.canteenId),
      loadMenu(input.canteenId, input.date),
      daySlots(input.canteenId, input.date),
    ])
    if (!isOpenOn(canteen, input.date)) throw precondition(`食堂${WEEKDAY_LABEL[weekdayOf(input.date)]}不营业，可以先在预约规则里改营业日`)
    const id = slotIdOf(input.canteenId, input.date, input.start)
    const clash = overlapping(slots, input.start, input.end, id)
    if (clash) throw invalid(`和 ${str(clash.start)}–${str(clash.end)} 的时段重叠了`, { field: 'start' })
    const before = slots.find((s) => str(s._id) === id)
    if (!before) {
      try {
        await db.collection(COLLECTION.meal_slots).add({ data: newSlotDoc(canteen, menu, input, now) })
      } catch (err) {
        if (isDuplicateKey(err)) throw precondition('这个时段刚被别人加上了，请刷新')
        throw err
      }
    } else {
      if (str(before.state) === 'closed') throw precondition('这个时段已停止预约，不能再修改')
      const booked = num(before.booked)
      if (input.capacity < booked) throw precondition(`已有 ${booked} 人预约，容量不能少于 ${booked}`)
      const data = {
        end: input.end,
        label: `${input.start}–${input.end}`,
        offPeak: input.offPeak,
        capacity: input.capacity,
        seatsLeft: input.capacity - booked,
        ...policyFields(canteenPolicy(canteen), input.date, input.start, input.end),
        updatedAt: now,
      }
      // Conditional on the bookings not having moved since the read: seats left = capacity − booked stays exact.
      const won = updatedCount(await db.collection(COLLECTION.meal_slots).where({ _id: id, booked, state: 'open' }).update({ data }))
      if (won !== 1) throw precondition('刚有人预约或取消，请刷新后再改')
    }
    await audit(ctx, input.canteenId, { action: before ? 'mealSlotEdit' : 'mealSlotAdd', before: before ?? null, after: { ...input } })
    return planViewOf(input.canteenId, input.date, now)
  },
})

export const closeSlot = act('closeSlot', {
  summary: '停止一个时段的预约（写明原因）：已预约的小哥收到通知，名额和补贴退回',
  roles: [...STAFF],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  scope: staffOfSlot(),
  onDenied: recordRefusal('mealSlotClose'),
  async handler(input, ctx) {
    const { caller, now } = ctx
    const key = parseSlotId(input.slotId)
    const slot = await row(db.collection(COLLECTION.meal_slots).where({ _id: input.slotId }))
    if (!key || !slot) throw notFound('没有这个时段')
    if (str(slot.state) === 'closed') throw precondition('这个时段已经停止预约了')
    if (now.getTime() >= (slot.endsAt as Date).getTime()) throw precondition('这个时段已经结束了')
    await checkTexts({ reason: input.reason }, { openid: caller.openid, scene: 'forum' })
    const won = updatedCount(
      await db
        .collection(COLLECTION.meal_slots)
        .where({ _id: input.slotId, state: 'open' })
        .update({ data: { state: 'closed', closedReason: input.reason, closedAt: now, closedBy: caller.openid, updatedAt: now } }),
    )
    if (won !== 1) throw precondition('这个时段已经停止预约了')
    const canteen = await loadCanteen(key.canteenId)
    const booked = await rows(
      db
        .collection(COLLECTION.meal_bookings)
        .where({ slotId: input.slotId, state: _.in([...ACTIVE_STATES]) })
        .limit(1000),
    )
    let told = 0
    for (const b of booked) {
      const change = {
        state: 'cancelled',
        serviceKey: `x_${str(b._id)}`,
        cancelledAt: now,
        cancelledBy: 'canteen',
        cancelNote: input.reason,
        lockerNo: null,
        updatedAt: now,
      }
      const done = updatedCount(
        await db
          .collection(COLLECTION.meal_bookings)
          .where({ _id: b._id, state: _.in([...ACTIVE_STATES]) })
          .update({ data: change }),
      )
      if (done !== 1) continue
      await returnSeat(input.slotId, b.subsidised === true)
      if (typeof b.lockerNo === 'number') {
        await db
          .collection(COLLECTION.meal_lockers)
          .where({ _id: `${key.canteenId}_${b.lockerNo}`, bookingId: b._id })
          .update({ data: { bookingId: null, since: null } })
      }
      await notifyBookingCancelled(b, canteen, slot, input.reason, now)
      told++
    }
    const fresh = await row(db.collection(COLLECTION.meal_slots).where({ _id: input.slotId }))
    if (fresh) await releaseSlotSubsidy(fresh, canteenSubsidy(canteen).perMealFen, now)
    await audit(ctx, key.canteenId, {
      action: 'mealSlotClose',
      before: { state: 'open' },
      after: { slotId: input.slotId, state: 'closed', reason: input.reason, told },
      note: dateTimeText(slot.startsAt as Date),
    })
    return { ...(await planViewOf(key.canteenId, key.date, now)), told }
  },
})

export const copyWeek = act('copyWeek', {
  summary: '复制上一周的安排（套餐和时段）到这一周：已有安排的日子和已过去的日子不动',
  roles: [...STAFF],
  errors: ['NOT_FOUND'],
  scope: staffOfCanteen(),
  onDenied: recordRefusal('mealCopyWeek'),
  // long: one pass over the seven days, copying the menu then the slots of each
  async handler(input, ctx) {
    const { now } = ctx
    const canteen = await loadCanteen(input.canteenId)
    const monday = weekKey(shanghaiInstant(input.weekOf, '12:00'))
    const today = businessDate(now)
    let days = 0
    let slotsCopied = 0
    let menus = 0
    for (let i = 0; i < 7; i++) {
      const date = addDays(monday, i)
      if (date < today || !isOpenOn(canteen, date)) continue
      const from = addDays(date, -7)
      const [menuFrom, menuTo, slotsFrom, slotsTo] = await Promise.all([
        loadMenu(input.canteenId, from),
        loadMenu(input.canteenId, date),
        daySlots(input.canteenId, from),
        daySlots(input.canteenId, date),
      ])
      let menu = menuTo
      if (!menuTo && menuFrom) {
        const meals = menuMeals(menuFrom).map((m) => ({ ...m, soldOut: false }))
        menu = { canteenId: input.canteenId, date, meals, updatedAt: now, updatedBy: ctx.caller.openid, copiedFrom: from }
        await db.collection(COLLECTION.meal_menus).doc(menuIdOf(input.canteenId, date)).set({ data: menu })
        menus++
      }
      const fresh = slotsFrom.filter(
        (s) =>
          str(s.state) !== 'closed' &&
          !slotsTo.some((t) => str(t.start) === str(s.start)) &&
          shanghaiInstant(date, str(s.start)).getTime() > now.getTime(),
      )
      for (const s of fresh) {
        const doc = newSlotDoc(
          canteen,
          menu,
          { date, start: str(s.start), end: str(s.end), capacity: num(s.capacity), offPeak: s.offPeak === true },
          now,
        )
        try {
          await db.collection(COLLECTION.meal_slots).add({ data: doc })
          slotsCopied++
        } catch (err) {
          if (!isDuplicateKey(err)) throw err
        }
      }
      if (fresh.length || (!menuTo && menuFrom)) days++
    }
    await audit(ctx, input.canteenId, { action: 'mealCopyWeek', after: { weekOf: monday, days, slots: slotsCopied, menus } })
    return { days, slots: slotsCopied, menus }
  },
})
