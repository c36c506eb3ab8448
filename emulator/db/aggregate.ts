/**
 * `aggregateDocuments` (aggregate()…end()): mingo runs the pipeline, with the service's own rules
 * around it — `geoNear` first stage only, answered from the 2dsphere index nearest first and cut at
 * its documented `limit` (Aggregate.geoNear: "limit 限制返回记录数") or at what the following
 * stages can use; a pipeline without `$limit` returns at most 20 records.
 */
import { Aggregator } from 'mingo'
import { resolve } from 'mingo/util'
import { clone, type Doc, decode, encode, isPlainObject } from './ejson'
import { DbError, errors } from './errors'
import { pointOf } from './geo'
import { compile, mingoOptions } from './query'
import type { DbContext } from './read'
import type { Coll, Store } from './store'

/** An aggregation without a $limit stage returns at most 20 records on the real service. */
export const AGGREGATE_DEFAULT_LIMIT = 20

/** Stages that keep every record and their order: a `$limit` after them bounds what geoNear must produce. */
const PRESERVING = new Set(['$project', '$addFields', '$set', '$unset'])
/** Stages that never modify their input records: before them, records need not be deep-copied. */
const NON_MUTATING = new Set(['$limit', '$skip', '$project', '$match', '$sort', '$count'])

export function aggregateDocuments(ctx: DbContext, b: Record<string, any>) {
  const now = Date.now()
  const c = ctx.store.need(b.collectionName)
  const stages: { stageKey: string; stageValue: string }[] = Array.isArray(b.stages) ? b.stages : []
  const pipeline: Doc[] = stages.flatMap((s) => rewriteStage({ [s.stageKey]: decode(s.stageValue, now) }))
  if (pipeline.some((s, i) => i > 0 && '$geoNear' in s))
    throw errors.requestFailed('$geoNear is only valid as the first stage in a pipeline.')
  const hasLimit = pipeline.some((s) => '$limit' in s)
  let rest = pipeline
  const geoNear = pipeline[0] && '$geoNear' in pipeline[0] ? pipeline[0].$geoNear : undefined
  if (geoNear) rest = pipeline.slice(1)
  const copy = rest.every((s) => NON_MUTATING.has(Object.keys(s)[0])) ? (docs: Doc[]) => docs : clone
  let out = geoNear ? copy(geoNearStage(ctx.store, c, geoNear, needed(rest, hasLimit))) : copy([...c.docs.values()])
  const [done, remaining] = simpleStages(out, rest)
  out = done
  if (remaining.length)
    try {
      const agg = new Aggregator(remaining, {
        ...mingoOptions,
        collectionResolver: (name: string) => clone([...(ctx.store.colls.get(name)?.docs.values() ?? [])]),
      })
      out = agg.run(out) as Doc[]
    } catch (e) {
      if (e instanceof DbError) throw e
      throw errors.requestFailed((e as Error).message)
    }
  if (!hasLimit) out = out.slice(0, AGGREGATE_DEFAULT_LIMIT)
  return { data: { list: out.map(encode) } }
}

/** A `$project` that only drops top-level fields (`{photos: 0, createdAt: 0}`), `_id` included or not. */
function topLevelExclusion(spec: unknown): string[] | null {
  if (!isPlainObject(spec)) return null
  const keys = Object.keys(spec)
  if (!keys.length || !keys.every((k) => !k.includes('.') && !k.startsWith('$') && (spec[k] === 0 || spec[k] === false))) return null
  return keys
}

/**
 * The leading `$limit` / `$skip` / top-level-exclusion `$project` stages, applied directly (they are
 * what a list query's pipeline is made of); the rest goes to mingo.
 */
function simpleStages(docs: Doc[], stages: Doc[]): [Doc[], Doc[]] {
  let out = docs
  let i = 0
  for (; i < stages.length; i++) {
    const [op] = Object.keys(stages[i])
    const v = stages[i][op]
    const n = typeof v === 'number' && Number.isInteger(v) ? v : Number.NaN
    if (op === '$limit' && n > 0) out = out.slice(0, n)
    else if (op === '$skip' && n >= 0) out = out.slice(n)
    else if (op === '$project' && topLevelExclusion(v)) {
      const drop = new Set(topLevelExclusion(v))
      out = out.map((d) => {
        const o: Doc = {}
        for (const k of Object.keys(d)) if (!drop.has(k)) o[k] = d[k]
        return o
      })
    } else break
  }
  return [out, stages.slice(i)]
}

/** How many geoNear records the rest of the pipeline can use (Infinity when a stage may drop or reorder records). */
function needed(rest: Doc[], hasLimit: boolean): number {
  let skipped = 0
  for (const stage of rest) {
    const [op] = Object.keys(stage)
    if (op === '$limit') return skipped + Math.max(0, Number(stage.$limit) || 0)
    if (op === '$skip') skipped += Math.max(0, Number(stage.$skip) || 0)
    else if (!PRESERVING.has(op)) return Number.POSITIVE_INFINITY
  }
  return hasLimit ? Number.POSITIVE_INFINITY : skipped + AGGREGATE_DEFAULT_LIMIT
}

function geoNearField(store: Store, c: Coll, spec: Doc): string {
  const geoFields = [...c.geo.keys()]
  if (!geoFields.length) throw errors.requestFailed('$geoNear requires a 2d or 2dsphere index, but none were found')
  const field = typeof spec.key === 'string' ? spec.key : geoFields.length === 1 ? geoFields[0] : null
  if (!field) throw errors.requestFailed('There is more than one 2dsphere index; unsure which to use for $geoNear')
  if (!geoFields.includes(field)) throw errors.requestFailed(`no geo indices for geoNear on key ${field}`)
  store.geoIndex(c, field)
  return field
}

/** The records nearest first with their distance, from the 2dsphere index; at most `take` of them. */
function geoNearStage(store: Store, c: Coll, spec: Doc, take: number): Doc[] {
  if (!isPlainObject(spec)) throw errors.requestFailed('$geoNear argument must be an object')
  const field = geoNearField(store, c, spec)
  if (typeof spec.distanceField !== 'string') throw errors.requestFailed("$geoNear requires a 'distanceField' option as a String")
  const near = pointOf(spec.near)
  if (!near) throw errors.requestFailed('$geoNear requires near argument')
  if (spec.limit !== undefined && !(typeof spec.limit === 'number' && spec.limit > 0))
    throw errors.requestFailed('$geoNear: limit must be a positive number')
  const limit = Math.min(take, spec.limit === undefined ? Number.POSITIVE_INFINITY : Math.floor(spec.limit))
  const q = spec.query ? compile(spec.query) : null
  const max = spec.maxDistance === undefined ? Number.POSITIVE_INFINITY : Number(spec.maxDistance)
  const min = spec.minDistance === undefined ? 0 : Number(spec.minDistance)
  const mult = spec.distanceMultiplier === undefined ? 1 : Number(spec.distanceMultiplier)
  const out: Doc[] = []
  if (limit <= 0) return out
  for (const { key, dist } of store.geoIndex(c, field).nearest(near)) {
    if (dist > max) break
    const d = c.docs.get(key)
    if (!d || dist < min || (q && !q.test(d))) continue
    // copies only along the paths it sets: the caller deep-copies when a later stage could modify records
    let copy = withPath(d, spec.distanceField, dist * mult)
    if (typeof spec.includeLocs === 'string') copy = withPath(copy, spec.includeLocs, clone(resolve(d as any, field)))
    out.push(copy)
    if (out.length >= limit) break
  }
  return out
}

/**
 * mingo 6.7's $bucket puts a value equal to an inner boundary into the previous bucket (MongoDB:
 * lower bound inclusive), so $bucket is rewritten into the equivalent $group + $sort.
 */
function rewriteStage(stage: Doc): Doc[] {
  if (!('$bucket' in stage)) return [stage]
  const spec = stage.$bucket as Doc
  const bounds: unknown[] = Array.isArray(spec.boundaries) ? spec.boundaries : []
  if (bounds.length < 2) throw errors.requestFailed('$bucket: must specify at least two boundaries.')
  const branches = bounds.slice(0, -1).map((lo, i) => ({
    case: { $and: [{ $gte: [spec.groupBy, lo] }, { $lt: [spec.groupBy, bounds[i + 1]] }] },
    // biome-ignore lint/suspicious/noThenProperty: MongoDB's $switch branch syntax
    then: lo,
  }))
  const id = { $switch: spec.default === undefined ? { branches } : { branches, default: spec.default } }
  return [{ $group: { _id: id, ...(spec.output ?? { count: { $sum: 1 } }) } }, { $sort: { _id: 1 } }]
}

/** A copy of `doc` with `value` at the dotted `path`: objects along the path are copied, nothing else. */
function withPath(doc: Doc, path: string, value: unknown): Doc {
  const parts = path.split('.')
  const root: Doc = { ...doc }
  let cur = root
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]]
    cur[parts[i]] = isPlainObject(next) ? { ...next } : {}
    cur = cur[parts[i]]
  }
  cur[parts[parts.length - 1]] = value
  return root
}
