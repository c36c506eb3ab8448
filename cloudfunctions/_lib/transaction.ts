/**
 * Transactions of the cloud database, retried on a write conflict.
 *
 * The service fails a transaction at once when another open transaction wrote the same record
 * (TransactionConflict). wx-server-sdk's `runTransaction` would retry it, but its wrappers of
 * get/update turn the service error into `{ errCode: -501001, errMsg: '… TransactionConflict …' }`
 * and lose the code it retries on (emulator/README.md, "Transactions and locks"). So the whole
 * transaction is run again here, after a short random pause, and sees the winner's write.
 */
import { db } from './cloud'
import type { Doc } from './values'

/** The transaction object of wx-server-sdk (typed loosely by the SDK). */
export interface Tx {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: Doc }>
      update(o: { data: Doc }): Promise<unknown>
      set(o: { data: Doc }): Promise<unknown>
      remove(): Promise<unknown>
    }
    add(o: { data: Doc }): Promise<unknown>
  }
}

const ATTEMPTS = 4

export function isTransactionConflict(err: unknown): boolean {
  const e = err as { errMsg?: unknown; message?: unknown; code?: unknown }
  return /TransactionConflict|TRANSACTION_CONFLICT/.test(`${e?.errMsg ?? ''} ${e?.message ?? ''} ${e?.code ?? ''}`)
}

const pause = (attempt: number) => new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * attempt))

/** Run `fn` in a transaction, again (up to 4 times) when it loses a write conflict; its answer is returned. */
export async function inTransaction<T>(fn: (t: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await db.runTransaction(fn as never)) as T
    } catch (err) {
      if (!isTransactionConflict(err) || attempt >= ATTEMPTS) throw err
      await pause(attempt)
    }
  }
}
