/**
 * The one geoNear query behind "nearest first" (the 驿站 list and 首页): stations matching `query`,
 * nearest to `origin`, with `distance` in metres, without the fields no list shows.
 * Needs the 2dsphere index on `location` (collections.ts).
 */
import { db } from '../_lib/cloud'

type Doc = Record<string, unknown>

export async function nearestStations(origin: { lat: number; lng: number }, query: Doc, limit: number): Promise<Doc[]> {
  const res = (await db
    .collection('stations')
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
