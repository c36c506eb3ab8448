/**
 * Contract of the `home` function: the first screen in one call.
 * Imported by the function (schemas + types) and by the client (`import type` only).
 */
import { z } from 'zod'

export const getHomeInput = z.object({
  /** The rider's (fuzzy) location for "nearest open stations"; absent = sorted from the town centre. */
  location: z
    .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
    .strict()
    .optional(),
})

export interface HomeStationCard {
  id: string
  name: string
  address: string
  openNow: boolean
  /** e.g. "还有 45 分钟关门" / "营业到 21:00" (Asia/Shanghai, from the hours engine) */
  hoursHint: string
  /** Chinese labels, e.g. 热饭, 手机充电 */
  services: string[]
  /** Metres from the rider (or the town centre), and as text: "350 米" */
  distanceM: number
  distanceText: string
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
