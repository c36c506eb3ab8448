/**
 * The canteen's menus, kept by its staff (or town): the dish library (name, photo, allergens), a
 * day's set meals, sold-out. Dish and meal names pass the content check; dish photos must be the
 * caller's own uploads (purpose `dishes`) and stay hidden from riders until their check passes.
 */
import { db, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { checkTexts, recordMediaChecks, startMediaChecks } from '../../_lib/content'
import { invalid, notFound, precondition } from '../../_lib/errors'
import { assertOwnFiles, deleteFiles, tempUrls } from '../../_lib/files'
import { newId } from '../../_lib/ids'
import { actionsOf } from '../../_lib/router'
import { businessDate } from '../../_lib/time'
import { type Doc, str, strings, updatedCount } from '../../_lib/values'
import { mealsContract } from '../contract'
import { audit, recordRefusal, staffOfCanteen } from '../guards'
import { bookedPerMeal, planViewOf, syncSlotMeals } from '../plan-view'
import { dishEditViewOf } from '../present'
import { loadMenu, type MenuMeal, menuIdOf, menuMeals } from '../store'

const act = actionsOf(mealsContract)
const STAFF = ['staff', 'town'] as const
const ERRORS = ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'] as const

function notPast(date: string, now: Date): void {
  if (date < businessDate(now)) throw precondition('过去的日子不能再改了')
}

export const getPlan = act('getPlan', {
  summary: '食堂工作人员看某一天的安排：菜品库、套餐（已约份数）、各时段容量和已约',
  roles: [...STAFF],
  errors: ['NOT_FOUND'],
  scope: staffOfCanteen(),
  onDenied: recordRefusal('mealPlanView'),
  handler: (input, { now }) => planViewOf(input.canteenId, input.date, now),
})

export const saveDish = act('saveDish', {
  summary: '新增或修改一道菜：菜名、照片（自己上传的，审核通过前小哥看不到）、过敏原',
  roles: [...STAFF],
  errors: [...ERRORS],
  scope: staffOfCanteen(),
  onDenied: recordRefusal('mealDishSave'),
  async handler(input, ctx) {
    const { caller, now } = ctx
    const dishes = db.collection(COLLECTION.meal_dishes)
    const before = input.dishId ? (await rows(dishes.where({ _id: input.dishId, canteenId: input.canteenId }).limit(1)))[0] : null
    if (input.dishId && !before) throw notFound('没有这道菜')
    const oldPhoto = str(before?.photo) || null
    const photo = input.photo === undefined ? oldPhoto : input.photo
    assertOwnFiles([photo], { openid: caller.openid, purpose: 'dishes', field: 'photo', attached: oldPhoto ? [oldPhoto] : [] })
    await checkTexts({ name: input.name }, { openid: caller.openid, scene: 'forum' })
    const fresh = photo && photo !== oldPhoto ? [photo] : []
    const started = await startMediaChecks(fresh, { openid: caller.openid, scene: 'forum' })
    const pending = strings(before?.pendingMedia).filter((f) => f === photo)
    const data: Doc = {
      canteenId: input.canteenId,
      name: input.name,
      photo,
      allergens: [...new Set(input.allergens)],
      pendingMedia: [...pending, ...started.map((s) => s.fileId)],
      updatedAt: now,
      updatedBy: caller.openid,
    }
    const id = input.dishId ?? newId('dish-')
    if (before) await dishes.where({ _id: id }).update({ data })
    else await dishes.add({ data: { _id: id, ...data, retired: false, createdAt: now } })
    await recordMediaChecks(started, { collection: COLLECTION.meal_dishes, id, field: 'photo', author: caller.openid }, now)
    if (oldPhoto && oldPhoto !== photo) await deleteFiles([oldPhoto])
    await audit(ctx, input.canteenId, {
      action: before ? 'mealDishEdit' : 'mealDishAdd',
      before: before ?? null,
      after: { _id: id, ...data },
    })
    const saved = { _id: id, ...data }
    return dishEditViewOf(saved, await tempUrls(photo ? [photo] : []))
  },
})

/** Meals from the input, keeping each existing meal's id and sold-out state; new meals get new ids. */
function mergeMeals(
  input: { id?: string; name: string; dishIds: string[]; priceFen: number; subsidised: boolean; services: ('lunch' | 'dinner')[] }[],
  old: MenuMeal[],
): MenuMeal[] {
  const seen = new Set<string>()
  return input.map((m) => {
    const prev = m.id ? old.find((o) => o.id === m.id) : undefined
    if (m.id && !prev) throw invalid('要修改的套餐不存在，请刷新后再试', { field: 'meals' })
    const id = prev?.id ?? newId('m-')
    if (seen.has(id)) throw invalid('套餐重复了', { field: 'meals' })
    seen.add(id)
    return {
      id,
      name: m.name,
      dishIds: [...new Set(m.dishIds)],
      priceFen: m.priceFen,
      subsidised: m.subsidised,
      soldOut: prev?.soldOut ?? false,
      services: [...new Set(m.services)],
    }
  })
}

export const saveMenu = act('saveMenu', {
  summary: '保存某一天的套餐（菜品、价格、是否爱心餐补贴、午餐/晚餐）；已有人预约的套餐不能删，只能设为售完',
  roles: [...STAFF],
  errors: [...ERRORS],
  scope: staffOfCanteen(),
  onDenied: recordRefusal('mealMenuSave'),
  async handler(input, ctx) {
    const { caller, now } = ctx
    notPast(input.date, now)
    const dishIds = [...new Set(input.meals.flatMap((m) => m.dishIds))]
    const known = await rows(
      db
        .collection(COLLECTION.meal_dishes)
        .where({ _id: db.command.in(dishIds), canteenId: input.canteenId })
        .limit(200),
    )
    if (known.length !== dishIds.length) throw invalid('有菜品不在本食堂的菜品库里', { field: 'meals' })
    await checkTexts(Object.fromEntries(input.meals.map((m, i) => [`meals.${i}.name`, m.name])), { openid: caller.openid, scene: 'forum' })
    const menu = await loadMenu(input.canteenId, input.date)
    const old = menuMeals(menu)
    const meals = mergeMeals(input.meals, old)
    const booked = await bookedPerMeal(input.canteenId, input.date)
    for (const prev of old) {
      const next = meals.find((m) => m.id === prev.id)
      const b = booked.get(prev.id)
      if (!b) continue
      const lost = (['lunch', 'dinner'] as const).filter((s) => b[s] > 0 && !next?.services.includes(s))
      if (lost.length) throw precondition(`“${prev.name}”已有 ${b.total} 人预约，不能删除或取消供应，可以设为售完`)
    }
    const data = { canteenId: input.canteenId, date: input.date, meals, updatedAt: now, updatedBy: caller.openid }
    await db.collection(COLLECTION.meal_menus).doc(menuIdOf(input.canteenId, input.date)).set({ data })
    await syncSlotMeals(input.canteenId, input.date, meals, now)
    await audit(ctx, input.canteenId, { action: 'mealMenuSave', before: menu ? { meals: old } : null, after: { date: input.date, meals } })
    return planViewOf(input.canteenId, input.date, now)
  },
})

export const setSoldOut = act('setSoldOut', {
  summary: '把某一天的一份套餐设为售完（或恢复供应）：售完后不能再预约，已约的不受影响',
  roles: [...STAFF],
  errors: [...ERRORS],
  scope: staffOfCanteen(),
  onDenied: recordRefusal('mealSoldOut'),
  async handler(input, ctx) {
    const { now } = ctx
    notPast(input.date, now)
    for (let attempt = 0; attempt < 3; attempt++) {
      const menu = await loadMenu(input.canteenId, input.date)
      const meals = menuMeals(menu)
      const meal = meals.find((m) => m.id === input.mealId)
      if (!menu || !meal) throw notFound('这一天没有这份套餐')
      const next = meals.map((m) => (m.id === input.mealId ? { ...m, soldOut: input.soldOut } : m))
      const won = updatedCount(
        await db
          .collection(COLLECTION.meal_menus)
          .where({ _id: menu._id, updatedAt: menu.updatedAt })
          .update({ data: { meals: next, updatedAt: now } }),
      )
      if (won !== 1) continue
      await syncSlotMeals(input.canteenId, input.date, next, now)
      await audit(ctx, input.canteenId, {
        action: input.soldOut ? 'mealSoldOut' : 'mealBackOnSale',
        after: { date: input.date, mealId: meal.id, name: meal.name },
      })
      return planViewOf(input.canteenId, input.date, now)
    }
    throw precondition('套餐刚被别人改过，请刷新后再试')
  },
})
