/**
 * The stations function's own storage helpers: its collections, loading a station or a problem
 * (NOT_FOUND when missing), the scope checks "staff of this station" and "staff of the station this
 * problem belongs to", and the weekly head count of check-ins.
 */
import { db, row } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { notFound } from '../_lib/errors'
import { isStationStaff } from '../_lib/guard'
import type { ActionContext } from '../_lib/router'
import type { LatLng } from '../_lib/schema'
import { weekKey } from '../_lib/time'
import { type Doc, str } from '../_lib/values'

export const stations = () => db.collection(COLLECTION.stations)
export const problems = () => db.collection(COLLECTION.station_problems)
export const checkins = () => db.collection(COLLECTION.station_checkins)

/** Problem states still waiting for the staff (a problem leaves them when fixed or dismissed). */
export const ACTIVE = ['open', 'confirmed']

/** A station that has not been closed for good; NOT_FOUND otherwise. */
export async function stationById(stationId: string): Promise<Doc> {
  const doc = await row(stations().where({ _id: stationId }))
  if (!doc || doc.status === 'removed') throw notFound('没有找到这个驿站')
  return doc
}

export async function problemById(problemId: string): Promise<Doc> {
  const doc = await row(problems().where({ _id: problemId }))
  if (!doc) throw notFound('没有找到这条问题反映')
  return doc
}

/** Scope: staff of the station named in the input (town everywhere). */
export const stationScope = (input: { stationId: string }, { caller }: ActionContext) => isStationStaff(caller, input.stationId)

/** Scope: staff of the station the problem belongs to; NOT_FOUND for an unknown problem. */
export async function problemScope(input: { problemId: string }, { caller }: ActionContext): Promise<boolean> {
  return isStationStaff(caller, str((await problemById(input.problemId)).stationId))
}

/** The database's point type (longitude first). */
export const geoPoint = (p: LatLng) => new db.Geo.Point(p.lng, p.lat)

/** Distinct riders who checked in at the station this Shanghai week. */
export async function ridersThisWeek(stationId: string, now: Date): Promise<number> {
  const res = (await checkins()
    .aggregate()
    .match({ stationId, weekKey: weekKey(now) })
    .group({ _id: '$openid' })
    .count('n')
    .end()) as { list: { n: number }[] }
  return res.list[0]?.n ?? 0
}
