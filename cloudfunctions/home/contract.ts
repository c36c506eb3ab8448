/**
 * Contract of the `home` function: the first screen in one call.
 * Imported by the function (schemas) and by the client (`import type` only).
 */
import { z } from 'zod'
import { homeTopicRow } from '../_domain/topic-home'
import { type ApiOf, defineContract } from '../_lib/contract'
import { isoTime, latLng, out } from '../_lib/schema'

export const getHomeInput = z
  .object({
    /** The rider's (fuzzy) location for "nearest open stations"; absent = sorted from the town centre. */
    location: latLng.optional(),
  })
  .strict()

export const homeStationCard = out({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  openNow: z.boolean(),
  /** e.g. "还有 45 分钟关门" / "营业到 21:00" (Asia/Shanghai, from the hours engine) */
  hoursHint: z.string(),
  /** Chinese labels of the services working now, e.g. 热饭, 手机充电 */
  services: z.array(z.string()),
  /** Metres from the rider (or the town centre), and as text: "350 米" */
  distanceM: z.number(),
  distanceText: z.string(),
})
export type HomeStationCard = z.infer<typeof homeStationCard>

export const homeData = out({
  /** Business time "now" in Asia/Shanghai, ISO string with +08:00 */
  now: isoTime,
  greeting: z.string(),
  me: out({
    nickname: z.string(),
    roles: z.array(z.string()),
    /** a verified rider */
    verified: z.boolean(),
    /** appointed by the town (liaison, staff, town): never asked to verify as a rider */
    official: z.boolean(),
  }),
  /** The 3 nearest stations open now; whether they were sorted from the rider or the town centre. */
  stations: z.array(homeStationCard),
  origin: z.enum(['rider', 'town_centre']),
  /** 议事: the live topics most riders met, each opening the topic. */
  topics: z.array(homeTopicRow),
})
export type HomeData = z.infer<typeof homeData>
export type { HomeTopicRow } from '../_domain/topic-home'

export const homeContract = defineContract({
  getHome: { input: getHomeInput, output: homeData },
})
export type HomeApi = ApiOf<typeof homeContract>
