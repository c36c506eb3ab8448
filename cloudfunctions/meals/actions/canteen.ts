/**
 * A canteen's settings: the canteens a staff member keeps (town: all), its booking policy (staff of
 * that canteen or town; the slots still ahead take the new times and limits), the month's subsidy
 * budget (town only), and the ledger (staff of that canteen or town).
 */
import { policyFields } from '../../_domain/meal-plan'
import { openDaysOf, policyOf } from '../../_domain/meal-rules'
import { _, db, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { precondition } from '../../_lib/errors'
import { isTown } from '../../_lib/guard'
import { actionsOf } from '../../_lib/router'
import { type Doc, num, str, updatedCount } from '../../_lib/values'
import { mealsContract } from '../contract'
import { audit, recordRefusal, staffOfCanteen } from '../guards'
import { ledgerViewOf } from '../ledger'
import { setLockerCount } from '../lockers'
import { ensureLedger } from '../seats'
import type { ManagedCanteen } from '../staff-views'
import { canteenSubsidy, loadCanteen } from '../store'

const act = actionsOf(mealsContract)

function managedOf(c: Doc): ManagedCanteen {
  return {
    id: str(c._id),
    name: str(c.name),
    address: str(c.address),
    lockerCount: num(c.lockerCount),
    openDays: openDaysOf(c),
    policy: policyOf(c),
    subsidy: canteenSubsidy(c),
  }
}

export const myCanteens = act('myCanteens', {
  summary: '我负责的食堂（镇里看全部）：规则、补贴标准、保温柜数量',
  roles: ['staff', 'town'],
  async handler(_input, { caller }) {
    const town = isTown(caller)
    if (!town && !caller.staffOf.canteen.length) return { canteens: [], isTown: false }
    const where = town ? {} : { _id: _.in(caller.staffOf.canteen) }
    const found = await rows(db.collection(COLLECTION.canteens).where(where).orderBy('_id', 'asc').limit(100))
    return { canteens: found.map(managedOf), isTown: town }
  },
})

export const setPolicy = act('setPolicy', {
  summary: '修改食堂的营业日、保温柜数量和预约规则：截止和免费取消时间、保温和延长时间、爽约几次暂停几天、每人每天/每周限约',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  scope: staffOfCanteen(),
  onDenied: recordRefusal('mealPolicy'),
  async handler(input, ctx) {
    const { now } = ctx
    const canteen = await loadCanteen(input.canteenId)
    const before = { policy: policyOf(canteen), openDays: openDaysOf(canteen), lockerCount: num(canteen.lockerCount) }
    const next = policyOf({ policy: { ...before.policy, ...input.policy } })
    const openDays = input.openDays ? [...new Set(input.openDays)].sort() : before.openDays
    const lockerCount = input.lockerCount ?? before.lockerCount
    if (input.lockerCount !== undefined) await setLockerCount(input.canteenId, input.lockerCount)
    await db
      .collection(COLLECTION.canteens)
      .where({ _id: input.canteenId })
      .update({ data: { policy: next, openDays, lockerCount, updatedAt: now } })
    // Slots still ahead take the new cut-off, hold and limits (their stored copy is what `book` checks).
    const ahead = await rows(
      db
        .collection(COLLECTION.meal_slots)
        .where({ canteenId: input.canteenId, endsAt: _.gt(now) })
        .limit(1000),
    )
    for (const s of ahead) {
      await db
        .collection(COLLECTION.meal_slots)
        .where({ _id: s._id })
        .update({ data: { ...policyFields(next, str(s.date), str(s.start), str(s.end)), updatedAt: now } })
    }
    await audit(ctx, input.canteenId, {
      action: 'mealPolicy',
      before: { ...before },
      after: { policy: { ...next }, openDays, lockerCount },
    })
    return managedOf({ ...canteen, policy: next, openDays, lockerCount })
  },
})

export const setBudget = act('setBudget', {
  summary: '镇里设定食堂某个月的爱心餐补贴预算（已经答应出去的补贴不能被减掉）',
  roles: ['town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  onDenied: recordRefusal('mealBudget'),
  async handler(input, ctx) {
    const { now } = ctx
    const canteen = await loadCanteen(input.canteenId)
    for (let attempt = 0; attempt < 3; attempt++) {
      const ledger = await ensureLedger(canteen, `${input.month}-01`, now)
      const delta = input.budgetFen - num(ledger.budgetFen)
      if (num(ledger.unallocatedFen) + delta < 0) {
        throw precondition(`已经有 ${(num(ledger.budgetFen) - num(ledger.unallocatedFen)) / 100} 元补贴用掉或答应出去了，预算不能比这更少`)
      }
      const won = updatedCount(
        await db
          .collection(COLLECTION.meal_ledgers)
          .where({ _id: ledger._id, budgetFen: num(ledger.budgetFen), unallocatedFen: _.gte(-delta) })
          .update({ data: { budgetFen: input.budgetFen, unallocatedFen: _.inc(delta), updatedAt: now } }),
      )
      if (won !== 1 && delta !== 0) continue
      await audit(ctx, input.canteenId, {
        action: 'mealBudget',
        before: { budgetFen: num(ledger.budgetFen) },
        after: { month: input.month, budgetFen: input.budgetFen },
      })
      return ledgerViewOf(canteen, input.month, now)
    }
    throw precondition('台账刚刚变了，请再试一次')
  },
})

export const ledger = act('ledger', {
  summary: '食堂某个月的补贴台账：预算、每份补贴、已领取（取餐时记入）、尚未分配',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND'],
  scope: staffOfCanteen(),
  onDenied: recordRefusal('mealLedger'),
  async handler(input, { now }) {
    return ledgerViewOf(await loadCanteen(input.canteenId), input.month, now)
  },
})
