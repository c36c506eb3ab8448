/**
 * Transactions and locks through the real wx-server-sdk.
 * Documentation: the transaction guide (事务, 快照隔离),
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html —
 * "事务期间，读操作返回的是对象的快照；写操作会改变快照并给对象加上事务锁；如果对象上存在事务锁，
 * 其它事务的写入会直接失败，普通的更新操作会被阻塞，直到事务锁释放或者超时" — and the service's own
 * answers in TencentCloudBase/node-sdk test/database/unit/transaction.test.ts (冲突检测, 读偏, write
 * skew, "transaction must be commit or abort in 30 seconds").
 */
import { type Harness, rejection, startHarness } from './helpers/db-harness'

const TX_TIMEOUT_MS = 1500

let h: Harness
let db: any
let _: any

beforeAll(async () => {
  h = await startHarness({ transactionTimeoutMs: TX_TIMEOUT_MS })
  db = h.cloud.database({ throwOnNotFound: false })
  _ = db.command
})
afterAll(() => h.close())

const counter = async (id: string, n = 0) => {
  await db.collection('counters').doc(id).set({ data: { n } })
}
const value = async (id: string) => (await db.collection('counters').doc(id).get()).data.n
const stored = (id: string) => h.db.find('counters', { _id: id })[0]?.n

/** Resolves when a request matching `test` reaches the database (the server is in this process). */
function arrival(test: (body: Record<string, any>) => boolean): Promise<void> {
  const original = h.db.handle
  return new Promise((resolve) => {
    h.db.handle = (body) => {
      if (test(body)) {
        h.db.handle = original
        resolve()
      }
      return original(body)
    }
  })
}
const plainUpdateOf = (id: string) => (b: Record<string, any>) =>
  b.action === 'database.modifyDocument' && !b.transactionId && String(b.query).includes(id)
const tick = () => new Promise((r) => setImmediate(r))

const conflict = (e: any) => String(e?.errMsg ?? e?.message ?? e).includes('[ResourceUnavailable.TransactionConflict]')

test('commit applies every write of the transaction at once; reads inside see the transaction’s own writes', async () => {
  await counter('a', 100)
  await counter('b', 0)
  const t = await db.startTransaction()
  const a = await t.collection('counters').doc('a').get()
  expect(a.data.n).toBe(100)
  await t
    .collection('counters')
    .doc('a')
    .update({ data: { n: _.inc(-10) } })
  await t
    .collection('counters')
    .doc('b')
    .update({ data: { n: _.inc(10) } })
  await t.collection('counters').add({ data: { _id: 'tx-added', n: 1 } })
  await t
    .collection('counters')
    .doc('tx-set')
    .set({ data: { n: 7 } })
  expect((await t.collection('counters').doc('a').get()).data.n).toBe(90)
  // nothing visible outside before commit
  expect(await value('a')).toBe(100)
  expect(h.db.find('counters', { _id: 'tx-added' })).toEqual([])
  await t.commit()
  expect(await value('a')).toBe(90)
  expect(await value('b')).toBe(10)
  expect(await value('tx-added')).toBe(1)
  expect(await value('tx-set')).toBe(7)
})

test('rollback discards the writes', async () => {
  await counter('rb', 1)
  const t = await db.startTransaction()
  await t
    .collection('counters')
    .doc('rb')
    .update({ data: { n: 2 } })
  await t
    .collection('counters')
    .doc('rb-new')
    .set({ data: { n: 1 } })
  await t.rollback()
  expect(await value('rb')).toBe(1)
  expect((await db.collection('counters').doc('rb-new').get()).data).toBeNull()
})

describe('locks: a plain write to a record an open transaction has written waits, then applies on top', () => {
  test('… until the transaction commits', async () => {
    await counter('w-commit', 1)
    const t = await db.startTransaction()
    await t
      .collection('counters')
      .doc('w-commit')
      .update({ data: { n: 10 } })
    const arrived = arrival(plainUpdateOf('w-commit'))
    let done = false
    const plain = db
      .collection('counters')
      .doc('w-commit')
      .update({ data: { n: _.inc(5) } })
      .then((r: any) => {
        done = true
        return r
      })
    await arrived
    await tick()
    expect(done).toBe(false) // blocked by the transaction lock
    expect(stored('w-commit')).toBe(1)
    await t.commit()
    expect((await plain).stats.updated).toBe(1)
    expect(await value('w-commit')).toBe(15) // 10 from the transaction, then + 5
  })

  test('… until the transaction rolls back (then applies on the original)', async () => {
    await counter('w-abort', 1)
    const t = await db.startTransaction()
    await t
      .collection('counters')
      .doc('w-abort')
      .update({ data: { n: 10 } })
    const arrived = arrival(plainUpdateOf('w-abort'))
    const plain = db
      .collection('counters')
      .doc('w-abort')
      .update({ data: { n: _.inc(5) } })
    await arrived
    await tick()
    expect(stored('w-abort')).toBe(1)
    await t.rollback()
    await plain
    expect(await value('w-abort')).toBe(6)
  })

  test('… until the transaction times out (a record it adds counts too)', async () => {
    const t = await db.startTransaction()
    await t.collection('counters').add({ data: { _id: 'w-expire', n: 1 } })
    const plain = db
      .collection('counters')
      .doc('w-expire')
      .set({ data: { n: 2 } })
    await plain // waits for the transaction's expiry, then creates the record
    expect(await value('w-expire')).toBe(2)
    const e = await rejection(t.commit())
    expect(e.code).toBe('DATABASE_TRANSACTION_FAIL')
    expect(e.message).toContain('Transaction does not exist on the server, transaction must be commit or abort in 30 seconds')
  })

  test('a record merely read in a transaction blocks nobody; the transaction still commits its other writes (no read validation: write skew)', async () => {
    await counter('r-only', 1)
    await counter('r-other', 1)
    const t = await db.startTransaction()
    expect((await t.collection('counters').doc('r-only').get()).data.n).toBe(1)
    await t
      .collection('counters')
      .doc('r-other')
      .update({ data: { n: 5 } })
    await db
      .collection('counters')
      .doc('r-only')
      .update({ data: { n: 3 } }) // applies at once
    expect(stored('r-only')).toBe(3)
    expect((await t.collection('counters').doc('r-only').get()).data.n).toBe(1) // the snapshot
    await t.commit() // had the plain write waited for the transaction to end, this would fail
    expect(await value('r-other')).toBe(5)
    expect(await value('r-only')).toBe(3)
  })
})

describe('conflicts: a transaction’s write fails at once, and the transaction is over', () => {
  test('two transactions writing the same record: the second writer fails with the conflict error', async () => {
    await counter('tt', 1)
    const t1 = await db.startTransaction()
    const t2 = await db.startTransaction()
    await t1
      .collection('counters')
      .doc('tt')
      .update({ data: { n: 2 } })
    const e = await rejection(
      t2
        .collection('counters')
        .doc('tt')
        .update({ data: { n: 3 } }),
    )
    // wx-server-sdk reports the service's DATABASE_TRANSACTION_CONFLICT as errCode -501001 with its message
    expect(e.errCode).toBe(-501001)
    expect(conflict(e)).toBe(true)
    expect((await rejection(t2.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
    await t1.commit()
    expect(await value('tt')).toBe(2)
  })

  test('a write to a record someone changed since the snapshot fails (读偏), and nothing of the transaction is kept', async () => {
    await counter('snap', 1)
    await counter('snap-other', 1)
    const t = await db.startTransaction()
    expect((await t.collection('counters').doc('snap').get()).data.n).toBe(1)
    await t
      .collection('counters')
      .doc('snap-other')
      .update({ data: { n: 9 } })
    await db
      .collection('counters')
      .doc('snap')
      .update({ data: { n: 2 } }) // someone else
    expect((await t.collection('counters').doc('snap').get()).data.n).toBe(1) // still the snapshot
    const e = await rejection(
      t
        .collection('counters')
        .doc('snap')
        .update({ data: { n: _.inc(10) } }),
    )
    expect(conflict(e)).toBe(true)
    expect((await rejection(t.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
    expect(await value('snap')).toBe(2)
    expect(await value('snap-other')).toBe(1)
  })

  test('wx-server-sdk’s runTransaction does not retry a conflict raised by a write (its code is lost): the call rejects, nothing is written', async () => {
    await counter('retry', 0)
    let runs = 0
    const e = await rejection(
      db.runTransaction(async (t: any) => {
        runs++
        const cur = (await t.collection('counters').doc('retry').get()).data.n
        await db
          .collection('counters')
          .doc('retry')
          .update({ data: { n: _.inc(100) } }) // interferes
        await t
          .collection('counters')
          .doc('retry')
          .update({ data: { n: cur + 1 } })
      }),
    )
    expect(runs).toBe(1)
    expect(conflict(e)).toBe(true)
    expect(await value('retry')).toBe(100)
  })

  test('runTransaction: rollback(reason) rejects with the reason and writes nothing', async () => {
    await counter('rbr', 5)
    const e = await rejection(
      db.runTransaction(async (t: any) => {
        await t
          .collection('counters')
          .doc('rbr')
          .update({ data: { n: 0 } })
        await t.rollback('not enough')
      }),
    )
    expect(e).toBe('not enough')
    expect(await value('rbr')).toBe(5)
  })
})

describe('concurrency', () => {
  test('50 concurrent _.inc lose nothing', async () => {
    await counter('inc50', 0)
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db
          .collection('counters')
          .doc('inc50')
          .update({ data: { n: _.inc(1) } }),
      ),
    )
    expect(await value('inc50')).toBe(50)
  })

  test('40 concurrent conditional updates against a capacity of 10: exactly 10 succeed', async () => {
    await db
      .collection('counters')
      .doc('slot')
      .set({ data: { booked: 0, cap: 10 } })
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        db
          .collection('counters')
          .where({ _id: 'slot', booked: _.lt(10) })
          .update({ data: { booked: _.inc(1) } }),
      ),
    )
    expect(results.filter((r: any) => r.stats.updated === 1)).toHaveLength(10)
    expect((await db.collection('counters').doc('slot').get()).data.booked).toBe(10)
  })

  test('20 concurrent runTransactions each incrementing: each commits or fails with the conflict, and no increment is lost', async () => {
    await counter('tx20', 0)
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        db.runTransaction(async (t: any) => {
          const cur = (await t.collection('counters').doc('tx20').get()).data.n
          await t
            .collection('counters')
            .doc('tx20')
            .update({ data: { n: cur + 1 } })
        }),
      ),
    )
    const committed = outcomes.filter((o) => o.status === 'fulfilled').length
    const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')
    expect(committed).toBeGreaterThanOrEqual(1)
    expect(failed.every((o) => conflict(o.reason))).toBe(true)
    expect(await value('tx20')).toBe(committed)
  })

  test('plain increments racing a transaction on the same record all land on top of it', async () => {
    await counter('mix', 0)
    const t = await db.startTransaction()
    await t
      .collection('counters')
      .doc('mix')
      .update({ data: { n: _.inc(100) } })
    const plain = Promise.all(
      Array.from({ length: 10 }, () =>
        db
          .collection('counters')
          .doc('mix')
          .update({ data: { n: _.inc(1) } }),
      ),
    )
    await tick()
    await t.commit()
    await plain
    expect(await value('mix')).toBe(110)
  })
})
