/**
 * CRUD, query commands, update commands and errors through the real wx-server-sdk over HTTP.
 * Expectations follow the WeChat cloud database documentation (developers.weixin.qq.com
 * wxcloud reference-sdk-api/database): server-side get defaults to and caps at 100/1000 records,
 * update merges, set replaces, _.remove deletes a field, etc.
 */
import { type Harness, outbound, rejection, startHarness } from './helpers/db-harness'

let h: Harness
let db: any
let _: any

beforeAll(async () => {
  h = await startHarness()
  db = h.cloud.database()
  _ = db.command
})
afterAll(() => h.close())

const ids = (r: { data: any[] }) => r.data.map((d) => d._id)

describe('add / get / doc', () => {
  test('add returns a generated 32-hex _id; doc().get() returns the record with types preserved', async () => {
    const when = new Date('2024-05-01T08:00:00.000Z')
    const r = await db
      .collection('items')
      .add({ data: { name: 'a', n: 1, f: 1.5, when, tags: ['x'], nested: { deep: { v: true } }, nil: null } })
    expect(r._id).toMatch(/^[0-9a-f]{32}$/)
    const got = await db.collection('items').doc(r._id).get()
    expect(got.data).toEqual({ _id: r._id, name: 'a', n: 1, f: 1.5, when, tags: ['x'], nested: { deep: { v: true } }, nil: null })
    expect(got.data.when).toBeInstanceOf(Date)
  })

  test('add with a custom _id, then the same _id again fails with the duplicate-key error (-502001)', async () => {
    await db.collection('items').add({ data: { _id: 'custom-1', v: 1 } })
    const e = await rejection(db.collection('items').add({ data: { _id: 'custom-1', v: 2 } }))
    expect(e.errCode).toBe(-502001)
    expect(e.errMsg).toContain('E11000 duplicate key error')
    expect(e.errMsg).toContain('index: _id_')
    expect((await db.collection('items').doc('custom-1').get()).data.v).toBe(1)
  })

  test('add of an array returns _ids', async () => {
    const r = await db.collection('items').add({ data: [{ batch: 1 }, { batch: 2 }] })
    expect(r._ids).toHaveLength(2)
  })

  test('doc().get() of a missing record rejects (throwOnNotFound default) or gives null', async () => {
    const e = await rejection(db.collection('items').doc('nope').get())
    expect(String(e.errMsg ?? e.message)).toContain('does not exist')
    const lenient = h.cloud.database({ throwOnNotFound: false })
    expect((await lenient.collection('items').doc('nope').get()).data).toBeNull()
  })

  test('db.serverDate() is stored as the server time (with offset)', async () => {
    const before = Date.now()
    const r = await db.collection('items').add({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } })
    const { data } = await db.collection('items').doc(r._id).get()
    expect(data.at).toBeInstanceOf(Date)
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before - 5)
    expect(data.at.getTime()).toBeLessThanOrEqual(Date.now() + 5)
    expect(data.later.getTime() - data.at.getTime()).toBeGreaterThanOrEqual(59_990)
    await db
      .collection('items')
      .doc(r._id)
      .update({ data: { touched: db.serverDate() } })
    expect((await db.collection('items').doc(r._id).get()).data.touched).toBeInstanceOf(Date)
  })

  test('a date field kept through earlier updates is replaced by a later set, beside a push and by where().update', async () => {
    const first = new Date('2026-11-30T16:00:00.000Z')
    const r = await db.collection('items').add({ data: { updatedAt: first, seenAt: first, n: 1, thread: [] } })
    // an update of another field copies the record, dates included
    await db
      .collection('items')
      .doc(r._id)
      .update({ data: { n: 2 } })
    const second = new Date('2026-12-01T01:02:03.000Z')
    await db
      .collection('items')
      .doc(r._id)
      .update({ data: { updatedAt: second, thread: db.command.push([{ at: second }]) } })
    expect((await db.collection('items').doc(r._id).get()).data.updatedAt.toISOString()).toBe(second.toISOString())
    const third = new Date('2026-12-01T02:00:00.000Z')
    await db
      .collection('items')
      .where({ _id: r._id })
      .update({ data: { seenAt: third, n: 3 } })
    const got = (await db.collection('items').doc(r._id).get()).data
    expect([got.updatedAt.toISOString(), got.seenAt.toISOString(), got.n]).toEqual([second.toISOString(), third.toISOString(), 3])
    expect((await db.collection('items').where({ seenAt: third }).count()).total).toBe(1)
    expect((await db.collection('items').where({ seenAt: first }).count()).total).toBe(0)
  })
})

describe('collections', () => {
  test('querying or writing a collection that does not exist fails with -502005', async () => {
    for (const p of [
      db.collection('no_such').get(),
      db.collection('no_such').add({ data: { a: 1 } }),
      db
        .collection('no_such')
        .where({ a: 1 })
        .update({ data: { a: 2 } }),
      db.collection('no_such').count(),
    ]) {
      const e = await rejection(p)
      expect(e.errCode).toBe(-502005)
      expect(e.errMsg).toContain('Db or Table not exist')
    }
  })

  test('createCollection creates once, then errors because it exists', async () => {
    await db.createCollection('made_here')
    await db.collection('made_here').add({ data: { ok: true } })
    expect((await db.collection('made_here').count()).total).toBe(1)
    const e = await rejection(db.createCollection('made_here'))
    expect(e.code).toBe('DATABASE_COLLECTION_ALREADY_EXIST')
    expect(String(e.message)).toContain('Table exist')
    expect(h.db.listCollections().find((c) => c.name === 'made_here')?.count).toBe(1)
  })

  test('a unique index declared in collections.ts rejects a duplicate value with E11000 naming the index', async () => {
    await db.collection('groups').add({ data: { opengid: 'G1', name: 'one' } })
    const e = await rejection(db.collection('groups').add({ data: { opengid: 'G1', name: 'two' } }))
    expect(e.errCode).toBe(-502001)
    expect(e.errMsg).toContain('index: opengid_unique')
    expect(e.errMsg).toContain('"G1"')
    // an update that would create a duplicate fails too, and changes nothing
    const r = await db.collection('groups').add({ data: { opengid: 'G2' } })
    const e2 = await rejection(
      db
        .collection('groups')
        .doc(r._id)
        .update({ data: { opengid: 'G1' } }),
    )
    expect(e2.errMsg).toContain('E11000')
    expect((await db.collection('groups').doc(r._id).get()).data.opengid).toBe('G2')
    // compound unique index
    await db.collection('meal_bookings').add({ data: { openid: 'o1', serviceKey: 'k1' } })
    await db.collection('meal_bookings').add({ data: { openid: 'o1', serviceKey: 'k2' } })
    const e3 = await rejection(db.collection('meal_bookings').add({ data: { openid: 'o1', serviceKey: 'k1' } }))
    expect(e3.errMsg).toContain('rider_service_unique')
  })
})

describe('query commands', () => {
  beforeAll(async () => {
    await db.createCollection('q')
    const docs = [
      {
        _id: 'p1',
        name: 'Alice',
        age: 30,
        tags: ['a', 'b'],
        score: [1, 5],
        addr: { city: 'Beijing', zip: 100 },
        arr: [
          { k: 1, v: 'x' },
          { k: 2, v: 'y' },
        ],
      },
      { _id: 'p2', name: 'bob', age: 25, tags: ['b'], score: [7], addr: { city: 'Shanghai', zip: 200 }, arr: [{ k: 3, v: 'x' }] },
      { _id: 'p3', name: 'Carol', age: 35, tags: ['a', 'c', 'd'], addr: { city: 'Beijing', zip: 101 }, extra: null },
      { _id: 'p4', name: 'dave', age: 41, tags: [], score: [2, 3, 4] },
    ]
    await db.collection('q').add({ data: docs })
  })
  const where = async (q: any) => ids(await db.collection('q').where(q).get()).sort()

  test('eq / neq / lt / lte / gt / gte / in / nin', async () => {
    expect(await where({ age: _.eq(30) })).toEqual(['p1'])
    expect(await where({ age: _.neq(30) })).toEqual(['p2', 'p3', 'p4'])
    expect(await where({ age: _.lt(30) })).toEqual(['p2'])
    expect(await where({ age: _.lte(30) })).toEqual(['p1', 'p2'])
    expect(await where({ age: _.gt(35) })).toEqual(['p4'])
    expect(await where({ age: _.gte(35) })).toEqual(['p3', 'p4'])
    expect(await where({ age: _.in([25, 41]) })).toEqual(['p2', 'p4'])
    expect(await where({ age: _.nin([25, 41]) })).toEqual(['p1', 'p3'])
    expect(await where({ age: _.gt(20).and(_.lt(31)) })).toEqual(['p1', 'p2'])
  })

  test('and / or / nor / not, field-level and cross-field', async () => {
    expect(await where({ age: _.or(_.lt(26), _.gt(40)) })).toEqual(['p2', 'p4'])
    expect(await where(_.or([{ name: 'Alice' }, { age: 41 }]))).toEqual(['p1', 'p4'])
    expect(await where(_.and([{ age: _.gt(20) }, { 'addr.city': 'Beijing' }]))).toEqual(['p1', 'p3'])
    expect(await where(_.nor([{ age: 30 }, { age: 25 }]))).toEqual(['p3', 'p4'])
    expect(await where({ age: _.not(_.gt(30)) })).toEqual(['p1', 'p2'])
  })

  test('exists / size / all / elemMatch / mod / array contains', async () => {
    expect(await where({ score: _.exists(false) })).toEqual(['p3'])
    expect(await where({ extra: _.exists(true) })).toEqual(['p3'])
    expect(await where({ tags: _.size(3) })).toEqual(['p3'])
    expect(await where({ tags: _.all(['a', 'b']) })).toEqual(['p1'])
    expect(await where({ arr: _.elemMatch({ k: _.gt(1), v: 'x' }) })).toEqual(['p2'])
    expect(await where({ age: _.mod(5, 0) })).toEqual(['p1', 'p2', 'p3'])
    expect(await where({ tags: 'c' })).toEqual(['p3'])
    expect(await where({ 'arr.v': 'y' })).toEqual(['p1'])
  })

  test('nested object queries match by dotted path; dotted strings work too', async () => {
    expect(await where({ addr: { city: 'Beijing' } })).toEqual(['p1', 'p3'])
    expect(await where({ 'addr.zip': _.gte(101) })).toEqual(['p2', 'p3'])
    expect(await where({ 'score.0': 7 })).toEqual(['p2'])
  })

  test('regular expressions: JS RegExp and db.RegExp', async () => {
    expect(await where({ name: /^[a-c]/i })).toEqual(['p1', 'p2', 'p3'])
    expect(await where({ name: db.RegExp({ regexp: '^d', options: 'i' }) })).toEqual(['p4'])
    expect(await where({ name: _.not(/a/i) })).toEqual(['p2'])
  })

  test('expr compares fields of the same record', async () => {
    await db.collection('q').add({ data: { _id: 'e1', a: 5, b: 3 } })
    const $ = _.aggregate
    expect(await where(_.expr($.gt(['$a', '$b'])))).toEqual(['e1'])
  })

  test('orderBy (multiple fields), skip, limit, field projection', async () => {
    const r = await db
      .collection('q')
      .where({ age: _.exists(true) })
      .orderBy('addr.city', 'desc')
      .orderBy('age', 'asc')
      .get()
    expect(ids(r)).toEqual(['p2', 'p1', 'p3', 'p4'])
    const page = await db
      .collection('q')
      .where({ age: _.exists(true) })
      .orderBy('age', 'asc')
      .skip(1)
      .limit(2)
      .get()
    expect(ids(page)).toEqual(['p1', 'p3'])
    const inc = await db.collection('q').doc('p1').field({ name: true, 'addr.city': true }).get()
    expect(inc.data).toEqual({ _id: 'p1', name: 'Alice', addr: { city: 'Beijing' } })
    const exc = await db.collection('q').where({ _id: 'p2' }).field({ tags: false, arr: false, addr: false, score: false }).get()
    expect(exc.data).toEqual([{ _id: 'p2', name: 'bob', age: 25 }])
  })

  test('count returns total', async () => {
    expect((await db.collection('q').where({ 'addr.city': 'Beijing' }).count()).total).toBe(2)
  })
})

describe('limits', () => {
  beforeAll(async () => {
    await db.createCollection('many')
    const all = Array.from({ length: 1200 }, (_x, i) => ({ i }))
    for (let k = 0; k < all.length; k += 200) await db.collection('many').add({ data: all.slice(k, k + 200) })
  })
  test('get defaults to 100 records in a cloud function', async () => {
    expect((await db.collection('many').get()).data).toHaveLength(100)
  })
  test('limit is capped at 1000', async () => {
    expect((await db.collection('many').limit(1000).get()).data).toHaveLength(1000)
    expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000)
    expect((await db.collection('many').count()).total).toBe(1200)
  })
  test('natural order is insertion order; skip pages through it', async () => {
    const r = await db.collection('many').skip(1195).get()
    expect(r.data.map((d: any) => d.i)).toEqual([1195, 1196, 1197, 1198, 1199])
  })
})

describe('update commands', () => {
  const col = () => db.collection('items')
  const fresh = async (data: any) => (await col().add({ data }))._id
  const read = async (id: string) => (await col().doc(id).get()).data

  test('update merges; set replaces (keeping _id); set creates a missing record', async () => {
    const id = await fresh({ a: 1, b: { c: 1, d: 2 } })
    const u = await col()
      .doc(id)
      .update({ data: { b: { c: 9 }, e: 5 } })
    expect(u.stats.updated).toBe(1)
    expect(await read(id)).toEqual({ _id: id, a: 1, b: { c: 9, d: 2 }, e: 5 })
    // replacing a nested object needs _.set
    await col()
      .doc(id)
      .update({ data: { b: _.set({ z: 1 }) } })
    expect((await read(id)).b).toEqual({ z: 1 })
    const s = await col()
      .doc(id)
      .set({ data: { only: true } })
    expect(s.stats.updated).toBe(1)
    expect(await read(id)).toEqual({ _id: id, only: true })
    const created = await col()
      .doc('set-created')
      .set({ data: { n: 1 } })
    expect(created._id).toBe('set-created')
    expect(created.stats.created).toBe(1)
    expect(await read('set-created')).toEqual({ _id: 'set-created', n: 1 })
  })

  test('doc().update() on a missing record updates nothing', async () => {
    const r = await col()
      .doc('missing-doc')
      .update({ data: { a: 1 } })
    expect(r.stats.updated).toBe(0)
    expect(await h.db.find('items', { _id: 'missing-doc' })).toEqual([])
  })

  test('set / remove / inc / mul / min / max / rename', async () => {
    const id = await fresh({ n: 10, m: 3, lo: 5, hi: 5, old: 'x', gone: 1, deep: { x: 1 } })
    await col()
      .doc(id)
      .update({
        data: {
          n: _.inc(5),
          m: _.mul(4),
          lo: _.min(2),
          hi: _.max(9),
          old: _.rename('renamed'),
          gone: _.remove(),
          'deep.y': _.inc(1),
          s: _.set('v'),
        },
      })
    expect(await read(id)).toEqual({ _id: id, n: 15, m: 12, lo: 2, hi: 9, renamed: 'x', deep: { x: 1, y: 1 }, s: 'v' })
    await col()
      .doc(id)
      .update({ data: { lo: _.min(7), hi: _.max(1) } })
    expect(await read(id)).toMatchObject({ lo: 2, hi: 9 })
  })

  test('push / pop / shift / unshift / pull / pullAll / addToSet', async () => {
    const id = await fresh({ arr: [1, 2, 3], objs: [{ k: 1 }, { k: 2 }], set: ['a'] })
    await col()
      .doc(id)
      .update({ data: { arr: _.push(4, 5) } })
    expect((await read(id)).arr).toEqual([1, 2, 3, 4, 5])
    await col()
      .doc(id)
      .update({ data: { arr: _.push({ each: [0], position: 0 }) } })
    expect((await read(id)).arr).toEqual([0, 1, 2, 3, 4, 5])
    await col()
      .doc(id)
      .update({ data: { arr: _.push({ each: [9], sort: -1, slice: 3 }) } })
    expect((await read(id)).arr).toEqual([9, 5, 4])
    await col()
      .doc(id)
      .update({ data: { arr: _.pop() } })
    expect((await read(id)).arr).toEqual([9, 5])
    await col()
      .doc(id)
      .update({ data: { arr: _.shift() } })
    expect((await read(id)).arr).toEqual([5])
    await col()
      .doc(id)
      .update({ data: { arr: _.unshift(1, 2) } })
    expect((await read(id)).arr).toEqual([1, 2, 5])
    await col()
      .doc(id)
      .update({ data: { arr: _.pull(2) } })
    expect((await read(id)).arr).toEqual([1, 5])
    await col()
      .doc(id)
      .update({ data: { arr: _.pull(_.gt(3)) } })
    expect((await read(id)).arr).toEqual([1])
    await col()
      .doc(id)
      .update({ data: { objs: _.pull({ k: 1 }) } })
    expect((await read(id)).objs).toEqual([{ k: 2 }])
    await col()
      .doc(id)
      .update({ data: { arr: _.push([7, 8, 7]) } })
    await col()
      .doc(id)
      .update({ data: { arr: _.pullAll([7]) } })
    expect((await read(id)).arr).toEqual([1, 8])
    await col()
      .doc(id)
      .update({ data: { set: _.addToSet('a') } })
    await col()
      .doc(id)
      .update({ data: { set: _.addToSet({ $each: ['b', 'a', 'c'] }) } })
    expect((await read(id)).set).toEqual(['a', 'b', 'c'])
    await col()
      .doc(id)
      .update({ data: { fresh: _.push('first') } })
    expect((await read(id)).fresh).toEqual(['first'])
  })

  test('dotted paths and array indexes in updates; nested arrays', async () => {
    const id = await fresh({
      list: [
        { n: 1, sub: [1, 2] },
        { n: 2, sub: [] },
      ],
      o: { p: { q: 1 } },
    })
    await col()
      .doc(id)
      .update({ data: { 'list.1.n': 20, 'list.0.sub': _.push(3), 'o.p.r': 2 } })
    expect(await read(id)).toEqual({
      _id: id,
      list: [
        { n: 1, sub: [1, 2, 3] },
        { n: 20, sub: [] },
      ],
      o: { p: { q: 1, r: 2 } },
    })
    await col()
      .doc(id)
      .update({ data: { list: { 0: { n: 10 } } } })
    expect((await read(id)).list[0]).toEqual({ n: 10, sub: [1, 2, 3] })
  })

  test('update errors the way MongoDB does and leaves the record unchanged', async () => {
    const id = await fresh({ s: 'text', nul: null, arr: 1 })
    const e1 = await rejection(
      col()
        .doc(id)
        .update({ data: { s: _.inc(1) } }),
    )
    expect(e1.errCode).toBe(-502001)
    expect(e1.errMsg).toContain('Cannot apply $inc to a value of non-numeric type')
    const e2 = await rejection(
      col()
        .doc(id)
        .update({ data: { 'nul.x': 1 } }),
    )
    expect(e2.errMsg).toContain("Cannot create field 'x' in element {nul: null}")
    const e3 = await rejection(
      col()
        .doc(id)
        .update({ data: { arr: _.push(2) } }),
    )
    expect(e3.errMsg).toContain('must be an array')
    expect(await read(id)).toEqual({ _id: id, s: 'text', nul: null, arr: 1 })
  })

  test('where().update() updates every match and reports how many changed', async () => {
    await db.createCollection('multi')
    await db.collection('multi').add({
      data: [
        { g: 1, v: 0 },
        { g: 1, v: 0 },
        { g: 2, v: 0 },
        { g: 1, v: 5 },
      ],
    })
    const r = await db
      .collection('multi')
      .where({ g: 1 })
      .update({ data: { v: 5 } })
    expect(r.stats.updated).toBe(2) // the record that already had v: 5 is matched but not modified
    expect((await db.collection('multi').where({ v: 5 }).count()).total).toBe(3)
  })

  test('remove: doc().remove(), where().remove(), where({}).remove() empties the collection', async () => {
    await db.createCollection('rm')
    await db.collection('rm').add({
      data: [
        { _id: 'r1', t: 1 },
        { _id: 'r2', t: 2 },
        { _id: 'r3', t: 2 },
        { _id: 'r4', t: 3 },
      ],
    })
    expect((await db.collection('rm').doc('r1').remove()).stats.removed).toBe(1)
    expect((await db.collection('rm').doc('r1').remove()).stats.removed).toBe(0)
    expect((await db.collection('rm').where({ t: 2 }).remove()).stats.removed).toBe(2)
    expect((await db.collection('rm').where({}).remove()).stats.removed).toBe(1)
    expect((await db.collection('rm').count()).total).toBe(0)
  })
})

test('nothing in this suite talked to anything but 127.0.0.1', () => {
  expect(outbound.length).toBeGreaterThan(0)
  expect(outbound.filter((host) => !['127.0.0.1', 'dns:127.0.0.1'].includes(host))).toEqual([])
})
