import 'mingo/init/system'
import { Context, Query } from 'mingo'
import type { Options } from 'mingo/core'
import { $push as mingoPush } from 'mingo/operators/accumulator'
import { $unwind as mingoUnwind } from 'mingo/operators/pipeline'
import { $in as mingoIn, $nin as mingoNin } from 'mingo/operators/query'
import { resolve, setValue, unique } from 'mingo/util'
import { mongoSort } from './compare'
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

/** `$in` / `$nin` whose list holds regular expressions: a string matching any of them is "in" (MongoDB). */
function regexAware(op: typeof mingoIn, negate: boolean) {
  return (selector: string, value: any, options: any) => {
    const list: unknown[] = Array.isArray(value) ? value : []
    const isRe = (v: unknown): v is RegExp => Object.prototype.toString.call(v) === '[object RegExp]'
    const regexes = list.filter(isRe)
    if (!regexes.length) return op(selector, value, options)
    const plain = op(
      selector,
      list.filter((v) => !isRe(v)),
      options,
    )
    return (obj: Doc) => {
      const v = resolve(obj as any, selector)
      const strings = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string')
      const hit = strings.some((x) => regexes.some((r) => new RegExp(r.source, r.flags.replace('g', '')).test(x)))
      return negate ? !hit && plain(obj) : hit || plain(obj)
    }
  }
}

/**
 * Pipeline stages and accumulators where mingo differs from the service:
 * - `$sort` uses MongoDB's cross-type order and array min/max keys (see compare.ts);
 * - `$unwind` with `preserveNullAndEmptyArrays` outputs an empty array's document with the field
 *   `null`, as the documentation's example shows (`{ "_id": "2", "product": "pants", "size": null }`);
 * - `$push` / `$addToSet` skip documents where the expression is missing (MongoDB), instead of null.
 */
const pipelineOps = {
  $sort: (collection: any, sortKeys: any) =>
    !sortKeys || typeof sortKeys !== 'object' || !Object.keys(sortKeys).length
      ? collection
      : collection.transform((coll: Doc[]) => mongoSort(coll, sortKeys)),
  $unwind: (collection: any, expr: any, options: any) => {
    const spec = typeof expr === 'string' ? { path: expr } : expr
    if (spec?.preserveNullAndEmptyArrays === true && typeof spec.path === 'string') {
      const field = spec.path.slice(1)
      collection = collection.map((obj: Doc) => {
        const v = resolve(obj as any, field)
        if (Array.isArray(v) && !v.length) setValue(obj as any, field, null)
        return obj
      })
    }
    return mingoUnwind(collection, spec, options)
  },
}
const accumulatorOps = {
  $push: (collection: any[], expr: any, options: any) => (mingoPush(collection, expr, options) as unknown[]).filter((v) => v !== undefined),
  $addToSet: (collection: any[], expr: any, options: any) =>
    unique((mingoPush(collection, expr, options) as unknown[]).filter((v) => v !== undefined)),
}

const context = Context.init({
  query: { ...geoOps, $in: regexAware(mingoIn, false), $nin: regexAware(mingoNin, true) } as any,
  pipeline: pipelineOps as any,
  accumulator: accumulatorOps as any,
})
export const mingoOptions: Partial<Options> = { context, useGlobalContext: true, useStrictMode: true }

export function compile(query: Doc | undefined): Query {
  try {
    return new Query(query ?? {}, mingoOptions)
  } catch (e) {
    throw errors.requestFailed((e as Error).message)
  }
}

/** The `{ field: { $nearSphere | $near } }` of a query (top level or inside $and), if any. */
export function findNear(query: Doc | undefined): { field: string; point: Pos; max: number } | null {
  if (!query) return null
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const sub of v) {
        const r = findNear(sub)
        if (r) return r
      }
    } else if (!k.startsWith('$') && v && typeof v === 'object' && !Array.isArray(v)) {
      const near = (v as Doc).$nearSphere ?? (v as Doc).$near
      if (near) {
        const spec = nearSpec(near)
        return { field: k, point: spec.point, max: spec.max }
      }
    }
  }
  return null
}

/** Fields queried with `$geoWithin` / `$geoIntersects` (anywhere in the query), which the documentation says need a geo index. */
export function geoFilterFields(query: unknown, out: { field: string; op: string }[] = []): { field: string; op: string }[] {
  if (Array.isArray(query)) for (const q of query) geoFilterFields(q, out)
  else if (query && typeof query === 'object' && !['[object Date]', '[object RegExp]'].includes(Object.prototype.toString.call(query)))
    for (const [k, v] of Object.entries(query)) {
      if (k.startsWith('$')) geoFilterFields(v, out)
      else if (v && typeof v === 'object') {
        for (const op of ['$geoWithin', '$geoIntersects']) if (op in v) out.push({ field: k, op })
        if ('$not' in v) geoFilterFields({ [k]: (v as Doc).$not }, out)
      }
    }
  return out
}

export interface FindOptions {
  order?: Record<string, 1 | -1>
  skip?: number
  limit?: number
  projection?: Doc
}

export function sortDocs(docs: Doc[], order: Record<string, 1 | -1>): Doc[] {
  return mongoSort(docs, order)
}

export function project(docs: Doc[], projection: Doc | undefined): Doc[] {
  if (!projection || !Object.keys(projection).length) return docs
  try {
    return new Query({}, mingoOptions).find<Doc>(docs, projection).all()
  } catch (e) {
    throw errors.requestFailed((e as Error).message)
  }
}

/**
 * Filter, sort (explicit order, else distance for a geo-near query, else the order of `docs`),
 * skip, limit, project. `inOrder`: `docs` already come in the answer's order (natural order, or
 * nearest first from a geo index), so without an explicit order the scan stops at skip + limit.
 */
export function runFind(docs: Iterable<Doc>, query: Doc | undefined, opts: FindOptions & { inOrder?: boolean } = {}): Doc[] {
  const q = compile(query)
  const near = findNear(query)
  const ordered = Boolean(opts.order && Object.keys(opts.order).length)
  const skip = opts.skip ?? 0
  const stopAt = !ordered && (!near || opts.inOrder) && opts.limit !== undefined ? skip + opts.limit : Infinity
  let out: Doc[] = []
  try {
    for (const d of docs) {
      if (out.length >= stopAt) break
      if (q.test(d)) out.push(d)
    }
  } catch (e) {
    throw errors.requestFailed((e as Error).message)
  }
  if (ordered) out = sortDocs(out, opts.order as Record<string, 1 | -1>)
  else if (near && !opts.inOrder) {
    const withD = out.map((d) => ({ d, dist: distance(pointOf(resolve(d as any, near.field))!, near.point) }))
    withD.sort((a, b) => a.dist - b.dist)
    out = withD.map((x) => x.d)
  }
  const end = opts.limit === undefined ? undefined : skip + opts.limit
  out = out.slice(skip, end)
  return project(out, opts.projection)
}
