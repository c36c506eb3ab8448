/**
 * Positional array updates through the real wx-server-sdk.
 * Documentation: WeChat cloud database guide, 查询、更新数组/嵌套对象 — "更新数组中的元素"
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/query-array-object.html):
 * `'<array>.$'` is the first element the query matched, `'<array>.$[]'` every element; the service
 * runs MongoDB, whose `$` / `$[]` rules (and `$unset` leaving null in an array) apply.
 */
import { type Harness, rejection, startHarness } from './helpers/db-harness'

let h: Harness
let db: any
let _: any
const col = () => db.collection('items')
const read = async (id: string) => (await col().doc(id).get()).data

beforeAll(async () => {
  h = await startHarness()
  db = h.cloud.database({ throwOnNotFound: false })
  _ = db.command
})
afterAll(() => h.close())

test("'scores.$' changes the first element the query matched, in every matching record", async () => {
  await col().add({ data: { _id: 'p1', kind: 'pos', scores: [10, 20, 20, 30] } })
  await col().add({ data: { _id: 'p2', kind: 'pos', scores: [20, 5] } })
  await col().add({ data: { _id: 'p3', kind: 'pos', scores: [1] } })
  const r = await col()
    .where({ kind: 'pos', scores: 20 })
    .update({ data: { 'scores.$': 25 } })
  expect(r.stats.updated).toBe(2)
  expect((await read('p1')).scores).toEqual([10, 25, 20, 30])
  expect((await read('p2')).scores).toEqual([25, 5])
  expect((await read('p3')).scores).toEqual([1])
  // with a query command on the array: the first element that satisfies it
  await col()
    .where({ _id: 'p1', scores: _.gt(22) })
    .update({ data: { 'scores.$': _.inc(1) } })
  expect((await read('p1')).scores).toEqual([10, 26, 20, 30])
})

test("'arr.$.field' updates a field of the matched element of an array of objects (dotted query and elemMatch)", async () => {
  await col().add({
    data: {
      _id: 'g1',
      grades: [
        { subject: 'math', score: 80 },
        { subject: 'art', score: 90 },
        { subject: 'math', score: 70 },
      ],
    },
  })
  await col()
    .where({ _id: 'g1', 'grades.subject': 'art' })
    .update({ data: { 'grades.$.score': 95 } })
  await col()
    .where({ _id: 'g1', grades: _.elemMatch({ subject: 'math', score: _.lt(75) }) })
    .update({ data: { 'grades.$.score': _.inc(5) } })
  expect((await read('g1')).grades).toEqual([
    { subject: 'math', score: 80 },
    { subject: 'art', score: 95 },
    { subject: 'math', score: 75 },
  ])
})

test("'scores.$[]': _.inc(10) and 'arr.$[].field' change every element", async () => {
  await col().add({ data: { _id: 'a1', scores: [1, 2, 3], list: [{ n: 1 }, { n: 2 }], empty: [] } })
  await col()
    .doc('a1')
    .update({ data: { 'scores.$[]': _.inc(10), 'list.$[].seen': true, 'empty.$[]': 0 } })
  expect(await read('a1')).toEqual({
    _id: 'a1',
    scores: [11, 12, 13],
    list: [
      { n: 1, seen: true },
      { n: 2, seen: true },
    ],
    empty: [],
  })
  await col()
    .doc('a1')
    .update({ data: { 'list.$[].n': _.mul(3) } })
  expect((await read('a1')).list).toEqual([
    { n: 3, seen: true },
    { n: 6, seen: true },
  ])
})

test('_.remove() on a $ element leaves null in its place', async () => {
  await col().add({ data: { _id: 'r1', tags: ['a', 'b', 'c'] } })
  await col()
    .where({ _id: 'r1', tags: 'b' })
    .update({ data: { 'tags.$': _.remove() } })
  expect((await read('r1')).tags).toEqual(['a', null, 'c'])
})

test('the positional errors of MongoDB: no array condition in the query, and $[] on a missing array', async () => {
  await col().add({ data: { _id: 'e1', scores: [1, 2] } })
  const noMatch = await rejection(
    col()
      .doc('e1')
      .update({ data: { 'scores.$': 9 } }),
  )
  expect(noMatch.errCode).toBe(-502001)
  expect(noMatch.errMsg).toContain('The positional operator did not find the match needed from the query.')
  const missing = await rejection(
    col()
      .doc('e1')
      .update({ data: { 'nothing.$[]': 1 } }),
  )
  expect(missing.errMsg).toContain("The path 'nothing' must exist in the document in order to apply array updates.")
  expect((await read('e1')).scores).toEqual([1, 2])
})

test('inside a transaction the positional path resolves against the transaction’s own view', async () => {
  await col().add({ data: { _id: 't1', scores: [5, 6] } })
  await db.runTransaction(async (t: any) => {
    await t
      .collection('items')
      .doc('t1')
      .update({ data: { 'scores.$[]': _.inc(1) } })
  })
  expect((await read('t1')).scores).toEqual([6, 7])
})
