/**
 * The committed state of the database: SQLite (better-sqlite3, WAL, synchronous=FULL) is the
 * durable copy, every collection is also held parsed in memory (reads never touch SQLite), with
 * its unique indexes and its geo indexes. `commit()` is the one way a change lands: unique keys
 * checked first, then one SQLite transaction, then memory — all synchronously, so every request is
 * atomic with respect to the others.
 */
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import { resolve } from 'mingo/util'
import { type Doc, decode, encode, isPlainObject } from './ejson'
import { errors } from './errors'
import { pointOf } from './geo'
import { GeoIndex } from './geo-index'

export type IndexDirection = 1 | -1 | '2dsphere'

/** An index as the console declares it: keys 1 / -1 / '2dsphere', optionally unique. */
export interface IndexSpec {
  name: string
  keys: Readonly<Record<string, IndexDirection>>
  unique?: boolean
}

export interface CollectionSpec {
  description?: string
  indexes: readonly IndexSpec[]
}

interface UniqueIndex {
  spec: IndexSpec
  fields: string[]
  map: Map<string, string>
}

export interface Coll {
  name: string
  indexes: IndexSpec[]
  docs: Map<string, Doc>
  unique: UniqueIndex[]
  /** field → index of its declared 2dsphere index */
  geo: Map<string, GeoIndex>
  /** insertion order of each record (the order of `docs`), for stable ties */
  ord: Map<string, number>
  nextOrd: number
}

export interface Change {
  coll: Coll
  key: string
  doc: Doc | null
  insert?: boolean
}

/** Called for every record a commit changes, with the version it replaced. */
export type WriteObserver = (gk: string, seq: number, old: Doc | null) => void

export const docKey = (id: unknown): string => (typeof id === 'string' ? id : `\u0001${encode({ id })}`)
export const gkey = (coll: string, key: string) => `${coll}\u0000${key}`

/** A value as MongoDB prints it in a duplicate-key message. */
export function valueRepr(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return JSON.stringify(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v instanceof Date) return `new Date(${v.getTime()})`
  return encode({ v }).slice(5, -1)
}

function validCollectionName(name: unknown): name is string {
  return typeof name === 'string' && /^[A-Za-z0-9_\-.]{1,128}$/.test(name) && !name.startsWith('system.')
}

export class Store {
  readonly colls = new Map<string, Coll>()
  /** Incremented for every record written; transactions take their snapshot at a seq. */
  seq = 0
  observer: WriteObserver | null = null
  private sql: Database.Database
  private idPrefix = randomBytes(4).toString('hex')
  private idCounter = randomBytes(3).readUIntBE(0, 3)
  private stmts: { upsert: Database.Statement; del: Database.Statement; addColl: Database.Statement; setSpec: Database.Statement }

  constructor(
    file: string | undefined,
    collections: Readonly<Record<string, CollectionSpec>>,
    readonly envName: string,
  ) {
    this.sql = new Database(file ?? ':memory:')
    if (file) this.sql.pragma('journal_mode = WAL')
    this.sql.pragma('synchronous = FULL')
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, spec TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, UNIQUE (coll, id));
    `)
    this.stmts = {
      upsert: this.sql.prepare(
        'INSERT INTO docs (coll, id, body) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET body = excluded.body',
      ),
      del: this.sql.prepare('DELETE FROM docs WHERE coll = ? AND id = ?'),
      addColl: this.sql.prepare('INSERT INTO collections (name, spec) VALUES (?, ?)'),
      setSpec: this.sql.prepare('UPDATE collections SET spec = ? WHERE name = ?'),
    }
    this.declare(collections)
    this.load()
  }

  private declare(collections: Readonly<Record<string, CollectionSpec>>) {
    const existing = new Set((this.sql.prepare('SELECT name FROM collections').all() as { name: string }[]).map((r) => r.name))
    this.sql.transaction(() => {
      for (const [name, spec] of Object.entries(collections)) {
        const text = JSON.stringify({ indexes: spec.indexes })
        if (existing.has(name)) this.stmts.setSpec.run(text, name)
        else this.stmts.addColl.run(name, text)
      }
    })()
  }

  private load() {
    for (const row of this.sql.prepare('SELECT name, spec FROM collections').all() as { name: string; spec: string }[])
      this.colls.set(row.name, makeColl(row.name, JSON.parse(row.spec).indexes ?? []))
    const rows = this.sql.prepare('SELECT coll, id, body FROM docs ORDER BY rowid').iterate() as Iterable<{
      coll: string
      id: string
      body: string
    }>
    for (const row of rows) {
      const c = this.colls.get(row.coll)
      if (!c) continue
      const doc = decode(row.body) as Doc
      for (const u of c.unique) {
        const k = uniqueKey(u, doc)
        if (!u.map.has(k)) u.map.set(k, row.id)
      }
      this.place(c, row.id, doc)
    }
  }

  need(name: unknown): Coll {
    const c = typeof name === 'string' ? this.colls.get(name) : undefined
    if (!c) throw errors.collectionNotExist()
    return c
  }

  createCollection(name: unknown): void {
    if (!validCollectionName(name)) throw errors.invalidParam(`invalid collection name: ${String(name)}`)
    if (this.colls.has(name)) throw errors.collectionExists()
    this.stmts.addColl.run(name, JSON.stringify({ indexes: [] }))
    this.colls.set(name, makeColl(name, []))
  }

  /** `_id` like the service's: 32 lowercase hex (prefix, seconds, counter, random). */
  newId(): string {
    this.idCounter = (this.idCounter + 1) % 0xffffffff
    const secs = Math.floor(Date.now() / 1000)
      .toString(16)
      .padStart(8, '0')
      .slice(-8)
    return `${this.idPrefix}${secs}${this.idCounter.toString(16).padStart(8, '0')}${randomBytes(4).toString('hex')}`
  }

  /** The 2dsphere index on `field`, or a DATABASE_REQUEST_FAILED naming the operator (MongoDB's planner text). */
  geoIndex(c: Coll, field: string, op = '$geoNear'): GeoIndex {
    const g = c.geo.get(field)
    if (!g)
      throw errors.requestFailed(
        `error processing query: ns=${this.envName}.${c.name} planner returned error :: caused by :: unable to find index for ${op} query`,
      )
    return g
  }

  /** Validates unique indexes, writes SQLite in one transaction, then memory; tells the observer. */
  commit(changes: Change[]): void {
    if (!changes.length) return
    this.checkUnique(changes)
    this.sql.transaction(() => {
      for (const ch of changes) {
        if (ch.doc) this.stmts.upsert.run(ch.coll.name, ch.key, encode(ch.doc))
        else this.stmts.del.run(ch.coll.name, ch.key)
      }
    })()
    for (const ch of changes) {
      const cur = ch.coll.docs.get(ch.key) ?? null
      for (const u of ch.coll.unique) {
        if (cur) {
          const k = uniqueKey(u, cur)
          if (u.map.get(k) === ch.key) u.map.delete(k)
        }
        if (ch.doc) u.map.set(uniqueKey(u, ch.doc), ch.key)
      }
      if (ch.doc) this.place(ch.coll, ch.key, ch.doc)
      else this.unplace(ch.coll, ch.key)
      this.seq++
      this.observer?.(gkey(ch.coll.name, ch.key), this.seq, cur)
    }
  }

  close(): void {
    if (this.sql.open) this.sql.close()
  }

  private place(c: Coll, key: string, doc: Doc) {
    if (!c.docs.has(key)) c.ord.set(key, c.nextOrd++)
    c.docs.set(key, doc)
    const ord = c.ord.get(key) as number
    for (const [field, g] of c.geo) g.set(key, pointOf(resolve(doc as any, field)), ord)
  }

  private unplace(c: Coll, key: string) {
    c.docs.delete(key)
    c.ord.delete(key)
    for (const g of c.geo.values()) g.delete(key)
  }

  /** Duplicate `_id` on insert, or a unique key another record owns (the batch itself included). */
  private checkUnique(changes: Change[]) {
    const overlayDocs = new Map<string, Doc | null>()
    const overlayUnique = new Map<string, string | null>()
    for (const ch of changes) {
      const gk = gkey(ch.coll.name, ch.key)
      const cur = overlayDocs.has(gk) ? (overlayDocs.get(gk) ?? null) : (ch.coll.docs.get(ch.key) ?? null)
      if (ch.insert && cur) throw errors.duplicateKey(`${this.envName}.${ch.coll.name}`, '_id_', [valueRepr(ch.doc?._id)])
      for (const u of ch.coll.unique) {
        const oldK = cur ? uniqueKey(u, cur) : null
        const newK = ch.doc ? uniqueKey(u, ch.doc) : null
        if (oldK === newK) continue
        const uk = (k: string) => `${ch.coll.name}\u0000${u.spec.name}\u0000${k}`
        if (oldK !== null) overlayUnique.set(uk(oldK), null)
        if (newK === null) continue
        const owner = overlayUnique.has(uk(newK)) ? overlayUnique.get(uk(newK)) : u.map.get(newK)
        if (owner != null && owner !== ch.key) {
          const values = u.fields.map((f) => valueRepr(resolve(ch.doc as any, f)))
          throw errors.duplicateKey(`${this.envName}.${ch.coll.name}`, u.spec.name, values)
        }
        overlayUnique.set(uk(newK), ch.key)
      }
      overlayDocs.set(gk, ch.doc)
    }
  }
}

function makeColl(name: string, indexes: IndexSpec[]): Coll {
  const geo = new Map<string, GeoIndex>()
  for (const i of indexes) for (const [field, dir] of Object.entries(i.keys)) if (dir === '2dsphere') geo.set(field, new GeoIndex())
  return {
    name,
    indexes,
    docs: new Map(),
    unique: indexes.filter((i) => i.unique).map((spec) => ({ spec, fields: Object.keys(spec.keys), map: new Map() })),
    geo,
    ord: new Map(),
    nextOrd: 0,
  }
}

function uniqueKey(u: UniqueIndex, doc: Doc): string {
  return encode(u.fields.map((f) => resolve(doc as any, f) ?? null))
}

/** Candidate records of a query in natural order, using the `_id` primary key when the query pins it. */
export function candidates(c: Coll, query: Doc | undefined): Iterable<Doc> {
  const id = query?._id
  if (id === undefined) return c.docs.values()
  if (typeof id !== 'object' || id === null) return pick(c, [id])
  if (!isPlainObject(id)) return c.docs.values()
  const ks = Object.keys(id)
  if (ks.length === 1 && ks[0] === '$eq' && typeof id.$eq !== 'object') return pick(c, [id.$eq])
  if (ks.length === 1 && ks[0] === '$in' && Array.isArray(id.$in) && id.$in.every((v: unknown) => typeof v !== 'object'))
    return pick(c, [...new Set(id.$in)])
  return c.docs.values()
}

function pick(c: Coll, ids: unknown[]): Doc[] {
  const out: Doc[] = []
  for (const v of ids) {
    const d = c.docs.get(docKey(v))
    if (d) out.push(d)
  }
  return out
}
