import 'mingo/init/system'
import { Aggregator, Context, Query } from 'mingo'
import type { Options } from 'mingo/core'
import { resolve } from 'mingo/util'
import type { Doc } from './ejson'
import { errors } from './errors'
import { distance, EARTH_RADIUS_M, intersects, type Pos, pointOf, toShape, within } from './geo'

const geoValue = (obj: Doc, selector: string) => resolve(obj as any, selector)

/** Query operators mingo lacks: MongoDB's geospatial ones, evaluated on GeoJSON. */
const geoOps = {
  $geoWithin: (selector: string, value: any) => {
    let region: { polygons?: Pos[][][]; center?: Pos; radiusM?: number }
    if (value?.$centerSphere) {
      const [center, r] = value.$centerSphere
      region = { center: pointOf(center) ?? center, radiusM: Number(r) * EARTH_RADIUS_M }
    } else {
      const shape = toShape(value?.$geometry)
      if (!shape?.polygons.length) throw errors.requestFailed('$geoWithin requires a Polygon, MultiPolygon or $centerSphere')
      region = { polygons: shape.polygons }
    }
    return (obj: Doc) => {
      const s = toShape(geoValue(obj, selector))
      return !!s && within(s, region)
    }
  },
  $geoIntersects: (selector: string, value: any) => {
    const q = toShape(value?.$geometry)
    if (!q) throw errors.requestFailed('$geoIntersects requires a GeoJSON $geometry')
    return (obj: Doc) => {
      const s = toShape(geoValue(obj, selector))
      return !!s && intersects(s, q)
    }
  },
  $nearSphere: (selector: string, value: any) => nearFilter(selector, value),
  $near: (selector: string, value: any) => nearFilter(selector, value),
}

function nearSpec(value: any): { point: Pos; max: number; min: number } {
  const point = pointOf(value?.$geometry ?? value)
  if (!point) throw errors.requestFailed('invalid point in geo near query')
  const max = value?.$maxDistance ?? Infinity
  const min = value?.$minDistance ?? 0
  return { point, max: Number(max), min: Number(min) }
}

function nearFilter(selector: string, value: any) {
  const { point, max, min } = nearSpec(value)
  return (obj: Doc) => {
    const p = pointOf(geoValue(obj, selector))
    if (!p) return false
    const d = distance(p, point)
    return d >= min && d <= max
  }
}

const context = Context.init({ query: geoOps as any })
export const mingoOptions: Partial<Options> = { context, useGlobalContext: true, useStrictMode: true }

export function compile(query: Doc | undefined): Query {
  try {
    return new Query(query ?? {}, mingoOptions)
  } catch (e) {
    throw errors.requestFailed((e as Error).message)
  }
}

/** The `{ field: { $nearSphere | $near } }` of a query (top level or inside $and), if any. */
export function findNear(query: Doc | undefined): { field: string; point: Pos } | null {
  if (!query) return null
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const sub of v) {
        const r = findNear(sub)
        if (r) return r
      }
    } else if (!k.startsWith('$') && v && typeof v === 'object' && !Array.isArray(v)) {
      const near = (v as Doc).$nearSphere ?? (v as Doc).$near
      if (near) return { field: k, point: nearSpec(near).point }
    }
  }
  return null
}

export interface FindOptions {
  order?: Record<string, 1 | -1>
  skip?: number
  limit?: number
  projection?: Doc
}

export function sortDocs(docs: Doc[], order: Record<string, 1 | -1>): Doc[] {
  return new Aggregator([{ $sort: order }], mingoOptions).run(docs) as Doc[]
}

export function project(docs: Doc[], projection: Doc | undefined): Doc[] {
  if (!projection || !Object.keys(projection).length) return docs
  try {
    return new Query({}, mingoOptions).find<Doc>(docs, projection).all()
  } catch (e) {
    throw errors.requestFailed((e as Error).message)
  }
}

/** Filter, sort (explicit order, else distance for a geo-near query, else natural order), skip, limit, project. */
export function runFind(docs: Iterable<Doc>, query: Doc | undefined, opts: FindOptions = {}): Doc[] {
  const q = compile(query)
  let out: Doc[] = []
  try {
    for (const d of docs) if (q.test(d)) out.push(d)
  } catch (e) {
    throw errors.requestFailed((e as Error).message)
  }
  const near = findNear(query)
  if (opts.order && Object.keys(opts.order).length) out = sortDocs(out, opts.order)
  else if (near) {
    const withD = out.map((d) => ({ d, dist: distance(pointOf(resolve(d as any, near.field))!, near.point) }))
    withD.sort((a, b) => a.dist - b.dist)
    out = withD.map((x) => x.d)
  }
  const skip = opts.skip ?? 0
  const end = opts.limit === undefined ? undefined : skip + opts.limit
  out = out.slice(skip, end)
  return project(out, opts.projection)
}
