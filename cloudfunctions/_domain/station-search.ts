/**
 * The one geoNear query behind "nearest first" (the 驿站 list and 首页): stations matching `query`,
 * nearest to `origin`, with `distance` in metres, without the fields no list shows.
 * Needs the 2dsphere index on `location` (collections.ts).
 */
import { db } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import type { LatLng } from '../_lib/schema'
import type { Doc } from '../_lib/values'

export async function nearestStations(origin: LatLng, query: Doc, limit: number): Promise<Doc[]> {
  const res = (await db
    .collection(COLLECTION.stations)
    .aggregate()
    .geoNear({
      near: new db.Geo.Point(origin.lng, origin.lat),
      distanceField: 'distance',
      spherical: true,
      key: 'location',
      query,
    })
    .limit(limit)
    .project({ photos: 0, createdAt: 0, checkin: 0 })
    .end()) as { list: Doc[] }
  return res.list
}
