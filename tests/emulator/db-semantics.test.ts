/**
 * Database semantics the WeChat cloud documentation states, checked through the real
 * wx-server-sdk over HTTP. Each test names its source (developers.weixin.qq.com
 * …/wxcloud/reference-sdk-api/database/…, or MongoDB's manual where the service's MongoDB behaviour
 * shows through and the WeChat pages are silent). Where the pages are silent or contradictory the
 * choice is listed in emulator/README.md, section "Database".
 */
import { type Harness, rejection, startHarness } from './helpers/db-harness'

let h: Harness
let db: any
let _: any
let $: any

beforeAll(async () => {
  h = await startHarness()
  db = h.cloud.database()
  _ = db.command
  $ = _.aggregate
})
afterAll(() => h.close())

const ids = (r: { data: any[] }) => r.data.map((d) => d._id)

describe('queries', () => {
  beforeAll(async () => {
    await db.createCollection('sq')
    await db.collection('sq').add({
      data: [
        { _id: 'a', n: 1, stat: { year: 2018, lang: 'zh-CN' }, tags: ['x', 'y'], name: 'Apple' },
        { _id: 'b', n: 5, stat: { year: 2018, lang: 'zh-CN', extra: 1 }, tags: ['z'], name: 'banana' },
        { _id: 'c', stat: { year: 2019 }, tags: [], name: 'cherry\nApricot' },
        { _id: 'd', n: null, name: 'Date' },
      ],
    })
  })
  const where = async (q: any) => ids(await db.collection('sq').where(q).get()).sort()

  // Command.eq: `{ stat: { publishYear: 2018 } }` matches the sub-field; `_.eq({...})` the whole object.
  test('a nested object matches by sub-fields; _.eq(object) matches the whole value', async () => {
    expect(await where({ stat: { year: 2018 } })).toEqual(['a', 'b'])
    expect(await where({ 'stat.year': 2018 })).toEqual(['a', 'b'])
    expect(await where({ stat: _.eq({ year: 2018, lang: 'zh-CN' }) })).toEqual(['a'])
  })

  // Command.and / Command.or: prefix, chained and array forms; cross-field with an array of conditions.
  test('and / or: chained, prefix, array and cross-field forms', async () => {
    expect(await where({ n: _.gt(0).and(_.lt(3)) })).toEqual(['a'])
    expect(await where({ n: _.and(_.gt(0), _.lt(3)) })).toEqual(['a'])
    expect(await where({ n: _.and([_.gt(0), _.lt(3)]) })).toEqual(['a'])
    expect(await where({ n: _.lt(2).or(_.gt(4)) })).toEqual(['a', 'b'])
    expect(await where({ n: _.or([_.lt(2), _.gt(4)]) })).toEqual(['a', 'b'])
    expect(await where(_.or([{ n: 1 }, { 'stat.year': 2019 }]))).toEqual(['a', 'c'])
    expect(await where(_.and([{ n: _.exists(true) }, { n: _.neq(null) }]))).toEqual(['a', 'b'])
  })

  // Command.in on an array field: matches when any element is in the list; MongoDB also takes regexes in $in.
  test('in / nin on array fields, with regular expressions in the list', async () => {
    expect(await where({ tags: _.in(['y', 'q']) })).toEqual(['a'])
    expect(await where({ tags: _.nin(['y', 'z']) })).toEqual(['c', 'd'])
    expect(await where({ name: _.in([/^ban/, 'Date']) })).toEqual(['b', 'd'])
    expect(await where({ name: _.nin([/^ban/i, /^a/i]) })).toEqual(['c', 'd'])
  })

  // Command.exists(false): the field is absent (null is present). Command.neq: missing fields are "not equal".
  test('exists(false) and neq on missing fields', async () => {
    expect(await where({ n: _.exists(false) })).toEqual(['c'])
    expect(await where({ n: _.neq(1) })).toEqual(['b', 'c', 'd'])
    expect(await where({ n: null })).toEqual(['c', 'd'])
  })

  // db.RegExp options: i (case), m (multi-line ^ $), s (dot matches newline).
  test('RegExp options i, m, s', async () => {
    expect(await where({ name: db.RegExp({ regexp: '^apple', options: 'i' }) })).toEqual(['a'])
    expect(await where({ name: db.RegExp({ regexp: '^Apricot', options: '' }) })).toEqual([])
    expect(await where({ name: db.RegExp({ regexp: '^Apricot', options: 'm' }) })).toEqual(['c'])
    expect(await where({ name: db.RegExp({ regexp: 'cherry.Apricot', options: '' }) })).toEqual([])
    expect(await where({ name: db.RegExp({ regexp: 'cherry.Apricot', options: 's' }) })).toEqual(['c'])
  })

  // Collection.count with a where.
  test('count counts the matches', async () => {
    expect((await db.collection('sq').where({ 'stat.year': 2018 }).count()).total).toBe(2)
  })
})

describe('orderBy (MongoDB sort order)', () => {
  beforeAll(async () => {
    await db.createCollection('so')
    await db.collection('so').add({
      data: [
        { _id: 'num', v: 2, o: { k: 2 } },
        { _id: 'str', v: 'abc', o: { k: 1 } },
        { _id: 'missing' },
        { _id: 'nul', v: null, o: { k: 3 } },
        { _id: 'arr', v: [0, 9] },
        { _id: 'bool', v: true },
        { _id: 'date', v: new Date('2020-01-01T00:00:00Z') },
        { _id: 'obj', v: { k: 1 } },
        { _id: 'empty', v: [] },
      ],
    })
  })
  const order = async (field: string, dir: 'asc' | 'desc') => ids(await db.collection('so').orderBy(field, dir).get())

  // Missing and null sort first ascending (last descending); types in BSON order; an array sorts by its
  // smallest element ascending and largest descending; an empty array before null.
  test('missing/null values, mixed types and arrays', async () => {
    expect(await order('v', 'asc')).toEqual(['empty', 'missing', 'nul', 'arr', 'num', 'str', 'obj', 'bool', 'date'])
    expect(await order('v', 'desc')).toEqual(['date', 'bool', 'obj', 'str', 'arr', 'num', 'missing', 'nul', 'empty'])
  })

  // Collection.orderBy: nested fields with dot notation.
  test('nested field, missing ones first ascending', async () => {
    expect((await order('o.k', 'asc')).slice(-3)).toEqual(['str', 'num', 'nul'])
    expect((await order('o.k', 'desc')).slice(0, 3)).toEqual(['nul', 'num', 'str'])
  })

  // Aggregate.sort follows the same order.
  test('aggregate sort uses the same order', async () => {
    const r = await db.collection('so').aggregate().sort({ v: 1 }).project({ _id: 1 }).end()
    expect(r.list.map((d: any) => d._id)).toEqual(['empty', 'missing', 'nul', 'arr', 'num', 'str', 'obj', 'bool', 'date'])
  })
})

describe('skip / limit / field', () => {
  beforeAll(async () => {
    await db.createCollection('sl')
    await db.collection('sl').add({ data: Array.from({ length: 5 }, (_x, i) => ({ _id: `r${i}`, i, deep: { a: i, b: -i } })) })
  })

  // Collection.skip takes a non-negative offset: MongoDB refuses a negative skip.
  test('a negative skip is refused', async () => {
    const e = await rejection(db.collection('sl').skip(-1).get())
    expect(e.errCode).toBe(-502001)
    expect(e.errMsg).toContain('Skip value must be non-negative')
  })

  // MongoDB: a negative limit returns at most |limit| documents (single batch).
  test('a negative limit means its absolute value; limit(0) means the default', async () => {
    expect(ids(await db.collection('sl').limit(-2).get())).toEqual(['r0', 'r1'])
    expect(await db.collection('sl').limit(0).get()).toMatchObject({ data: expect.any(Array) })
    expect((await db.collection('sl').limit(0).get()).data).toHaveLength(5)
  })

  test('non-integer skip / limit are refused by the SDK', () => {
    expect(() => db.collection('sl').limit(1.5)).toThrow('must be integer')
    expect(() => db.collection('sl').skip(0.5)).toThrow('must be integer')
  })

  // Collection.field: nested paths, `_id` returned unless excluded.
  test('field: nested path, _id exclusion', async () => {
    const r = await db.collection('sl').where({ i: 1 }).field({ 'deep.a': true, _id: false }).get()
    expect(r.data).toEqual([{ deep: { a: 1 } }])
    const x = await db.collection('sl').doc('r2').field({ deep: false }).get()
    expect(x.data).toEqual({ _id: 'r2', i: 2 })
  })
})

describe('writes', () => {
  const col = () => db.collection('items')
  const fresh = async (data: any) => (await col().add({ data }))._id
  const read = async (id: string) => (await col().doc(id).get()).data

  // The SDK refuses an empty update and any `_id` in update/set data (Document.update / Document.set).
  test('empty update and _id in data are refused', async () => {
    const id = await fresh({ a: 1 })
    expect((await rejection(col().doc(id).update({ data: {} }))).errMsg).toContain('must not be empty')
    expect(
      (
        await rejection(
          col()
            .doc(id)
            .set({ data: { _id: 'x', a: 2 } }),
        )
      ).errMsg,
    ).toContain('不能更新_id的值')
    expect(
      (
        await rejection(
          col()
            .doc(id)
            .update({ data: { _id: 'x' } }),
        )
      ).errMsg,
    ).toContain('不能更新_id的值')
    expect(await read(id)).toEqual({ _id: id, a: 1 })
  })

  // Command.set replaces a sub-object; a plain object merges; Command.remove deletes; Command.inc creates.
  test('set vs merge, remove, inc on a missing field', async () => {
    const id = await fresh({ style: { color: 'red', size: 1 }, gone: 1 })
    await col()
      .doc(id)
      .update({ data: { style: { size: 2 } } })
    expect((await read(id)).style).toEqual({ color: 'red', size: 2 })
    await col()
      .doc(id)
      .update({ data: { style: _.set({ size: 3 }), gone: _.remove(), count: _.inc(2) } })
    expect(await read(id)).toEqual({ _id: id, style: { size: 3 }, count: 2 })
  })

  // Command.push {each, position, sort, slice}; Command.pull with a query command; addToSet {$each}; pop/shift on [].
  test('array update commands', async () => {
    const id = await fresh({ arr: [5, 1], scores: [2, 8, 4], set: ['a'], empty: [] })
    await col()
      .doc(id)
      .update({ data: { arr: _.push({ each: [3, 9], position: 1, sort: 1, slice: 3 }) } })
    expect((await read(id)).arr).toEqual([1, 3, 5])
    await col()
      .doc(id)
      .update({ data: { scores: _.pull(_.gt(3)) } })
    expect((await read(id)).scores).toEqual([2])
    await col()
      .doc(id)
      .update({ data: { set: _.addToSet({ $each: ['a', 'b', 'b'] }) } })
    expect((await read(id)).set).toEqual(['a', 'b'])
    // the page's table says `each`, its example `$each`: the SDK sends `{each}` unchanged, so MongoDB adds the object
    await col()
      .doc(id)
      .update({ data: { set: _.addToSet({ each: ['c'] }) } })
    expect((await read(id)).set).toEqual(['a', 'b', { each: ['c'] }])
    await col()
      .doc(id)
      .update({ data: { empty: _.pop() } })
    await col()
      .doc(id)
      .update({ data: { empty: _.shift() } })
    expect((await read(id)).empty).toEqual([])
  })

  // Dates: stored as Date, compared with _.lt(new Date()) and db.serverDate({offset}).
  test('Date and serverDate are stored and compared as dates', async () => {
    await db.createCollection('dates')
    const past = new Date(Date.now() - 3_600_000)
    await db.collection('dates').add({
      data: [
        { _id: 'past', at: past },
        { _id: 'future', at: db.serverDate({ offset: 3_600_000 }) },
      ],
    })
    expect(
      ids(
        await db
          .collection('dates')
          .where({ at: _.lt(new Date()) })
          .get(),
      ),
    ).toEqual(['past'])
    expect(
      ids(
        await db
          .collection('dates')
          .where({ at: _.gt(db.serverDate({ offset: 60_000 })) })
          .get(),
      ),
    ).toEqual(['future'])
    expect((await db.collection('dates').doc('past').get()).data.at).toEqual(past)
  })

  // Query.remove: stats.removed counts the removed records.
  test('where().remove() reports how many were removed', async () => {
    await db.createCollection('rmc')
    await db.collection('rmc').add({ data: [{ k: 1 }, { k: 1 }, { k: 2 }] })
    expect((await db.collection('rmc').where({ k: 1 }).remove()).stats.removed).toBe(2)
    expect((await db.collection('rmc').where({ k: 9 }).remove()).stats.removed).toBe(0)
  })
})

describe('aggregate', () => {
  beforeAll(async () => {
    await db.createCollection('products')
    await db.collection('products').add({
      data: [
        { _id: '1', product: 'tshirt', size: ['S', 'M', 'L'], price: 10, group: 'a' },
        { _id: '2', product: 'pants', size: [], price: 20, group: 'a' },
        { _id: '3', product: 'socks', size: null, group: 'b' },
        { _id: '4', product: 'trousers', size: ['S'], price: 30, group: 'b' },
        { _id: '5', product: 'sweater', size: ['M', 'L'], price: 40, group: 'b' },
      ],
    })
  })
  const agg = () => db.collection('products').aggregate()

  // Aggregate.unwind, the documentation's own three examples.
  test('unwind: plain, includeArrayIndex, preserveNullAndEmptyArrays (documented outputs)', async () => {
    const plain = await agg().unwind('$size').project({ product: 1, size: 1 }).end()
    expect(plain.list).toEqual([
      { _id: '1', product: 'tshirt', size: 'S' },
      { _id: '1', product: 'tshirt', size: 'M' },
      { _id: '1', product: 'tshirt', size: 'L' },
      { _id: '4', product: 'trousers', size: 'S' },
      { _id: '5', product: 'sweater', size: 'M' },
      { _id: '5', product: 'sweater', size: 'L' },
    ])
    const idx = await agg().unwind({ path: '$size', includeArrayIndex: 'index' }).project({ product: 1, size: 1, index: 1 }).end()
    expect(idx.list.map((d: any) => [d._id, d.size, d.index])).toEqual([
      ['1', 'S', 0],
      ['1', 'M', 1],
      ['1', 'L', 2],
      ['4', 'S', 0],
      ['5', 'M', 0],
      ['5', 'L', 1],
    ])
    const keep = await agg().unwind({ path: '$size', preserveNullAndEmptyArrays: true }).project({ product: 1, size: 1 }).end()
    expect(keep.list).toEqual([
      { _id: '1', product: 'tshirt', size: 'S' },
      { _id: '1', product: 'tshirt', size: 'M' },
      { _id: '1', product: 'tshirt', size: 'L' },
      { _id: '2', product: 'pants', size: null },
      { _id: '3', product: 'socks', size: null },
      { _id: '4', product: 'trousers', size: 'S' },
      { _id: '5', product: 'sweater', size: 'M' },
      { _id: '5', product: 'sweater', size: 'L' },
    ])
  })

  // AggregateCommand.sum/avg/push/addToSet/first/last in group; MongoDB's push/addToSet skip missing values.
  test('group accumulators; a missing field is not pushed', async () => {
    const r = await agg()
      .sort({ _id: 1 })
      .group({
        _id: '$group',
        total: $.sum('$price'),
        avg: $.avg('$price'),
        prices: $.push('$price'),
        sizes: $.addToSet('$size'),
        first: $.first('$product'),
        last: $.last('$product'),
        items: $.push({ name: '$product' }),
      })
      .sort({ _id: 1 })
      .end()
    expect(r.list).toEqual([
      {
        _id: 'a',
        total: 30,
        avg: 15,
        prices: [10, 20],
        sizes: [['S', 'M', 'L'], []],
        first: 'tshirt',
        last: 'pants',
        items: [{ name: 'tshirt' }, { name: 'pants' }],
      },
      {
        _id: 'b',
        total: 70,
        avg: 35,
        prices: [30, 40],
        sizes: [null, ['S'], ['M', 'L']],
        first: 'socks',
        last: 'sweater',
        items: [{ name: 'socks' }, { name: 'trousers' }, { name: 'sweater' }],
      },
    ])
  })

  // Aggregate.match takes query commands; Aggregate.lookup with let / pipeline; end() gives { list }.
  test('match with query commands, lookup with let + pipeline, end() shape', async () => {
    const m = await agg()
      .match({ price: _.gt(15).and(_.lt(35)) })
      .sort({ price: -1 })
      .end()
    expect(m.list.map((d: any) => d._id)).toEqual(['4', '2'])
    expect(m.errMsg).toBe('collection.aggregate:ok')
    const j = await agg()
      .match({ _id: '4' })
      .lookup({
        from: 'products',
        let: { g: '$group', p: '$price' },
        pipeline: $.pipeline()
          .match(_.expr($.and([$.eq(['$group', '$$g']), $.gt(['$price', '$$p'])])))
          .project({ _id: 1 })
          .done(),
        as: 'dearer',
      })
      .project({ dearer: 1 })
      .end()
    expect(j.list).toEqual([{ _id: '4', dearer: [{ _id: '5' }] }])
  })

  test('sort then limit', async () => {
    const r = await agg().sort({ price: -1 }).limit(2).project({ price: 1 }).end()
    expect(r.list).toEqual([
      { _id: '5', price: 40 },
      { _id: '4', price: 30 },
    ])
  })
})

describe('geo', () => {
  // Command.geoWithin / geoIntersects: "索引要求：需对查询字段建立地理位置索引" (like geoNear).
  test('geoWithin and geoIntersects need a geo index on the field', async () => {
    await db.createCollection('geo_noindex')
    await db.collection('geo_noindex').add({ data: { loc: db.Geo.Point(1, 1) } })
    const { Point, LineString, Polygon } = db.Geo
    const square = Polygon([LineString([Point(0, 0), Point(2, 0), Point(2, 2), Point(0, 2), Point(0, 0)])])
    for (const q of [
      { loc: _.geoWithin({ geometry: square }) },
      { loc: _.geoWithin({ centerSphere: [[1, 1], 0.01] }) },
      { loc: _.geoIntersects({ geometry: square }) },
    ]) {
      const e = await rejection(db.collection('geo_noindex').where(q).get())
      expect(e.errCode).toBe(-502001)
      expect(e.errMsg).toContain('unable to find index')
    }
    // with the index (places has loc_2dsphere) the same queries work
    await db.collection('places').add({ data: { _id: 'in-square', loc: Point(1, 1) } })
    expect(
      ids(
        await db
          .collection('places')
          .where({ loc: _.geoWithin({ geometry: square }) })
          .get(),
      ),
    ).toEqual(['in-square'])
    expect(
      ids(
        await db
          .collection('places')
          .where({ loc: _.geoWithin({ centerSphere: [[1, 1], 0.01] }) })
          .get(),
      ),
    ).toEqual(['in-square'])
  })

  // Geo.Point: get() returns a Geo.Point (longitude, latitude; toJSON is GeoJSON).
  test('a stored Geo.Point comes back as a Geo.Point', async () => {
    await db.collection('places').add({ data: { _id: 'pt', loc: db.Geo.Point(113.32, 23.09) } })
    const { data } = await db.collection('places').doc('pt').get()
    expect(data.loc.constructor.name).toBe('Point')
    expect([data.loc.longitude, data.loc.latitude]).toEqual([113.32, 23.09])
    expect(data.loc.toJSON()).toEqual({ type: 'Point', coordinates: [113.32, 23.09] })
  })
})

describe('hostile input', () => {
  const col = () => db.collection('items')

  // MongoDB: top-level `$` field names are not valid for storage; nested ones and dotted names are stored (≥ 3.6).
  test('$-prefixed top-level field names are refused', async () => {
    const e = await rejection(col().add({ data: { $where: 1 } }))
    expect(e.errCode).toBe(-502001)
    expect(e.errMsg).toContain("The dollar ($) prefixed field '$where'")
  })

  test('__proto__ keys never pollute the server process', async () => {
    const evil = JSON.parse('{"a":1,"__proto__":{"polluted":1},"nested":{"__proto__":{"polluted":2}}}')
    await col()
      .add({ data: evil })
      .catch(() => undefined)
    const r = await col().add({ data: { _id: 'victim', a: 1 } })
    for (const data of [
      JSON.parse('{"__proto__":{"polluted":3}}'),
      { '__proto__.polluted': 4 },
      { 'constructor.prototype.polluted': 5 },
      { a: _.rename('__proto__.polluted') },
    ])
      await col()
        .doc(r._id)
        .update({ data })
        .catch(() => undefined)
    await h.db.handle({
      action: 'database.modifyDocument',
      collectionName: 'items',
      query: JSON.stringify({ _id: 'victim' }),
      data: JSON.stringify({ $set: { '__proto__.polluted': 6, 'constructor.prototype.polluted': 7 } }),
      merge: true,
    })
    await h.db.handle({ action: 'database.insertDocument', collectionName: 'items', data: ['{"x":{"__proto__":{"polluted":8}}}'] })
    expect(({} as any).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect((await col().doc('victim').get()).data).toEqual({ _id: 'victim', a: 1 })
  })

  // MongoDB limits: a BSON document is at most 16 MiB ("单条记录大小受底层 BSON 限制，不超过 16mb", WeChat community
  // answer by the cloud team) and at most 100 levels deep.
  test('a record over 16 MB is refused, on add and on update', async () => {
    const big = 'x'.repeat(16 * 1024 * 1024 + 16)
    const e = await rejection(col().add({ data: { big } }))
    expect(e.errCode).toBe(-502001)
    expect(e.errMsg).toContain('too large')
    const id = (await col().add({ data: { half: 'y'.repeat(9 * 1024 * 1024) } }))._id
    const e2 = await rejection(
      col()
        .doc(id)
        .update({ data: { other: 'z'.repeat(9 * 1024 * 1024) } }),
    )
    expect(e2.errMsg).toContain('larger than 16777216')
    expect(Object.keys((await col().doc(id).get()).data)).toEqual(['_id', 'half'])
  })

  test('nesting deeper than 100 levels is refused; 50 levels are fine', async () => {
    const nest = (n: number) => {
      let o: any = { leaf: 1 }
      for (let i = 0; i < n; i++) o = { n: o }
      return o
    }
    expect((await col().add({ data: { d: nest(50) } }))._id).toBeTruthy()
    const e = await rejection(col().add({ data: { d: nest(120) } }))
    expect(e.errCode).toBe(-502001)
    expect(e.errMsg).toContain('nesting depth')
  })

  // _id may be any non-array value (MongoDB); the SDK sends it through.
  test('non-string _id values round-trip', async () => {
    await col().add({ data: { _id: 42, v: 'n' } })
    expect((await col().doc(42).get()).data).toEqual({ _id: 42, v: 'n' })
    expect(
      ids(
        await col()
          .where({ _id: _.in([42]) })
          .get(),
      ),
    ).toEqual([42])
  })
})
