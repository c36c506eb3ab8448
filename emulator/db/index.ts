/**
 * Local stand-in for the WeChat Cloud (CloudBase) database, speaking the wire protocol the
 * unmodified wx-server-sdk / @cloudbase/node-sdk uses: POST /admin with
 * `{ action: "database.<op>", collectionName, query: <EJSON>, ... }`.
 *
 * Storage: SQLite (better-sqlite3, WAL, synchronous=FULL) is the durable copy; every collection is
 * also held parsed in memory so reads never touch SQLite. Every `handle` call runs synchronously
 * after its (optional) transaction lock wait, so each request is atomic with respect to others.
 */
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import { Aggregator } from 'mingo'
import { resolve } from 'mingo/util'
import type { IndexSpec } from '../../cloudfunctions/_lib/collections'
import { clone, type Doc, decode, encode, isPlainObject, normalize } from './ejson'
import { DbError, errors } from './errors'
import { distance, pointOf } from './geo'
import { compile, type FindOptions, findNear, geoFilterFields, mingoOptions, runFind } from './query'
import { applyUpdate, checkStorable } from './update'

export interface LocalDatabaseOptions {
  file?: string // SQLite file path; omitted = in-memory
  collections: Record<string, { indexes: readonly IndexSpec[] }> // created at open
  /** A transaction with no request for this long is aborted (default 10 000 ms). */
  transactionIdleTimeoutMs?: number
  /** How long a transaction waits for a document another transaction holds (default 5 000 ms). */
  transactionLockTimeoutMs?: number
  /** Database name shown in duplicate-key messages (default "local"). */
  envName?: string
}

export interface LocalDatabase {
  /** Handle one /admin request body whose action starts with "database.". Returns the JSON body to send back (HTTP 200), including error bodies the SDK understands. Never throws. */
  handle(body: Record<string, any>): Promise<unknown>
  /** Plain helpers for seeding, the dev page and tests (values are plain JS: Date objects for dates). */
  insert(collection: string, docs: Record<string, any>[]): void // upsert-by-_id is NOT implied: duplicate _id throws
  find(collection: string, query?: Record<string, any>, opts?: { limit?: number; sort?: Record<string, 1 | -1> }): Record<string, any>[]
  listCollections(): { name: string; count: number }[]
  createCollection(name: string): void
  close(): void
}

/** Default and maximum page size of `get` on the server side (cloud function end). */
export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000
/** An aggregation without a $limit stage returns at most 20 records on the real service. */
export const AGGREGATE_DEFAULT_LIMIT = 20

interface UniqueIndex {
  spec: IndexSpec
  fields: string[]
  map: Map<string, string>
}

interface Coll {
  name: string
  indexes: IndexSpec[]
  docs: Map<string, Doc>
  unique: UniqueIndex[]
}

interface Change {
  coll: Coll
  key: string
  doc: Doc | null
  insert?: boolean
}

interface Tx {
  id: string
  startSeq?: number
  lastActive: number
  reads: Set<string>
  writes: Map<string, { coll: string; key: string; doc: Doc | null; insert?: boolean }>
  locks: Set<string>
}

interface Lock {
  owner: string
  waiters: { tx: string; grant: () => void }[]
}

const docKey = (id: unknown): string => (typeof id === 'string' ? id : `\u0001${encode({ id })}`)
const gkey = (coll: string, key: string) => `${coll}\u0000${key}`
const requestId = () => randomBytes(8).toString('hex')

function valueRepr(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return JSON.stringify(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v instanceof Date) return `new Date(${v.getTime()})`
  return encode({ v }).slice(5, -1)
}

function validCollectionName(name: unknown): name is string {
  return typeof name === 'string' && /^[A-Za-z0-9_\-.]{1,128}$/.test(name) && !name.startsWith('system.')
}

class LocalDb implements LocalDatabase {
  private sql: Database.Database
  private colls = new Map<string, Coll>()
  private seq = 0
  private txs = new Map<string, Tx>()
  private history = new Map<string, { seq: number; old: Doc | null }[]>()
  private lastWrite = new Map<string, number>()
  private locks = new Map<string, Lock>()
  private idleMs: number
  private lockMs: number
  private envName: string
  private idPrefix = randomBytes(4).toString('hex')
  private idCounter = randomBytes(3).readUIntBE(0, 3)
  private sweeper: NodeJS.Timeout | null = null
  private stmts: {
    upsert: Database.Statement
    del: Database.Statement
    addColl: Database.Statement
    setSpec: Database.Statement
  }

  constructor(opts: LocalDatabaseOptions) {
    this.idleMs = opts.transactionIdleTimeoutMs ?? 10_000
    this.lockMs = opts.transactionLockTimeoutMs ?? 5_000
    this.envName = opts.envName ?? 'local'
    this.sql = new Database(opts.file ?? ':memory:')
    if (opts.file) this.sql.pragma('journal_mode = WAL')
    this.sql.pragma('synchronous = FULL')
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, spec TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS docs (
        coll TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, UNIQUE (coll, id));
    `)
    this.stmts = {
      upsert: this.sql.prepare(
        'INSERT INTO docs (coll, id, body) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET body = excluded.body',
      ),
      del: this.sql.prepare('DELETE FROM docs WHERE coll = ? AND id = ?'),
      addColl: this.sql.prepare('INSERT INTO collections (name, spec) VALUES (?, ?)'),
      setSpec: this.sql.prepare('UPDATE collections SET spec = ? WHERE name = ?'),
    }
    const declare = this.sql.transaction(() => {
      const existing = new Set((this.sql.prepare('SELECT name FROM collections').all() as { name: string }[]).map((r) => r.name))
      for (const [name, spec] of Object.entries(opts.collections ?? {})) {
        const text = JSON.stringify({ indexes: spec.indexes })
        if (existing.has(name)) this.stmts.setSpec.run(text, name)
        else this.stmts.addColl.run(name, text)
      }
    })
    declare()
    for (const row of this.sql.prepare('SELECT name, spec FROM collections').all() as { name: string; spec: string }[]) {
      this.colls.set(row.name, this.makeColl(row.name, JSON.parse(row.spec).indexes ?? []))
    }
    for (const row of this.sql.prepare('SELECT coll, id, body FROM docs ORDER BY rowid').iterate() as Iterable<{
      coll: string
      id: string
      body: string
    }>) {
      const c = this.colls.get(row.coll)
      if (!c) continue
      const doc = decode(row.body) as Doc
      c.docs.set(row.id, doc)
      for (const u of c.unique) {
        const k = this.uniqueKey(u, doc)
        if (!u.map.has(k)) u.map.set(k, row.id)
      }
    }
  }

  private makeColl(name: string, indexes: IndexSpec[]): Coll {
    return {
      name,
      indexes,
      docs: new Map(),
      unique: indexes.filter((i) => i.unique).map((spec) => ({ spec, fields: Object.keys(spec.keys), map: new Map() })),
    }
  }

  private uniqueKey(u: UniqueIndex, doc: Doc): string {
    return encode(u.fields.map((f) => resolve(doc as any, f) ?? null))
  }

  private need(name: unknown): Coll {
    const c = typeof name === 'string' ? this.colls.get(name) : undefined
    if (!c) throw errors.collectionNotExist()
    return c
  }

  /** `_id` like the service's: 32 lowercase hex (prefix, seconds, counter, random). */
  private newId(): string {
    this.idCounter = (this.idCounter + 1) % 0xffffffff
    const secs = Math.floor(Date.now() / 1000)
      .toString(16)
      .padStart(8, '0')
      .slice(-8)
    return `${this.idPrefix}${secs}${this.idCounter.toString(16).padStart(8, '0')}${randomBytes(4).toString('hex')}`
  }

  // ---------------------------------------------------------------- writes

  /** Validates unique indexes, writes SQLite in one transaction, then memory; records MVCC history. */
  private commit(changes: Change[]) {
    if (!changes.length) return
    const overlayDocs = new Map<string, Doc | null>()
    const overlayUnique = new Map<string, string | null>()
    for (const ch of changes) {
      const gk = gkey(ch.coll.name, ch.key)
      const cur = overlayDocs.has(gk) ? overlayDocs.get(gk)! : (ch.coll.docs.get(ch.key) ?? null)
      if (ch.insert && cur) throw errors.duplicateKey(`${this.envName}.${ch.coll.name}`, '_id_', [valueRepr(ch.doc?._id)])
      for (const u of ch.coll.unique) {
        const oldK = cur ? this.uniqueKey(u, cur) : null
        const newK = ch.doc ? this.uniqueKey(u, ch.doc) : null
        if (oldK === newK) continue
        const uk = (k: string) => `${ch.coll.name}\u0000${u.spec.name}\u0000${k}`
        if (oldK !== null) overlayUnique.set(uk(oldK), null)
        if (newK !== null) {
          const owner = overlayUnique.has(uk(newK)) ? overlayUnique.get(uk(newK)) : u.map.get(newK)
          if (owner != null && owner !== ch.key) {
            const values = u.fields.map((f) => valueRepr(resolve(ch.doc as any, f)))
            throw errors.duplicateKey(`${this.envName}.${ch.coll.name}`, u.spec.name, values)
          }
          overlayUnique.set(uk(newK), ch.key)
        }
      }
      overlayDocs.set(gk, ch.doc)
    }
    const write = this.sql.transaction(() => {
      for (const ch of changes) {
        if (ch.doc) this.stmts.upsert.run(ch.coll.name, ch.key, encode(ch.doc))
        else this.stmts.del.run(ch.coll.name, ch.key)
      }
    })
    write()
    const tracking = this.txs.size > 0
    for (const ch of changes) {
      const cur = ch.coll.docs.get(ch.key) ?? null
      for (const u of ch.coll.unique) {
        if (cur) {
          const k = this.uniqueKey(u, cur)
          if (u.map.get(k) === ch.key) u.map.delete(k)
        }
        if (ch.doc) u.map.set(this.uniqueKey(u, ch.doc), ch.key)
      }
      if (ch.doc) ch.coll.docs.set(ch.key, ch.doc)
      else ch.coll.docs.delete(ch.key)
      this.seq++
      if (tracking) {
        const gk = gkey(ch.coll.name, ch.key)
        const h = this.history.get(gk) ?? []
        h.push({ seq: this.seq, old: cur })
        this.history.set(gk, h)
        this.lastWrite.set(gk, this.seq)
      }
    }
  }

  // ---------------------------------------------------------------- reads

  /** Candidate documents for a query, using the `_id` primary key when the query pins it. */
  private candidates(c: Coll, query: Doc | undefined): Iterable<Doc> {
    const id = query?._id
    if (id !== undefined) {
      if (typeof id !== 'object' || id === null) {
        const d = c.docs.get(docKey(id))
        return d ? [d] : []
      }
      if (isPlainObject(id)) {
        const ks = Object.keys(id)
        if (ks.length === 1 && ks[0] === '$eq' && typeof id.$eq !== 'object') {
          const d = c.docs.get(docKey(id.$eq))
          return d ? [d] : []
        }
        if (ks.length === 1 && ks[0] === '$in' && Array.isArray(id.$in) && id.$in.every((v: unknown) => typeof v !== 'object')) {
          const out: Doc[] = []
          for (const v of new Set(id.$in)) {
            const d = c.docs.get(docKey(v))
            if (d) out.push(d)
          }
          return out
        }
      }
    }
    return c.docs.values()
  }

  private checkGeoIndex(c: Coll, field: string, op = '$geoNear') {
    if (!c.indexes.some((i) => i.keys[field] === '2dsphere'))
      throw errors.requestFailed(
        `error processing query: ns=${this.envName}.${c.name} planner returned error :: caused by :: unable to find index for ${op} query`,
      )
  }

  /** geoNear needs a 2dsphere index (MongoDB); the documentation says geoWithin / geoIntersects do too. */
  private checkGeo(c: Coll, query: Doc | undefined) {
    const near = findNear(query)
    if (near) this.checkGeoIndex(c, near.field)
    for (const g of geoFilterFields(query)) this.checkGeoIndex(c, g.field, g.op)
  }

  // ---------------------------------------------------------------- transactions

  private tx(id: unknown): Tx | undefined {
    if (id === undefined || id === null || id === '') return undefined
    const t = this.txs.get(String(id))
    if (!t) throw errors.transactionNotExist(String(id))
    t.lastActive = Date.now()
    return t
  }

  private begin(t: Tx) {
    if (t.startSeq === undefined) t.startSeq = this.seq
  }

  /** The version of a document a transaction sees: its own write, else the snapshot. */
  private txGet(t: Tx, c: Coll, key: string): Doc | null {
    const gk = gkey(c.name, key)
    const w = t.writes.get(gk)
    if (w) return w.doc
    return this.versionAt(gk, t.startSeq!, c.docs.get(key) ?? null)
  }

  private versionAt(gk: string, snap: number, current: Doc | null): Doc | null {
    const h = this.history.get(gk)
    if (h) for (const e of h) if (e.seq > snap) return e.old
    return current
  }

  private snapshotDocs(t: Tx, c: Coll): Doc[] {
    const seen = new Set<string>()
    const out: Doc[] = []
    const push = (key: string) => {
      if (seen.has(key)) return
      seen.add(key)
      const d = this.txGet(t, c, key)
      if (d) out.push(d)
    }
    for (const key of c.docs.keys()) push(key)
    const prefix = `${c.name}\u0000`
    for (const gk of this.history.keys()) if (gk.startsWith(prefix)) push(gk.slice(prefix.length))
    for (const [gk, w] of t.writes) if (gk.startsWith(prefix)) push(w.key)
    return out
  }

  private async lock(t: Tx, gk: string): Promise<void> {
    const l = this.locks.get(gk)
    if (!l) {
      this.locks.set(gk, { owner: t.id, waiters: [] })
      t.locks.add(gk)
      return
    }
    if (l.owner === t.id) return
    await new Promise<void>((resolveWait, rejectWait) => {
      const timer = setTimeout(() => {
        l.waiters = l.waiters.filter((w) => w !== waiter)
        rejectWait(errors.transactionConflict())
      }, this.lockMs)
      const waiter = {
        tx: t.id,
        grant: () => {
          clearTimeout(timer)
          resolveWait()
        },
      }
      l.waiters.push(waiter)
    })
    t.locks.add(gk)
    t.lastActive = Date.now()
    if (!this.txs.has(t.id)) {
      this.releaseLocks(t)
      throw errors.transactionNotExist(t.id)
    }
  }

  private releaseLocks(t: Tx) {
    for (const gk of t.locks) {
      const l = this.locks.get(gk)
      if (!l || l.owner !== t.id) continue
      const next = l.waiters.shift()
      if (next) {
        l.owner = next.tx
        next.grant()
      } else this.locks.delete(gk)
    }
    t.locks.clear()
  }

  private endTx(t: Tx) {
    this.txs.delete(t.id)
    this.releaseLocks(t)
    if (!this.txs.size) {
      this.history.clear()
      this.lastWrite.clear()
      if (this.sweeper) {
        clearInterval(this.sweeper)
        this.sweeper = null
      }
      return
    }
    let min = Infinity
    for (const o of this.txs.values()) min = Math.min(min, o.startSeq ?? this.seq)
    for (const [gk, h] of this.history) {
      const kept = h.filter((e) => e.seq > min)
      if (kept.length) this.history.set(gk, kept)
      else this.history.delete(gk)
    }
    for (const [gk, s] of this.lastWrite) if (s <= min) this.lastWrite.delete(gk)
  }

  private sweep() {
    const now = Date.now()
    for (const t of [...this.txs.values()]) if (now - t.lastActive > this.idleMs) this.endTx(t)
  }

  // ---------------------------------------------------------------- actions

  async handle(body: Record<string, any>): Promise<unknown> {
    try {
      this.sweep()
      const action = String(body?.action ?? '')
      const data = await this.dispatch(action.replace(/^database\./, ''), body ?? {})
      return { requestId: requestId(), ...data }
    } catch (e) {
      if (e instanceof DbError) return { code: e.code, message: e.message, requestId: requestId() }
      return { code: 'DATABASE_REQUEST_FAILED', message: `[InternalError] ${(e as Error)?.message ?? String(e)}`, requestId: requestId() }
    }
  }

  private async dispatch(op: string, b: Record<string, any>): Promise<Record<string, unknown>> {
    switch (op) {
      case 'getDocument':
        return this.getDocument(b)
      case 'calculateDocument':
        return this.calculateDocument(b)
      case 'insertDocument':
        return this.insertDocument(b)
      case 'modifyDocument':
      case 'updateDocument':
        return this.modifyDocument(b)
      case 'modifyAndReturnDoc':
        return this.modifyAndReturnDoc(b)
      case 'removeDocument':
      case 'deleteDocument':
        return this.removeDocument(b)
      case 'aggregateDocuments':
        return this.aggregateDocuments(b)
      case 'addCollection':
        return this.addCollection(b)
      case 'startTransaction':
        return this.startTransaction()
      case 'commitTransaction':
        return this.commitTransaction(b)
      case 'abortTransaction':
        return this.abortTransaction(b)
      default:
        throw errors.invalidParam(`unsupported action database.${op}`)
    }
  }

  /**
   * `limit` / `offset` as MongoDB's find takes them: a negative skip is refused ("Skip value must be
   * non-negative"), a negative limit means its absolute value (single batch); 0 or none = the
   * default 100, at most 1000 (the SDK already caps at 1000 and refuses non-integers).
   */
  private listOptions(b: Record<string, any>, now: number) {
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

  private async getDocument(b: Record<string, any>) {
    const now = Date.now()
    const c = this.need(b.collectionName)
    const t = this.tx(b.transactionId)
    const query = decode(b.query, now) as Doc | undefined
    const { limit, offset, order, projection } = this.listOptions(b, now)
    this.checkGeo(c, query)
    let source: Iterable<Doc>
    if (t) {
      const id = query?._id
      if (id !== undefined && (typeof id !== 'object' || id === null)) {
        await this.lock(t, gkey(c.name, docKey(id)))
        this.begin(t)
        const d = this.txGet(t, c, docKey(id))
        source = d ? [d] : []
      } else {
        this.begin(t)
        source = this.snapshotDocs(t, c)
      }
    } else source = this.candidates(c, query)
    const found = runFind(source, query, { order, skip: offset, limit })
    if (t) for (const d of found) t.reads.add(gkey(c.name, docKey(d._id)))
    const list = runFind(found, undefined, { projection }).map(encode)
    return { data: { list, limit, offset } }
  }

  private calculateDocument(b: Record<string, any>) {
    const c = this.need(b.collectionName)
    const query = decode(b.query) as Doc | undefined
    this.checkGeo(c, query)
    const q = compile(query)
    let total = 0
    try {
      for (const d of this.candidates(c, query)) if (q.test(d)) total++
    } catch (e) {
      throw errors.requestFailed((e as Error).message)
    }
    return { data: { total } }
  }

  private prepareNew(raw: unknown): Doc {
    if (!isPlainObject(raw)) throw errors.invalidParam('data must be an object')
    checkStorable(raw)
    const { _id, ...rest } = raw
    return { _id: _id === undefined || _id === null ? this.newId() : _id, ...rest }
  }

  private async insertDocument(b: Record<string, any>) {
    const now = Date.now()
    const c = this.need(b.collectionName)
    const t = this.tx(b.transactionId)
    const items: unknown[] = Array.isArray(b.data) ? b.data : [b.data]
    if (!items.length) throw errors.invalidParam('data can not be empty')
    const docs = items.map((s) => this.prepareNew(decode(s, now)))
    const insertedIds: unknown[] = []
    for (const doc of docs) {
      const key = docKey(doc._id)
      if (t) {
        const gk = gkey(c.name, key)
        await this.lock(t, gk)
        this.begin(t)
        if (this.txGet(t, c, key)) throw errors.duplicateKey(`${this.envName}.${c.name}`, '_id_', [valueRepr(doc._id)])
        t.writes.set(gk, { coll: c.name, key, doc, insert: true })
      } else {
        // Ordered insert like MongoDB's insertMany: documents before a failing one stay written.
        this.commit([{ coll: c, key, doc, insert: true }])
      }
      insertedIds.push(doc._id)
    }
    return { data: { insertedIds } }
  }

  private requireQuery(b: Record<string, any>) {
    if (b.query === undefined || b.query === null || b.query === '') throw errors.invalidParam("param.query can't be empty")
  }

  /** Targets of a write: the pinned doc (DOC) or the matching docs (WHERE), in the caller's view. */
  private async targets(c: Coll, t: Tx | undefined, query: Doc, multi: boolean): Promise<Doc[]> {
    this.checkGeo(c, query)
    if (t) {
      const id = query._id
      if (id !== undefined && (typeof id !== 'object' || id === null)) {
        await this.lock(t, gkey(c.name, docKey(id)))
        this.begin(t)
        const d = this.txGet(t, c, docKey(id))
        return d ? runFind([d], query) : []
      }
      this.begin(t)
      const found = runFind(this.snapshotDocs(t, c), query, { limit: multi ? undefined : 1 })
      for (const d of found) await this.lock(t, gkey(c.name, docKey(d._id)))
      return found
    }
    return runFind(this.candidates(c, query), query, { limit: multi ? undefined : 1 })
  }

  private stage(c: Coll, t: Tx | undefined, changes: Change[]) {
    if (!t) return this.commit(changes)
    for (const ch of changes) {
      const gk = gkey(c.name, ch.key)
      const prev = t.writes.get(gk)
      t.writes.set(gk, { coll: c.name, key: ch.key, doc: ch.doc, insert: prev?.insert && ch.doc ? true : ch.insert })
    }
  }

  private async modifyDocument(b: Record<string, any>) {
    const now = Date.now()
    const c = this.need(b.collectionName)
    const t = this.tx(b.transactionId)
    this.requireQuery(b)
    const query = (decode(b.query, now) ?? {}) as Doc
    const data = decode(b.data, now)
    if (!isPlainObject(data)) throw errors.invalidParam('param.data must be an object')
    const merge = b.merge !== false
    const multi = b.multi === true || b.multi === 'true'
    const upsert = b.upsert === true || b.upsert === 'true'
    const found = await this.targets(c, t, query, multi)
    const changes: Change[] = []
    let updated = 0
    let upsertId: unknown
    if (merge) {
      for (const d of found) {
        const nd = clone(d)
        if (applyUpdate(nd, data)) {
          changes.push({ coll: c, key: docKey(d._id), doc: nd })
          updated++
        }
      }
    } else {
      const { _id: _ignored, ...rest } = data
      if (found.length) {
        const d = found[0]
        const nd = { _id: d._id, ...rest }
        checkStorable(nd, 'update')
        if (encode(nd) !== encode(d)) {
          changes.push({ coll: c, key: docKey(d._id), doc: nd })
          updated = 1
        }
      } else if (upsert) {
        const id = query._id !== undefined && typeof query._id !== 'object' ? query._id : this.newId()
        checkStorable({ _id: id, ...rest })
        changes.push({ coll: c, key: docKey(id), doc: { _id: id, ...rest }, insert: true })
        upsertId = id
      }
    }
    this.stage(c, t, changes)
    return { data: upsertId === undefined ? { updated } : { updated, upsert_id: upsertId } }
  }

  private async modifyAndReturnDoc(b: Record<string, any>) {
    const now = Date.now()
    const c = this.need(b.collectionName)
    const t = this.tx(b.transactionId)
    this.requireQuery(b)
    const query = (decode(b.query, now) ?? {}) as Doc
    const data = decode(b.data, now)
    if (!isPlainObject(data)) throw errors.invalidParam('param.data must be an object')
    const [d] = await this.targets(c, t, query, false)
    if (!d) return { data: { updated: 0, doc: null } }
    const nd = clone(d)
    const changed = applyUpdate(nd, data)
    if (changed) this.stage(c, t, [{ coll: c, key: docKey(d._id), doc: nd }])
    return { data: { updated: changed ? 1 : 0, doc: encode(nd) } }
  }

  private async removeDocument(b: Record<string, any>) {
    const c = this.need(b.collectionName)
    const t = this.tx(b.transactionId)
    this.requireQuery(b)
    const query = (decode(b.query) ?? {}) as Doc
    const multi = b.multi === true || b.multi === 'true'
    const found = await this.targets(c, t, query, multi)
    this.stage(
      c,
      t,
      found.map((d) => ({ coll: c, key: docKey(d._id), doc: null })),
    )
    return { data: { deleted: found.length } }
  }

  private aggregateDocuments(b: Record<string, any>) {
    const now = Date.now()
    const c = this.need(b.collectionName)
    const stages: { stageKey: string; stageValue: string }[] = Array.isArray(b.stages) ? b.stages : []
    const pipeline: Doc[] = stages.flatMap((s) => rewriteStage({ [s.stageKey]: decode(s.stageValue, now) }))
    let input: Doc[] = [...c.docs.values()]
    let rest = pipeline
    if (pipeline.some((s, i) => i > 0 && '$geoNear' in s))
      throw errors.requestFailed('$geoNear is only valid as the first stage in a pipeline.')
    if (pipeline[0] && '$geoNear' in pipeline[0]) {
      input = this.geoNearStage(c, pipeline[0].$geoNear)
      rest = pipeline.slice(1)
    }
    let out: Doc[]
    try {
      const agg = new Aggregator(rest, {
        ...mingoOptions,
        collectionResolver: (name: string) => clone([...(this.colls.get(name)?.docs.values() ?? [])]),
      })
      out = agg.run(clone(input)) as Doc[]
    } catch (e) {
      if (e instanceof DbError) throw e
      throw errors.requestFailed((e as Error).message)
    }
    if (!pipeline.some((s) => '$limit' in s)) out = out.slice(0, AGGREGATE_DEFAULT_LIMIT)
    return { data: { list: out.map(encode) } }
  }

  private geoNearStage(c: Coll, spec: Doc): Doc[] {
    const geoIdx = c.indexes.flatMap((i) =>
      Object.entries(i.keys)
        .filter(([, v]) => v === '2dsphere')
        .map(([k]) => k),
    )
    if (!geoIdx.length) throw errors.requestFailed('$geoNear requires a 2d or 2dsphere index, but none were found')
    const field = typeof spec.key === 'string' ? spec.key : geoIdx.length === 1 ? geoIdx[0] : null
    if (!field) throw errors.requestFailed('There is more than one 2dsphere index; unsure which to use for $geoNear')
    if (!geoIdx.includes(field)) throw errors.requestFailed(`no geo indices for geoNear on key ${field}`)
    if (typeof spec.distanceField !== 'string') throw errors.requestFailed("$geoNear requires a 'distanceField' option as a String")
    const near = pointOf(spec.near)
    if (!near) throw errors.requestFailed('$geoNear requires near argument')
    const q = spec.query ? compile(spec.query) : null
    const max = spec.maxDistance === undefined ? Infinity : Number(spec.maxDistance)
    const min = spec.minDistance === undefined ? 0 : Number(spec.minDistance)
    const mult = spec.distanceMultiplier === undefined ? 1 : Number(spec.distanceMultiplier)
    const hits: { d: Doc; dist: number; loc: unknown }[] = []
    for (const d of c.docs.values()) {
      const loc = resolve(d as any, field)
      const p = pointOf(loc)
      if (!p) continue
      const dist = distance(p, near)
      if (dist < min || dist > max) continue
      if (q && !q.test(d)) continue
      hits.push({ d, dist, loc })
    }
    hits.sort((a, b) => a.dist - b.dist)
    return hits.map(({ d, dist, loc }) => {
      const out = clone(d)
      setPath(out, spec.distanceField, dist * mult)
      if (typeof spec.includeLocs === 'string') setPath(out, spec.includeLocs, clone(loc))
      return out
    })
  }

  private addCollection(b: Record<string, any>) {
    this.createCollection(b.collectionName)
    return {}
  }

  private startTransaction() {
    const id = `${Date.now().toString(16)}${randomBytes(10).toString('hex')}`
    this.txs.set(id, { id, lastActive: Date.now(), reads: new Set(), writes: new Map(), locks: new Set() })
    if (!this.sweeper) {
      this.sweeper = setInterval(() => this.sweep(), Math.max(50, Math.min(1000, this.idleMs / 4)))
      this.sweeper.unref()
    }
    return { transactionId: id }
  }

  private commitTransaction(b: Record<string, any>) {
    const t = this.tx(b.transactionId)
    if (!t) throw errors.invalidParam('transactionId is required')
    try {
      const snap = t.startSeq ?? this.seq
      for (const gk of [...t.reads, ...t.writes.keys()]) if ((this.lastWrite.get(gk) ?? 0) > snap) throw errors.transactionConflict()
      const changes: Change[] = []
      for (const w of t.writes.values()) changes.push({ coll: this.need(w.coll), key: w.key, doc: w.doc, insert: w.insert })
      this.commit(changes)
    } finally {
      this.endTx(t)
    }
    return {}
  }

  private abortTransaction(b: Record<string, any>) {
    const t = this.tx(b.transactionId)
    if (!t) throw errors.invalidParam('transactionId is required')
    this.endTx(t)
    return {}
  }

  // ---------------------------------------------------------------- helpers (plain JS)

  insert(collection: string, docs: Record<string, any>[]): void {
    const c = this.need(collection)
    const now = Date.now()
    const changes: Change[] = docs.map((raw) => {
      const doc = this.prepareNew(normalize(clone(raw), now))
      return { coll: c, key: docKey(doc._id), doc, insert: true }
    })
    this.commit(changes)
  }

  find(collection: string, query?: Record<string, any>, opts?: { limit?: number; sort?: Record<string, 1 | -1> }): Record<string, any>[] {
    const c = this.need(collection)
    const q = query ? normalize(query, Date.now()) : undefined
    const fo: FindOptions = { order: opts?.sort, limit: opts?.limit }
    return clone(runFind(this.candidates(c, q), q, fo))
  }

  listCollections(): { name: string; count: number }[] {
    return [...this.colls.values()].map((c) => ({ name: c.name, count: c.docs.size })).sort((a, b) => a.name.localeCompare(b.name))
  }

  createCollection(name: string): void {
    if (!validCollectionName(name)) throw errors.invalidParam(`invalid collection name: ${String(name)}`)
    if (this.colls.has(name)) throw errors.collectionExists()
    this.stmts.addColl.run(name, JSON.stringify({ indexes: [] }))
    this.colls.set(name, this.makeColl(name, []))
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper)
    this.sweeper = null
    for (const t of [...this.txs.values()]) this.endTx(t)
    if (this.sql.open) this.sql.close()
  }
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

function setPath(doc: Doc, path: string, value: unknown) {
  const parts = path.split('.')
  let cur: any = doc
  for (let i = 0; i < parts.length - 1; i++) {
    if (!isPlainObject(cur[parts[i]])) cur[parts[i]] = {}
    cur = cur[parts[i]]
  }
  cur[parts[parts.length - 1]] = value
}

export function openDatabase(opts: LocalDatabaseOptions): LocalDatabase {
  return new LocalDb(opts)
}

export { DbError } from './errors'
