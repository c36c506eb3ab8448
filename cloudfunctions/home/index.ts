/**
 * home — the first screen in one call.
 * Actions: getHome (anyone).
 * Stations: the nearest open ones (geoNear from `location` or the town centre; open-now and
 * service labels from _lib/hours + _lib/station-services, shared with the stations function).
 * Collections read: users, stations, meal_slots, canteens, topics, notices, groups.
 * Openapi permissions: none.
 */

import { _, db, rows } from '../_lib/cloud'
import { action, createMain } from '../_lib/router'
import { businessDate, greetingFor, isoShanghai, minuteOfDay } from '../_lib/time'
import { nearestStations } from '../stations/near'
import { presentStation, TOWN_CENTRE } from '../stations/present'
import { getHomeInput, type HomeCanteenCard, type HomeData, type HomeStationCard } from './contract'

type Doc = Record<string, unknown>
const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback)
const num = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback)

/** The 3 nearest stations open right now (hours engine, Asia/Shanghai), from one geoNear query. */
async function nearestOpenStations(origin: { lat: number; lng: number }, now: Date): Promise<HomeStationCard[]> {
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

const getHome = action({
  summary: '首页一次取齐：问候、我的状态、附近开放的驿站、今日食堂时段、热门议题、本群公告',
  roles: ['anyone'],
  input: getHomeInput,
  async handler(input, { caller, now }): Promise<HomeData> {
    const today = businessDate(now)
    const profile = caller.profile ?? {}
    const groupIds = Array.isArray(profile.groupIds) ? (profile.groupIds as string[]).slice(0, 10) : []
    const [stations, slots, topics, notices] = await Promise.all([
      nearestOpenStations(input.location ?? TOWN_CENTRE, now),
      rows(db.collection('meal_slots').where({ date: today }).orderBy('start', 'asc').limit(20)),
      rows(
        db
          .collection('topics')
          .where({ status: _.in(['open', 'scheduled']) })
          .orderBy('supporters', 'desc')
          .limit(3),
      ),
      groupIds.length
        ? rows(
            db
              .collection('notices')
              .where({ groupId: _.in(groupIds), expiresAt: _.gt(now) })
              .orderBy('pinned', 'desc')
              .orderBy('createdAt', 'desc')
              .limit(3),
          )
        : Promise.resolve([] as Doc[]),
    ])

    let canteen: HomeCanteenCard | null = null
    if (slots.length) {
      const canteenId = str(slots[0].canteenId)
      const canteens = canteenId ? await rows(db.collection('canteens').where({ _id: canteenId }).limit(1)) : []
      const nowMinute = minuteOfDay(now)
      const upcoming = slots.filter((s) => num(s.endMinute, 24 * 60) > nowMinute).slice(0, 4)
      canteen = {
        name: str(canteens[0]?.name, '小哥食堂'),
        date: today,
        priceYuan: num(canteens[0]?.priceYuan, 15),
        slots: upcoming.map((s) => ({
          label: str(s.label, `${str(s.start)}-${str(s.end)}`),
          offPeak: Boolean(s.offPeak),
          left: Math.max(0, num(s.capacity) - num(s.booked)),
        })),
      }
    }

    return {
      now: isoShanghai(now),
      greeting: greetingFor(now),
      me: {
        nickname: str(profile.nickname, '骑手朋友'),
        roles: caller.roles,
        verified: profile.verification === 'approved' || caller.roles.includes('rider'),
      },
      stations,
      canteen,
      topics: topics.map((t) => ({ id: str(t._id), title: str(t.title), status: str(t.status), supporters: num(t.supporters) })),
      notices: notices.map((n) => ({ id: str(n._id), title: str(n.title), pinned: Boolean(n.pinned), groupName: str(n.groupName) })),
    }
  },
})

export const actions = { getHome }
export const main = createMain('home', actions)
