/** The canteen's staff (and town): settings, dishes, menus, slots, the ledger (contract: cloudfunctions/meals/contract.ts). */
import type { ParamsOf } from '@cloud/_lib/api'
import { callFunction } from '../cloud'

export type {
  DishEditView,
  LedgerView,
  ManagedCanteen,
  MenuMealView,
  MyCanteensView,
  PlanSlotView,
  PlanView,
  PolicyView,
} from '@cloud/meals/contract'

export const myCanteens = () => callFunction('meals', 'myCanteens', {})
export const getPlan = (canteenId: string, date: string) => callFunction('meals', 'getPlan', { canteenId, date })
export const saveDish = (params: ParamsOf<'meals', 'saveDish'>) => callFunction('meals', 'saveDish', params)
export const saveMenu = (params: ParamsOf<'meals', 'saveMenu'>) => callFunction('meals', 'saveMenu', params)
export const saveSlot = (params: ParamsOf<'meals', 'saveSlot'>) => callFunction('meals', 'saveSlot', params)
export const closeSlot = (slotId: string, reason: string) => callFunction('meals', 'closeSlot', { slotId, reason })
export const setSoldOut = (params: ParamsOf<'meals', 'setSoldOut'>) => callFunction('meals', 'setSoldOut', params)
export const copyWeek = (canteenId: string, weekOf: string) => callFunction('meals', 'copyWeek', { canteenId, weekOf })
export const setPolicy = (params: ParamsOf<'meals', 'setPolicy'>) => callFunction('meals', 'setPolicy', params)
export const setBudget = (params: ParamsOf<'meals', 'setBudget'>) => callFunction('meals', 'setBudget', params)
export const ledger = (canteenId: string, month: string) => callFunction('meals', 'ledger', { canteenId, month })
