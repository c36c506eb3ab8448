/** Riders finding a station: the nearest-first list (one geoNear). */

import { nearestStations } from '../../_domain/station-search'
import { serviceCatalogue } from '../../_domain/station-services'
import { presentStation, TOWN_CENTRE, TOWN_CENTRE_NOTE } from '../../_domain/station-view'
import { _ } from '../../_lib/cloud'
import { actionsOf } from '../../_lib/router'
import { isoShanghai } from '../../_lib/time'
import { type Doc, num } from '../../_lib/values'
import { type StationRow, stationsContract } from '../contract'

const act = actionsOf(stationsContract)

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
    const rows: StationRow[] = []
    for (const doc of await nearestStations(origin, query, byHours ? 200 : limit)) {
      const { state: _state, openAtNight, ...view } = presentStation(doc, now, num(doc.distance))
      if (input.openNow && !view.openNow) continue
      if (input.openAtNight && !openAtNight) continue
      rows.push(view)
      if (rows.length >= limit) break
    }
    return {
      now: isoShanghai(now),
      origin: { ...origin, source: input.location ? 'rider' : 'town_centre' },
      originNote: input.location ? null : TOWN_CENTRE_NOTE,
      stations: rows,
      catalogue: serviceCatalogue(),
    }
  },
})
