/**
 * Contract of the `home` function: the first screen in one call.
 * Imported by the function (schemas + types) and by the client (`import type` only).
 */
import { z } from 'zod'

export const getHomeInput = z.object({})

export interface HomeStationCard {
  id: string
  name: string
  address: string
  openNow: boolean
  /** e.g. "还有 45 分钟关门" / "明早 8:00 开门" */
  hoursHint: string
  services: string[]
}

export interface HomeCanteenCard {
  name: string
  /** today's date in Asia/Shanghai, YYYY-MM-DD */
  date: string
  priceYuan: number
  /** the next slots still bookable today */
  slots: { label: string; offPeak: boolean; left: number }[]
}

export interface HomeData {
  /** Business time "now" in Asia/Shanghai, ISO string with +08:00 */
  now: string
  greeting: string
  me: { nickname: string; roles: string[]; verified: boolean }
  stations: HomeStationCard[]
  canteen: HomeCanteenCard | null
  topics: { id: string; title: string; status: string; supporters: number }[]
  notices: { id: string; title: string; pinned: boolean; groupName: string }[]
}

export interface HomeApi {
  getHome: { params: z.input<typeof getHomeInput>; result: HomeData }
}
