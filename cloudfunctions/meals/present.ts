/**
 * Stored documents → the contract's views. A booking is shown with its slot (times), canteen (name)
 * and menu (the set meal's name and price), and with what the rider may still do under the policy —
 * the same rules the actions apply.
 */
import { type MealPolicy, SERVICE_LABEL, serviceOf } from '../_domain/meal-rules'
import { visibleFiles } from '../_lib/content'
import { MINUTE_MS } from '../_lib/time'
import { type Doc, dateOrNull, iso, num, str, strings } from '../_lib/values'
import type { BookingRow, DishEditView } from './staff-views'
import { type MenuMeal, menuMeals } from './store'
import { ALLERGENS, type AllergenKey, type BookingState, type BookingView, type DishView, type MealView } from './views'

const isoOr = (d: Date) => iso(d) as string

export function bookingState(b: Doc): BookingState {
  const s = str(b.state)
  return (['booked', 'placed', 'collected', 'cancelled', 'no_show'] as const).find((x) => x === s) ?? 'booked'
}

/** The instant a booking's meal stops being kept warm: its own (placed, extended, moved) or the slot's. */
export function holdUntilOf(b: Doc, slot: Doc | null, policy: MealPolicy): Date {
  const own = dateOrNull(b.holdUntil)
  if (own) return own
  const settle = dateOrNull(slot?.settleAt)
  if (settle) return settle
  const ends = dateOrNull(slot?.endsAt) ?? dateOrNull(b.startsAt) ?? new Date(0)
  return new Date(ends.getTime() + policy.holdMinutes * MINUTE_MS)
}

export function mealOf(b: Doc, menu: Doc | null | undefined): MenuMeal | null {
  return menuMeals(menu).find((m) => m.id === str(b.mealId)) ?? null
}

export interface BookingContext {
  slot: Doc | null
  canteen: Doc | null
  menu: Doc | null
  policy: MealPolicy
  now: Date
}

export function bookingViewOf(b: Doc, { slot, canteen, menu, policy, now }: BookingContext): BookingView {
  const state = bookingState(b)
  const startsAt = dateOrNull(slot?.startsAt) ?? dateOrNull(b.startsAt) ?? new Date(0)
  const holdUntil = holdUntilOf(b, slot, policy)
  const meal = mealOf(b, menu)
  const t = now.getTime()
  const start = str(b.start, str(slot?.start))
  const cancelNote =
    state !== 'cancelled' ? null : str(b.cancelledBy) === 'canteen' ? `食堂取消：${str(b.cancelNote, '时段停止预约')}` : '你已取消'
  return {
    id: str(b._id),
    code: str(b.code),
    slotId: str(b.slotId),
    canteen: { id: str(b.canteenId), name: str(canteen?.name, '小哥食堂'), address: str(canteen?.address) },
    date: str(b.date),
    start,
    end: str(slot?.end),
    service: serviceOf(start),
    meal: {
      id: str(b.mealId),
      name: meal?.name ?? '爱心餐',
      priceFen: meal?.priceFen ?? 1500,
      subsidised: b.subsidised === true,
    },
    state,
    lockerNo: typeof b.lockerNo === 'number' ? b.lockerNo : null,
    placedAt: iso(b.placedAt),
    holdUntil: isoOr(holdUntil),
    collectedAt: iso(b.collectedAt),
    cancelledAt: iso(b.cancelledAt),
    cancelNote,
    moved: b.moved === true,
    holdExtended: b.holdExtended === true,
    canCancel: state === 'booked' && t < startsAt.getTime(),
    cancelIsLate: t >= startsAt.getTime() - policy.freeCancelMinutes * MINUTE_MS,
    canMove: state === 'booked' && b.moved !== true && t < holdUntil.getTime(),
    canExtend: (state === 'booked' || state === 'placed') && b.holdExtended !== true && t < holdUntil.getTime(),
    createdAt: isoOr(dateOrNull(b.createdAt) ?? now),
  }
}

/** A booking as staff see it in the console. */
export function bookingRowOf(
  b: Doc,
  ctx: { slot: Doc | null; menu: Doc | null; rider: Doc | null; policy: MealPolicy; now: Date },
): BookingRow {
  const state = bookingState(b)
  const holdUntil = holdUntilOf(b, ctx.slot, ctx.policy)
  return {
    id: str(b._id),
    code: str(b.code),
    slotId: str(b.slotId),
    start: str(b.start, str(ctx.slot?.start)),
    end: str(ctx.slot?.end),
    mealId: str(b.mealId),
    mealName: mealOf(b, ctx.menu)?.name ?? '爱心餐',
    rider: str(ctx.rider?.nickname, '骑手'),
    state,
    lockerNo: typeof b.lockerNo === 'number' ? b.lockerNo : null,
    holdUntil: isoOr(holdUntil),
    moved: b.moved === true,
    holdExtended: b.holdExtended === true,
    overdue: (state === 'booked' || state === 'placed' || state === 'no_show') && ctx.now.getTime() >= holdUntil.getTime(),
  }
}

const allergenLabels = (d: Doc) =>
  strings(d.allergens)
    .filter((a): a is AllergenKey => a in ALLERGENS)
    .map((a) => ALLERGENS[a])

/** A dish for riders: the photo only once its content check passed. */
export function dishViewOf(d: Doc, urls: Map<string, string>): DishView {
  const [photo] = visibleFiles(d, 'photo')
  return { id: str(d._id), name: str(d.name), photoUrl: (photo && urls.get(photo)) || null, allergens: allergenLabels(d) }
}

/** A dish for the canteen's staff: the photo even while its check is pending (marked). */
export function dishEditViewOf(d: Doc, urls: Map<string, string>): DishEditView {
  const photo = str(d.photo) || null
  return {
    id: str(d._id),
    name: str(d.name),
    photo,
    photoUrl: (photo && urls.get(photo)) || null,
    photoPending: Boolean(photo && strings(d.pendingMedia).includes(photo)),
    allergens: strings(d.allergens).filter((a): a is AllergenKey => a in ALLERGENS),
  }
}

export function mealViewsOf(menu: Doc | null, dishes: Doc[], urls: Map<string, string>): MealView[] {
  const byId = new Map(dishes.map((d) => [str(d._id), d]))
  return menuMeals(menu).map((m) => ({
    id: m.id,
    name: m.name,
    priceFen: m.priceFen,
    subsidised: m.subsidised,
    soldOut: m.soldOut,
    services: m.services,
    dishes: m.dishIds.flatMap((id) => {
      const d = byId.get(id)
      return d ? [dishViewOf(d, urls)] : []
    }),
  }))
}

/** 今天 / 明天 / 后天 / 周三 for the day picker. */
export function dayLabel(date: string, today: string): string {
  const diff = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
  if (diff === 0) return '今天'
  if (diff === 1) return '明天'
  if (diff === 2) return '后天'
  return `周${'日一二三四五六'[new Date(`${date}T00:00:00Z`).getUTCDay()]}`
}

export const serviceLabel = (start: string) => SERVICE_LABEL[serviceOf(start)]
export const seatsOf = (slot: Doc) => ({ capacity: num(slot.capacity), booked: num(slot.booked), left: Math.max(0, num(slot.seatsLeft)) })
