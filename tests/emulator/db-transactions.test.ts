/**
 * Transactions and concurrency through the real wx-server-sdk. Documentation
 * (Database.runTransaction): the callback may run several times; only a transaction conflict
 * is retried (default 3 times); rollback(value) rejects runTransaction with that value.
 */
import { type Harness, rejection, startHarness } from './helpers/db-harness'

let h: Harness
let db: any
let _: any

beforeAll(async () => {
  h = await startHarness({ transactionIdleTimeoutMs: 400, transactionLockTimeoutMs: 3000 })
  db = h.cloud.database({ throwOnNotFound: false })
  _ = db.command
})
afterAll(() => h.close())

const counter = async (id: string, n = 0) => {
  await db.collection('counters').doc(id).set({ data: { n } })
}
const value = async (id: string) => (await db.collection('counters').doc(id).get()).data.n

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

test('reads inside a transaction see a snapshot; a concurrent change makes commit fail with DATABASE_TRANSACTION_CONFLICT', async () => {
  await counter('snap', 1)
  const t = await db.startTransaction()
  expect((await t.collection('counters').doc('snap').get()).data.n).toBe(1)
  await db
    .collection('counters')
    .doc('snap')
    .update({ data: { n: 2 } }) // someone else
  expect((await t.collection('counters').doc('snap').get()).data.n).toBe(1) // still the snapshot
  await t
    .collection('counters')
    .doc('snap')
    .update({ data: { n: _.inc(10) } })
  const e = await rejection(t.commit())
  expect(e.code).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect(await value('snap')).toBe(2)
})

test('a document only read by the transaction also conflicts if changed by someone else', async () => {
  await counter('r1', 1)
  await counter('w1', 1)
  const t = await db.startTransaction()
  await t.collection('counters').doc('r1').get()
  await t
    .collection('counters')
    .doc('w1')
    .update({ data: { n: 5 } })
  await db
    .collection('counters')
    .doc('r1')
    .update({ data: { n: 3 } })
  expect((await rejection(t.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect(await value('w1')).toBe(1)
})

test('runTransaction retries on conflict and keeps every increment', async () => {
  await counter('retry', 0)
  let runs = 0
  const result = await db.runTransaction(async (t: any) => {
    runs++
    const cur = (await t.collection('counters').doc('retry').get()).data.n
    if (runs === 1)
      await db
        .collection('counters')
        .doc('retry')
        .update({ data: { n: _.inc(100) } }) // interferes once
    await t
      .collection('counters')
      .doc('retry')
      .update({ data: { n: cur + 1 } })
    return cur + 1
  })
  expect(runs).toBe(2)
  expect(result).toBe(101)
  expect(await value('retry')).toBe(101)
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

test('an abandoned transaction expires: its writes are dropped and its id no longer works', async () => {
  await counter('exp', 1)
  const t = await db.startTransaction()
  await t
    .collection('counters')
    .doc('exp')
    .update({ data: { n: 99 } })
  await new Promise((r) => setTimeout(r, 1200))
  // the document it held is free again
  await db.runTransaction(async (t2: any) => {
    await t2
      .collection('counters')
      .doc('exp')
      .update({ data: { n: _.inc(1) } })
  })
  expect(await value('exp')).toBe(2)
  const e = await rejection(t.commit())
  expect(e.code).toBe('DATABASE_TRANSACTION_FAIL')
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

  test('20 concurrent runTransactions each incrementing: all increments present', async () => {
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
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(20)
    expect(await value('tx20')).toBe(20)
  })
})
