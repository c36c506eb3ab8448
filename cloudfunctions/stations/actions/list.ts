/** Riders finding a station: the nearest-first list (one geoNear). */

import { weekMinute } from '../../_domain/hours'
import { nearestStations } from '../../_domain/station-search'
import { serviceCatalogue } from '../../_domain/station-services'
import { presentStation, TOWN_CENTRE, TOWN_CENTRE_NOTE } from '../../_domain/station-view'
import { _ } from '../../_lib/cloud'
import { actionsOf } from '../../_lib/router'
import { isoShanghai } from '../../_lib/time'
import { type Doc, num } from '../../_lib/values'
import { type StationRow, stationsContract } from '../contract'

const act = actionsOf(stationsContract)

/** The most stations one list call looks at when it filters by opening hours. */
const MAX_CANDIDATES = 200

export const listStations = act('listStations', {
  summary: '附近驿站：按距离由近到远（一次 geoNear 查询），可按服务、现在开放、夜间开放筛选；拒绝定位时按镇中心排序',
  roles: ['anyone'],
  openidOnly: true,
  async handler(input, { now }) {
    const origin = input.location ?? TOWN_CENTRE
    const limit = input.limit ?? 20
    const byHours = Boolean(input.openNow || input.openAtNight)
    const query: Doc = { status: _.in(['open', 'closed']) }
    if (input.service) query.services = input.service
    // Leave out in the database what cannot be open (hoursIndex, a superset: checked exactly below);
    // stations saved before the index existed have no fields and stay in.
    if (input.openNow) {
      const m = weekMinute(now)
      query.openWeek = _.or(_.elemMatch({ from: _.lte(m), to: _.gt(m) }), _.exists(false))
    }
    if (input.openAtNight) query.nightOpen = _.neq(false)
    const pick = (docs: Doc[]): StationRow[] => {
      const rows: StationRow[] = []
      for (const doc of docs) {
        const { state: _state, openAtNight, ...view } = presentStation(doc, now, num(doc.distance))
        if (input.openNow && !view.openNow) continue
        if (input.openAtNight && !openAtNight) continue
        rows.push(view)
        if (rows.length >= limit) break
      }
      return rows
    }
    // The index leaves few candidates the exact check refuses (closures, dated exceptions): ten more
    // than the rows asked for is room enough in one request; only when that falls short while more
    // may exist (stations saved before the index, many closures) does a second, wider query run.
    const want = byHours ? Math.min(MAX_CANDIDATES, limit + 10) : limit
    const first = await nearestStations(origin, query, want)
    let rows = pick(first)
    if (byHours && rows.length < limit && first.length === want && want < MAX_CANDIDATES)
      rows = pick(await nearestStations(origin, query, MAX_CANDIDATES))
    return {
      now: isoShanghai(now),
      origin: { ...origin, source: input.location ? 'rider' : 'town_centre' },
      originNote: input.location ? null : TOWN_CENTRE_NOTE,
      stations: rows,
      catalogue: serviceCatalogue(),
    }
  },
})
