/**
 * Write actions: `insertDocument` (add), `modifyDocument` (update / set), `modifyAndReturnDoc`
 * (node-sdk updateAndReturn) and `removeDocument` (remove), in or out of a transaction.
 *
 * Outside a transaction a write finds its targets, and if an open transaction holds one of them it
 * waits for the lock and starts over; otherwise it computes and commits synchronously (atomic).
 * Inside a transaction a write claims each target (failing at once on a conflict) and is staged.
 */
import { clone, type Doc, decode, encode, isPlainObject } from './ejson'
import { errors } from './errors'
import { expandPositional, hasPositional } from './positional'
import { runFind } from './query'
import { checkGeo, type DbContext, findCandidates } from './read'
import { type Change, type Coll, docKey, gkey, valueRepr } from './store'
import type { Tx } from './transactions'
import { applyUpdate, checkStorable } from './update'

const pinnedId = (query: Doc | undefined): unknown => {
  const id = query?._id
  return id !== undefined && (typeof id !== 'object' || id === null) ? id : undefined
}

/** Outside a transaction: run `attempt` until none of the records it touches is locked, then apply it. */
async function plainWrite<T>(ctx: DbContext, attempt: () => { gks: string[]; apply: () => T }): Promise<T> {
  for (;;) {
    const plan = attempt()
    const locked = ctx.tx.firstLocked(plan.gks)
    if (!locked) return plan.apply()
    await ctx.tx.waitFor(locked)
  }
}

/** Targets of a write: the pinned record (DOC) or the matching records (WHERE), as the caller sees them. */
function targets(ctx: DbContext, c: Coll, t: Tx | undefined, query: Doc, multi: boolean): Doc[] {
  checkGeo(ctx.store, c, query)
  const { docs, inOrder } = findCandidates(ctx, c, query, t)
  return runFind(docs, query, { limit: multi ? undefined : 1, inOrder })
}

/** The records a write touches: the pinned key even when the record is missing (a transaction may be adding it). */
function touchedKeys(query: Doc, found: Doc[]): string[] {
  const id = pinnedId(query)
  return id !== undefined ? [docKey(id)] : found.map((d) => docKey(d._id))
}
const touched = (c: Coll, query: Doc, found: Doc[]) => touchedKeys(query, found).map((k) => gkey(c.name, k))

function prepareNew(ctx: DbContext, raw: unknown): Doc {
  if (!isPlainObject(raw)) throw errors.invalidParam('data must be an object')
  checkStorable(raw)
  const { _id, ...rest } = raw
  return { _id: _id === undefined || _id === null ? ctx.store.newId() : _id, ...rest }
}

export async function insertDocument(ctx: DbContext, b: Record<string, any>) {
  const now = Date.now()
  const c = ctx.store.need(b.collectionName)
  const t = ctx.tx.get(b.transactionId)
  const items: unknown[] = Array.isArray(b.data) ? b.data : [b.data]
  if (!items.length) throw errors.invalidParam('data can not be empty')
  const docs = items.map((s) => prepareNew(ctx, decode(s, now)))
  const insertedIds: unknown[] = []
  for (const doc of docs) {
    const key = docKey(doc._id)
    if (t) {
      ctx.tx.claim(t, c, key)
      if (ctx.tx.read(t, c, key)) throw errors.duplicateKey(`${ctx.store.envName}.${c.name}`, '_id_', [valueRepr(doc._id)])
      ctx.tx.stage(t, [{ coll: c, key, doc, insert: true }])
    } else {
      // Ordered insert like MongoDB's insertMany: documents before a failing one stay written.
      await plainWrite(ctx, () => ({ gks: [gkey(c.name, key)], apply: () => ctx.store.commit([{ coll: c, key, doc, insert: true }]) }))
    }
    insertedIds.push(doc._id)
  }
  return { data: { insertedIds } }
}

function requireQuery(b: Record<string, any>) {
  if (b.query === undefined || b.query === null || b.query === '') throw errors.invalidParam("param.query can't be empty")
}

function parseModify(ctx: DbContext, b: Record<string, any>) {
  const now = Date.now()
  const c = ctx.store.need(b.collectionName)
  const t = ctx.tx.get(b.transactionId)
  requireQuery(b)
  const query = (decode(b.query, now) ?? {}) as Doc
  const data = decode(b.data, now)
  if (!isPlainObject(data)) throw errors.invalidParam('param.data must be an object')
  return { c, t, query, data }
}

/** The new version of `d` after an update document (positional paths resolved against the query). */
function updated(d: Doc, data: Doc, query: Doc): Doc | null {
  const nd = clone(d)
  const spec = hasPositional(data) ? expandPositional(d, data, query) : data
  return applyUpdate(nd, spec) ? nd : null
}

/** `update` (merge) or `set` (replace, upsert) of the found records. */
function modifications(ctx: DbContext, c: Coll, query: Doc, data: Doc, found: Doc[], b: Record<string, any>) {
  const changes: Change[] = []
  let upsertId: unknown
  if (b.merge !== false) {
    for (const d of found) {
      const nd = updated(d, data, query)
      if (nd) changes.push({ coll: c, key: docKey(d._id), doc: nd })
    }
    return { changes, upsertId }
  }
  const { _id: _ignored, ...rest } = data
  if (found.length) {
    const d = found[0]
    const nd = { _id: d._id, ...rest }
    checkStorable(nd, 'update')
    if (encode(nd) !== encode(d)) changes.push({ coll: c, key: docKey(d._id), doc: nd })
  } else if (b.upsert === true || b.upsert === 'true') {
    upsertId = pinnedId(query) ?? ctx.store.newId()
    checkStorable({ _id: upsertId, ...rest })
    changes.push({ coll: c, key: docKey(upsertId), doc: { _id: upsertId, ...rest }, insert: true })
  }
  return { changes, upsertId }
}

export async function modifyDocument(ctx: DbContext, b: Record<string, any>) {
  const { c, t, query, data } = parseModify(ctx, b)
  const multi = b.multi === true || b.multi === 'true'
  const answer = ({ changes, upsertId }: { changes: Change[]; upsertId: unknown }) => {
    const updatedCount = upsertId === undefined ? changes.length : 0
    return { data: upsertId === undefined ? { updated: updatedCount } : { updated: updatedCount, upsert_id: upsertId } }
  }
  if (t) {
    const found = targets(ctx, c, t, query, multi)
    for (const key of touchedKeys(query, found)) ctx.tx.claim(t, c, key)
    const result = modifications(ctx, c, query, data, found, b)
    ctx.tx.stage(t, result.changes)
    return answer(result)
  }
  return plainWrite(ctx, () => {
    const found = targets(ctx, c, undefined, query, multi)
    return {
      gks: touched(c, query, found),
      apply: () => {
        const result = modifications(ctx, c, query, data, found, b)
        ctx.store.commit(result.changes)
        return answer(result)
      },
    }
  })
}

export async function modifyAndReturnDoc(ctx: DbContext, b: Record<string, any>) {
  const { c, t, query, data } = parseModify(ctx, b)
  const run = (found: Doc[], commit: (changes: Change[]) => void) => {
    const [d] = found
    if (!d) return { data: { updated: 0, doc: null } }
    const nd = updated(d, data, query)
    if (nd) commit([{ coll: c, key: docKey(d._id), doc: nd }])
    return { data: { updated: nd ? 1 : 0, doc: encode(nd ?? d) } }
  }
  if (t) {
    const found = targets(ctx, c, t, query, false)
    for (const d of found) ctx.tx.claim(t, c, docKey(d._id))
    return run(found, (changes) => ctx.tx.stage(t, changes))
  }
  return plainWrite(ctx, () => {
    const found = targets(ctx, c, undefined, query, false)
    return { gks: touched(c, query, found), apply: () => run(found, (changes) => ctx.store.commit(changes)) }
  })
}

export async function removeDocument(ctx: DbContext, b: Record<string, any>) {
  const c = ctx.store.need(b.collectionName)
  const t = ctx.tx.get(b.transactionId)
  requireQuery(b)
  const query = (decode(b.query) ?? {}) as Doc
  const multi = b.multi === true || b.multi === 'true'
  const removal = (found: Doc[]): Change[] => found.map((d) => ({ coll: c, key: docKey(d._id), doc: null }))
  if (t) {
    const found = targets(ctx, c, t, query, multi)
    for (const d of found) ctx.tx.claim(t, c, docKey(d._id))
    ctx.tx.stage(t, removal(found))
    return { data: { deleted: found.length } }
  }
  return plainWrite(ctx, () => {
    const found = targets(ctx, c, undefined, query, multi)
    return {
      gks: touched(c, query, found),
      apply: () => {
        ctx.store.commit(removal(found))
        return { data: { deleted: found.length } }
      },
    }
  })
}
