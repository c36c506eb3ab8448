/**
 * Transactions and record locks, as the WeChat transaction guide describes them (快照隔离):
 *
 * - a transaction's reads see a snapshot (taken at its first operation) plus its own writes, and
 *   lock nothing;
 * - a transaction's write puts a transaction lock on the record; the write fails at once with
 *   DATABASE_TRANSACTION_CONFLICT (and the transaction is over) if another open transaction holds
 *   that record, or if anyone changed it since the snapshot (MongoDB's write conflict);
 * - a plain (non-transactional) write to a locked record waits until the lock is released —
 *   commit, rollback, or the transaction's expiry — and then applies on top of whatever is there;
 * - commit writes the transaction's records atomically (one SQLite transaction);
 * - a transaction not committed or rolled back within `timeoutMs` of its start (the service: "must
 *   be commit or abort in 30 seconds") is aborted, and its id answers DATABASE_TRANSACTION_FAIL.
 *
 * Snapshots are kept as per-record version history, recorded only while a transaction is open.
 */
import { randomBytes } from 'node:crypto'
import type { Doc } from './ejson'
import { errors } from './errors'
import { type Change, type Coll, gkey, type Store } from './store'

interface Write {
  coll: string
  key: string
  doc: Doc | null
  insert?: boolean
}

export interface Tx {
  id: string
  startSeq?: number
  started: number
  writes: Map<string, Write>
}

export class Transactions {
  private txs = new Map<string, Tx>()
  private history = new Map<string, { seq: number; old: Doc | null }[]>()
  private lastWrite = new Map<string, number>()
  /** record → the open transaction that wrote it */
  private locks = new Map<string, string>()
  /** record → plain writes waiting for its lock */
  private waiters = new Map<string, (() => void)[]>()
  private sweeper: NodeJS.Timeout | null = null

  constructor(
    private store: Store,
    private timeoutMs: number,
  ) {
    store.observer = (gk, seq, old) => {
      if (!this.txs.size) return
      const h = this.history.get(gk) ?? []
      h.push({ seq, old })
      this.history.set(gk, h)
      this.lastWrite.set(gk, seq)
    }
  }

  start(): string {
    const id = `${Date.now().toString(16)}${randomBytes(10).toString('hex')}`
    this.txs.set(id, { id, started: Date.now(), writes: new Map() })
    if (!this.sweeper) {
      this.sweeper = setInterval(() => this.sweep(), Math.max(50, Math.min(1000, this.timeoutMs / 4)))
      this.sweeper.unref()
    }
    return id
  }

  /** The open transaction of a request, if it names one (an unknown or ended id fails). */
  get(id: unknown): Tx | undefined {
    if (id === undefined || id === null || id === '') return undefined
    const t = this.txs.get(String(id))
    if (t && Date.now() - t.started > this.timeoutMs) this.end(t)
    if (!t || !this.txs.has(t.id)) throw errors.transactionNotExist()
    if (t.startSeq === undefined) t.startSeq = this.store.seq
    return t
  }

  /** The version of a record the transaction sees: its own write, else its snapshot. */
  read(t: Tx, c: Coll, key: string): Doc | null {
    const gk = gkey(c.name, key)
    const w = t.writes.get(gk)
    if (w) return w.doc
    const h = this.history.get(gk)
    if (h) for (const e of h) if (e.seq > (t.startSeq as number)) return e.old
    return c.docs.get(key) ?? null
  }

  /** Every record of a collection as the transaction sees it (natural order of the current state first). */
  snapshotDocs(t: Tx, c: Coll): Doc[] {
    const seen = new Set<string>()
    const out: Doc[] = []
    const visit = (key: string) => {
      if (seen.has(key)) return
      seen.add(key)
      const d = this.read(t, c, key)
      if (d) out.push(d)
    }
    for (const key of c.docs.keys()) visit(key)
    const prefix = `${c.name}\u0000`
    for (const gk of this.history.keys()) if (gk.startsWith(prefix)) visit(gk.slice(prefix.length))
    for (const [gk, w] of t.writes) if (gk.startsWith(prefix)) visit(w.key)
    return out
  }

  /** Take the write lock of a record for a transaction, or end the transaction with a conflict. */
  claim(t: Tx, c: Coll, key: string): void {
    const gk = gkey(c.name, key)
    const holder = this.locks.get(gk)
    const changedSinceSnapshot = (this.lastWrite.get(gk) ?? 0) > (t.startSeq as number)
    if ((holder && holder !== t.id) || changedSinceSnapshot) {
      this.end(t)
      throw errors.transactionConflict()
    }
    this.locks.set(gk, t.id)
  }

  stage(t: Tx, changes: Change[]): void {
    for (const ch of changes) {
      const gk = gkey(ch.coll.name, ch.key)
      const prev = t.writes.get(gk)
      t.writes.set(gk, { coll: ch.coll.name, key: ch.key, doc: ch.doc, insert: prev?.insert && ch.doc ? true : ch.insert })
    }
  }

  commit(t: Tx): void {
    try {
      const changes: Change[] = [...t.writes.values()].map((w) => ({
        coll: this.store.need(w.coll),
        key: w.key,
        doc: w.doc,
        insert: w.insert,
      }))
      this.store.commit(changes)
    } finally {
      this.end(t)
    }
  }

  abort(t: Tx): void {
    this.end(t)
  }

  /** The first of these records that an open transaction holds, if any. */
  firstLocked(gks: Iterable<string>): string | undefined {
    if (!this.locks.size) return undefined
    for (const gk of gks) if (this.locks.has(gk)) return gk
    return undefined
  }

  /** Resolves when the lock on `gk` is released (commit, rollback or expiry of its transaction). */
  waitFor(gk: string): Promise<void> {
    if (!this.locks.has(gk)) return Promise.resolve()
    return new Promise<void>((resolveWait) => {
      const list = this.waiters.get(gk) ?? []
      list.push(resolveWait)
      this.waiters.set(gk, list)
    })
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper)
    this.sweeper = null
    for (const t of [...this.txs.values()]) this.end(t)
  }

  private sweep() {
    const now = Date.now()
    for (const t of [...this.txs.values()]) if (now - t.started > this.timeoutMs) this.end(t)
  }

  private end(t: Tx) {
    if (!this.txs.delete(t.id)) return
    const released: string[] = []
    for (const [gk, owner] of this.locks)
      if (owner === t.id) {
        this.locks.delete(gk)
        released.push(gk)
      }
    this.collectHistory()
    for (const gk of released) {
      const list = this.waiters.get(gk)
      this.waiters.delete(gk)
      for (const wake of list ?? []) wake()
    }
  }

  /** Drop versions no open transaction can see any more. */
  private collectHistory() {
    if (!this.txs.size) {
      this.history.clear()
      this.lastWrite.clear()
      if (this.sweeper) clearInterval(this.sweeper)
      this.sweeper = null
      return
    }
    let min = Infinity
    for (const o of this.txs.values()) min = Math.min(min, o.startSeq ?? this.store.seq)
    for (const [gk, h] of this.history) {
      const kept = h.filter((e) => e.seq > min)
      if (kept.length) this.history.set(gk, kept)
      else this.history.delete(gk)
    }
    for (const [gk, s] of this.lastWrite) if (s <= min) this.lastWrite.delete(gk)
  }
}
