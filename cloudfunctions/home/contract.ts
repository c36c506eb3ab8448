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

/** A notice of the current group on 首页 (tap: the notice page, which records the read). */
export const homeNotice = out({
  id: z.string(),
  title: z.string(),
  category: z.enum(['notice', 'activity', 'safety', 'mutual']),
  pinned: z.boolean(),
  createdAt: isoTime,
  authorName: z.string(),
  read: z.boolean().describe('我看过没有（自己发的算看过）'),
})
export type HomeNotice = z.infer<typeof homeNotice>

/** The current group's micro-front on 首页: its pinned and latest live notices (the way into its front page). */
export const homeFront = out({
  groupId: z.string(),
  groupName: z.string(),
  pinned: z.array(homeNotice).describe('置顶的，最多 2 条'),
  latest: z.array(homeNotice).describe('最新的，最多 3 条'),
  unread: z.number().describe('有效公告里我还没看的条数'),
})
export type HomeFront = z.infer<typeof homeFront>
/** 食堂 today: the slots not over yet, each with seats left and whether I can book it (or why not). */
export const homeCanteenCard = out({
  id: z.string(),
  name: z.string(),
  slots: z.array(
    out({
      id: z.string(),
      start: z.string(),
      end: z.string(),
      offPeak: z.boolean(),
      left: z.number().int(),
      bookable: z.boolean(),
      /** e.g. 已约满, 已截止预约, 你已预约午餐, 认证后可预约 */
      reason: z.string().optional(),
    }),
  ),
  /** Slots of today that can still be booked by someone. */
  openSlots: z.number().int(),
})
export type HomeCanteenCard = z.infer<typeof homeCanteenCard>

/** My next meal still to collect: when, where, the pickup code, the locker once placed. */
export const homeNextMeal = out({
  bookingId: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  canteenName: z.string(),
  code: z.string(),
  state: z.enum(['booked', 'placed']),
  lockerNo: z.number().int().nullable(),
  holdUntil: isoTime.nullable(),
})
export type HomeNextMeal = z.infer<typeof homeNextMeal>

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
  /** The current group's notices (micro-front); null when the caller is in no group. */
  front: homeFront.nullable(),
  /** 议事: the live topics most riders met, each opening the topic. */
  topics: z.array(homeTopicRow),
  /** The town's canteen today (null when there is none). */
  canteen: homeCanteenCard.nullable(),
  /** My next booked meal (null when I have none). */
  nextMeal: homeNextMeal.nullable(),
})
export type HomeData = z.infer<typeof homeData>
export type { HomeTopicRow } from '../_domain/topic-home'

export const homeContract = defineContract({
  getHome: { input: getHomeInput, output: homeData },
})
export type HomeApi = ApiOf<typeof homeContract>
