/**
 * home — the first screen in one call.
 * Actions: getHome (anyone).
 * Stations: the nearest open ones (one geoNear from `location` or the town centre; open-now and
 * service labels from the shared station view in _domain). The current group's micro-front: its
 * pinned and latest live notices with my read state (front-card.ts). Canteen: today's slots of the
 * town's canteen and my next meal (canteen.ts, the canteen's own rules in _domain). Topics: the live
 * ones most riders met, with their public clock (_domain/topic-home).
 * Collections read: users (the caller), stations, groups, notices, notice_reads, canteens, meal_slots,
 * meal_bookings, meal_menus, meal_ledgers, topics. Openapi permissions: none.
 */

import { nearestStations } from '../_domain/station-search'
import { presentStation, TOWN_CENTRE } from '../_domain/station-view'
import { homeTopics } from '../_domain/topic-home'
import { DEFAULT_NICKNAME, isOfficial } from '../_lib/people'
import { type ActionTable, actionsOf, createMain } from '../_lib/router'
import type { LatLng } from '../_lib/schema'
import { greetingFor, isoShanghai } from '../_lib/time'
import { num, str } from '../_lib/values'
import { canteenCard, nextMeal } from './canteen'
import { type HomeStationCard, homeContract } from './contract'
import { frontCard } from './front-card'

const act = actionsOf(homeContract)

/** The 3 nearest stations open right now (hours engine, Asia/Shanghai), from one geoNear query. */
async function nearestOpenStations(origin: LatLng, now: Date): Promise<HomeStationCard[]> {
  const cards: HomeStationCard[] = []
  for (const doc of await nearestStations(origin, { status: 'open' }, 30)) {
    const s = presentStation(doc, now, num(doc.distance))
    if (!s.openNow) continue
    cards.push({
      id: s.id,
      name: s.name,
      address: s.address,
      openNow: true,
      hoursHint: s.hint,
      services: s.services
        .filter((v) => v.state === 'ok' || v.state === 'reported')
        .map((v) => v.label)
        .slice(0, 6),
      distanceM: s.distanceM,
      distanceText: s.distanceText,
    })
    if (cards.length === 3) break
  }
  return cards
}

const getHome = act('getHome', {
  summary:
    '首页一次取齐：问候、我的状态、附近现在开放的驿站（按我的位置或镇中心由近到远）、当前群的置顶和最新公告、食堂今天的时段和我的下一顿、大家在议的事（支持最多的办理中议题）',
  roles: ['anyone'],
  async handler(input, { caller, now }) {
    const [stations, front, canteen, next, topics] = await Promise.all([
      nearestOpenStations(input.location ?? TOWN_CENTRE, now),
      frontCard(caller, now),
      canteenCard(caller, now),
      nextMeal(caller, now),
      homeTopics(now),
    ])
    return {
      now: isoShanghai(now),
      greeting: greetingFor(now),
      me: {
        nickname: str(caller.profile?.nickname, DEFAULT_NICKNAME),
        roles: caller.roles,
        verified: caller.verified,
        official: isOfficial(caller.roles),
      },
      stations,
      origin: input.location ? 'rider' : 'town_centre',
      front,
      canteen,
      nextMeal: next,
      topics,
    }
  },
})

export const actions = { getHome } satisfies ActionTable<typeof homeContract>
export const main = createMain('home', actions)
