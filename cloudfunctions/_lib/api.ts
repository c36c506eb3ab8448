/**
 * Type-only registry of every function's actions: `Api[fn][action]` = { params, result }.
 * The client's `callFunction` is typed by it; each function's `contract.ts` defines its part.
 */
import type { ContentcheckApi } from '../contentcheck/contract'
import type { FrontsApi } from '../fronts/contract'
import type { HomeApi } from '../home/contract'
import type { MealsApi } from '../meals/contract'
import type { StationsApi } from '../stations/contract'
import type { TopicsApi } from '../topics/contract'
import type { UsersApi } from '../users/contract'

export interface Api {
  home: HomeApi
  users: UsersApi
  stations: StationsApi
  contentcheck: ContentcheckApi
  fronts: FrontsApi
  topics: TopicsApi
  meals: MealsApi
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type ParamsOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { params: infer P } ? P : never
export type ResultOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { result: infer R } ? R : never
