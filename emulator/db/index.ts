/**
 * Local stand-in for the WeChat Cloud (CloudBase) database, speaking the wire protocol the
 * unmodified wx-server-sdk / @cloudbase/node-sdk uses: POST /admin with
 * `{ action: "database.<op>", collectionName, query: <EJSON>, ... }`.
 *
 * A request's path: `handle` → one action (read.ts, write.ts, aggregate.ts) → the committed state
 * (store.ts) and, for transactions and locks, transactions.ts.
 */
import { randomBytes } from 'node:crypto'
import { aggregateDocuments } from './aggregate'
import { clone, normalize } from './ejson'
import { DbError, errors } from './errors'
import { type FindOptions, findNear, runFind } from './query'
import { calculateDocument, type DbContext, getDocument } from './read'
import { type Change, type CollectionSpec, candidates, docKey, Store } from './store'
import { Transactions } from './transactions'
import { checkStorable } from './update'
import { insertDocument, modifyAndReturnDoc, modifyDocument, removeDocument } from './write'

export { AGGREGATE_DEFAULT_LIMIT } from './aggregate'
export { DbError } from './errors'
export { DEFAULT_LIMIT, MAX_LIMIT } from './read'
export type { CollectionSpec, IndexDirection, IndexSpec } from './store'

export interface LocalDatabaseOptions {
  /** SQLite file path; omitted = in-memory */
  file?: string
  /** Created (or re-declared) at open, with their indexes: unique and 2dsphere indexes are enforced. */
  collections: Readonly<Record<string, CollectionSpec>>
  /** A transaction not committed or rolled back this long after its start is aborted (default 30 000 ms, as the service says). */
  transactionTimeoutMs?: number
  /** Database name shown in duplicate-key messages (default "local"). */
  envName?: string
}

export interface LocalDatabase {
  /** Handle one /admin request body whose action starts with "database.". Returns the JSON body to send back (HTTP 200), including error bodies the SDK understands. Never throws. */
  handle(body: Record<string, any>): Promise<unknown>
  /** Plain helpers for seeding, the dev page and tests (values are plain JS: Date objects for dates). */
  insert(collection: string, docs: Record<string, any>[]): void // duplicate _id throws, all-or-nothing
  find(collection: string, query?: Record<string, any>, opts?: { limit?: number; sort?: Record<string, 1 | -1> }): Record<string, any>[]
  listCollections(): { name: string; count: number }[]
  createCollection(name: string): void
  close(): void
}

const requestId = () => randomBytes(8).toString('hex')

type Action = (ctx: DbContext, b: Record<string, any>) => Record<string, unknown> | Promise<Record<string, unknown>>

const ACTIONS: Record<string, Action> = {
  getDocument,
  calculateDocument,
  insertDocument,
  modifyDocument,
  updateDocument: modifyDocument,
  modifyAndReturnDoc,
  removeDocument,
  deleteDocument: removeDocument,
  aggregateDocuments,
  addCollection: (ctx, b) => {
    ctx.store.createCollection(b.collectionName)
    return {}
  },
  startTransaction: (ctx) => ({ transactionId: ctx.tx.start() }),
  commitTransaction: (ctx, b) => {
    const t = ctx.tx.get(b.transactionId)
    if (!t) throw errors.invalidParam('transactionId is required')
    ctx.tx.commit(t)
    return {}
  },
  abortTransaction: (ctx, b) => {
    const t = ctx.tx.get(b.transactionId)
    if (!t) throw errors.invalidParam('transactionId is required')
    ctx.tx.abort(t)
    return {}
  },
}

export function openDatabase(opts: LocalDatabaseOptions): LocalDatabase {
  const store = new Store(opts.file, opts.collections ?? {}, opts.envName ?? 'local')
  const tx = new Transactions(store, opts.transactionTimeoutMs ?? 30_000)
  const ctx: DbContext = { store, tx }
  return {
    async handle(body) {
      try {
        const op = String(body?.action ?? '').replace(/^database\./, '')
        const action = Object.hasOwn(ACTIONS, op) ? ACTIONS[op] : undefined
        if (!action) throw errors.invalidParam(`unsupported action database.${op}`)
        return { requestId: requestId(), ...(await action(ctx, body ?? {})) }
      } catch (e) {
        if (e instanceof DbError) return { code: e.code, message: e.message, requestId: requestId() }
        return { code: 'DATABASE_REQUEST_FAILED', message: `[InternalError] ${(e as Error)?.message ?? String(e)}`, requestId: requestId() }
      }
    },
    insert(collection, docs) {
      const c = store.need(collection)
      const now = Date.now()
      const changes: Change[] = docs.map((raw) => {
        const plain = normalize(clone(raw), now)
        checkStorable(plain)
        const { _id, ...rest } = plain
        const doc = { _id: _id === undefined || _id === null ? store.newId() : _id, ...rest }
        return { coll: c, key: docKey(doc._id), doc, insert: true }
      })
      store.commit(changes)
    },
    find(collection, query, findOpts) {
      const c = store.need(collection)
      const q = query ? normalize(query, Date.now()) : undefined
      const fo: FindOptions = { order: findOpts?.sort, limit: findOpts?.limit }
      return clone(runFind(candidates(c, q), q, { ...fo, inOrder: !findNear(q) }))
    },
    listCollections: () =>
      [...store.colls.values()].map((c) => ({ name: c.name, count: c.docs.size })).sort((a, b) => a.name.localeCompare(b.name)),
    createCollection: (name) => store.createCollection(name),
    close() {
      tx.close()
      store.close()
    },
  }
}
