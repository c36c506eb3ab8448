/**
 * Read actions: `getDocument` (get, doc().get) and `calculateDocument` (count), and the candidate
 * records of a query (primary key, geo index nearest first, a transaction's snapshot, or a scan).
 * Reads never wait: outside a transaction they see the committed state, inside one its snapshot.
 */
import { type Doc, decode, encode } from './ejson'
import { errors } from './errors'
import { compile, findNear, geoFilterFields, runFind } from './query'
import { type Coll, candidates, docKey, type Store } from './store'
import type { Transactions, Tx } from './transactions'

export interface DbContext {
  store: Store
  tx: Transactions
}

/** Default and maximum page size of `get` on the server side (cloud function end). */
export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

/** geoNear needs a 2dsphere index (MongoDB); the documentation says geoWithin / geoIntersects do too. */
export function checkGeo(store: Store, c: Coll, query: Doc | undefined): void {
  const near = findNear(query)
  if (near) store.geoIndex(c, near.field)
  for (const g of geoFilterFields(query)) store.geoIndex(c, g.field, g.op)
}

/** The records a query looks at, and whether they already come in the answer's order. */
export function findCandidates(ctx: DbContext, c: Coll, query: Doc | undefined, t?: Tx): { docs: Iterable<Doc>; inOrder: boolean } {
  const id = query?._id
  if (t) {
    if (id !== undefined && (typeof id !== 'object' || id === null)) {
      const d = ctx.tx.read(t, c, docKey(id))
      return { docs: d ? [d] : [], inOrder: true }
    }
    return { docs: ctx.tx.snapshotDocs(t, c), inOrder: false }
  }
  const near = findNear(query)
  if (near && id === undefined) return { docs: nearestDocs(ctx.store, c, near.field, near.point, near.max), inOrder: true }
  // geoNear with an _id condition (a pick, or `_id: _.nin(seen)` when paging): these records come in
  // natural order, so the answer is sorted by distance after filtering (never cut before that).
  return { docs: candidates(c, query), inOrder: !near }
}

function* nearestDocs(store: Store, c: Coll, field: string, point: [number, number], max: number): Generator<Doc> {
  for (const { key, dist } of store.geoIndex(c, field).nearest(point)) {
    if (dist > max) return
    const d = c.docs.get(key)
    if (d) yield d
  }
}

/**
 * `limit` / `offset` as MongoDB's find takes them: a negative skip is refused ("Skip value must be
 * non-negative"), a negative limit means its absolute value (single batch); 0 or none = the
 * default 100, at most 1000 (the SDK already caps at 1000 and refuses non-integers).
 */
function listOptions(b: Record<string, any>, now: number) {
  const rawLimit = b.limit === undefined || b.limit === null ? DEFAULT_LIMIT : Math.abs(Math.trunc(Number(b.limit)))
  const limit = Math.min(Number.isFinite(rawLimit) && rawLimit > 0 ? rawLimit : DEFAULT_LIMIT, MAX_LIMIT)
  const offset = Math.trunc(Number(b.offset ?? 0) || 0)
  if (offset < 0) throw errors.requestFailed(`Skip value must be non-negative, but received: ${offset}`)
  return {
    limit,
    offset,
    order: decode(b.order, now) as Record<string, 1 | -1> | undefined,
    projection: decode(b.projection, now) as Doc | undefined,
  }
}

export function getDocument(ctx: DbContext, b: Record<string, any>) {
  const now = Date.now()
  const c = ctx.store.need(b.collectionName)
  const t = ctx.tx.get(b.transactionId)
  const query = decode(b.query, now) as Doc | undefined
  const { limit, offset, order, projection } = listOptions(b, now)
  checkGeo(ctx.store, c, query)
  const { docs, inOrder } = findCandidates(ctx, c, query, t)
  const found = runFind(docs, query, { order, skip: offset, limit, inOrder })
  const list = runFind(found, undefined, { projection }).map(encode)
  return { data: { list, limit, offset } }
}

export function calculateDocument(ctx: DbContext, b: Record<string, any>) {
  const c = ctx.store.need(b.collectionName)
  const query = decode(b.query) as Doc | undefined
  checkGeo(ctx.store, c, query)
  const q = compile(query)
  let total = 0
  try {
    for (const d of candidates(c, query)) if (q.test(d)) total++
  } catch (e) {
    throw errors.requestFailed((e as Error).message)
  }
  return { data: { total } }
}
