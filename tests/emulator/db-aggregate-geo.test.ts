/**
 * Aggregation stages and geo queries through the real wx-server-sdk. Documentation:
 * Aggregate.* stages (developers.weixin.qq.com wxcloud reference-sdk-api/database/aggregate),
 * Command.geoNear/geoWithin/geoIntersects (geoNear needs a geo index; distances in metres;
 * results nearest first).
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
  await db.createCollection('orders')
  await db.createCollection('authors')
  await db.collection('authors').add({
    data: [
      { _id: 'au1', name: 'Lu Xun' },
      { _id: 'au2', name: 'Lao She' },
    ],
  })
  await db.collection('orders').add({
    data: [
      { _id: 'o1', cat: 'food', price: 10, qty: 2, tags: ['hot', 'rice'], author: 'au1', at: new Date('2024-01-01T00:00:00Z') },
      { _id: 'o2', cat: 'food', price: 20, qty: 1, tags: ['cold'], author: 'au2', at: new Date('2024-01-02T00:00:00Z') },
      { _id: 'o3', cat: 'drink', price: 5, qty: 4, tags: ['cold', 'tea'], author: 'au1', at: new Date('2024-01-03T00:00:00Z') },
      { _id: 'o4', cat: 'drink', price: 7, qty: 1, tags: [], author: 'au3', at: new Date('2024-01-04T00:00:00Z') },
    ],
  })
})
afterAll(() => h.close())

const agg = () => db.collection('orders').aggregate()

describe('aggregate', () => {
  test('match + group + sort', async () => {
    const r = await agg()
      .match({ price: _.gt(4) })
      .group({ _id: '$cat', total: $.sum($.multiply(['$price', '$qty'])), n: $.sum(1) })
      .sort({ total: -1 })
      .end()
    expect(r.list).toEqual([
      { _id: 'food', total: 40, n: 2 },
      { _id: 'drink', total: 27, n: 2 },
    ])
  })

  test('project / addFields / skip / limit', async () => {
    const r = await agg()
      .sort({ price: 1 })
      .project({ _id: 0, price: 1, double: $.multiply(['$price', 2]) })
      .addFields({ cheap: $.lt(['$price', 8]) })
      .skip(1)
      .limit(2)
      .end()
    expect(r.list).toEqual([
      { price: 7, double: 14, cheap: true },
      { price: 10, double: 20, cheap: false },
    ])
  })

  test('unwind / sortByCount / count', async () => {
    const tags = await agg().unwind('$tags').sortByCount('$tags').limit(1).end()
    expect(tags.list).toEqual([{ _id: 'cold', count: 2 }])
    const cnt = await agg().match({ cat: 'drink' }).count('n').end()
    expect(cnt.list).toEqual([{ n: 2 }])
  })

  test('lookup joins another collection', async () => {
    const r = await agg()
      .match({ _id: _.in(['o1', 'o4']) })
      .lookup({ from: 'authors', localField: 'author', foreignField: '_id', as: 'by' })
      .project({ by: 1 })
      .sort({ _id: 1 })
      .end()
    expect(r.list).toEqual([
      { _id: 'o1', by: [{ _id: 'au1', name: 'Lu Xun' }] },
      { _id: 'o4', by: [] },
    ])
  })

  test('bucket / replaceRoot / sample', async () => {
    const b = await agg()
      .bucket({ groupBy: '$price', boundaries: [0, 10, 100], default: 'other', output: { n: $.sum(1) } })
      .end()
    expect(b.list).toEqual([
      { _id: 0, n: 2 },
      { _id: 10, n: 2 },
    ])
    const rr = await agg()
      .match({ _id: 'o2' })
      .replaceRoot({ newRoot: { c: '$cat', p: '$price' } })
      .end()
    expect(rr.list).toEqual([{ c: 'food', p: 20 }])
    const s = await agg().sample({ size: 2 }).end()
    expect(s.list).toHaveLength(2)
  })

  test('dates survive the pipeline', async () => {
    const r = await agg()
      .match({ at: _.gte(new Date('2024-01-03T00:00:00Z')) })
      .project({ at: 1 })
      .sort({ at: 1 })
      .end()
    expect(r.list[0].at).toEqual(new Date('2024-01-03T00:00:00Z'))
  })

  test('without a limit stage an aggregation returns at most 20 records', async () => {
    await db.createCollection('agg_many')
    await db.collection('agg_many').add({ data: Array.from({ length: 30 }, (_x, i) => ({ i })) })
    expect((await db.collection('agg_many').aggregate().match({}).end()).list).toHaveLength(20)
    expect((await db.collection('agg_many').aggregate().match({}).limit(100).end()).list).toHaveLength(30)
  })
})

describe('geo', () => {
  // Tiananmen (116.3975, 39.9087); points east along the same latitude.
  const base = [116.3975, 39.9087]
  beforeAll(async () => {
    const mk = (id: string, lng: number, lat: number) => ({ _id: id, name: id, loc: new db.Geo.Point(lng, lat) })
    await db.collection('places').add({
      data: [mk('p0', base[0], base[1]), mk('p1', base[0] + 0.01, base[1]), mk('p2', base[0] + 0.05, base[1]), mk('far', 121.47, 31.23)],
    })
  })

  test('geoNear returns the nearest first, within max/min distance (metres)', async () => {
    const r = await db
      .collection('places')
      .where({ loc: _.geoNear({ geometry: new db.Geo.Point(base[0], base[1]), maxDistance: 5000 }) })
      .get()
    expect(r.data.map((d: any) => d._id)).toEqual(['p0', 'p1', 'p2'])
    const ring = await db
      .collection('places')
      .where({ loc: _.geoNear({ geometry: new db.Geo.Point(base[0], base[1]), minDistance: 500, maxDistance: 2000 }) })
      .get()
    expect(ring.data.map((d: any) => d._id)).toEqual(['p1'])
    // the SDK turns stored GeoJSON points back into Geo.Point
    expect(r.data[1].loc.longitude).toBeCloseTo(base[0] + 0.01, 6)
  })

  test('geoNear without a 2dsphere index fails like the service', async () => {
    await db.createCollection('noindex')
    await db.collection('noindex').add({ data: { loc: new db.Geo.Point(1, 1) } })
    const e = await rejection(
      db
        .collection('noindex')
        .where({ loc: _.geoNear({ geometry: new db.Geo.Point(1, 1) }) })
        .get(),
    )
    expect(e.errCode).toBe(-502001)
    expect(e.errMsg).toContain('unable to find index for $geoNear query')
  })

  test('geoWithin: polygon and centerSphere', async () => {
    const { Point, LineString, Polygon } = db.Geo
    const sq = (x0: number, y0: number, x1: number, y1: number) =>
      new Polygon([new LineString([new Point(x0, y0), new Point(x1, y0), new Point(x1, y1), new Point(x0, y1), new Point(x0, y0)])])
    const r = await db
      .collection('places')
      .where({ loc: _.geoWithin({ geometry: sq(116.39, 39.9, 116.42, 39.92) }) })
      .get()
    expect(r.data.map((d: any) => d._id).sort()).toEqual(['p0', 'p1'])
    const c = await db
      .collection('places')
      .where({ loc: _.geoWithin({ centerSphere: [new Point(base[0], base[1]), 2000 / 6378100] }) })
      .get()
    expect(c.data.map((d: any) => d._id).sort()).toEqual(['p0', 'p1'])
  })

  test('geoIntersects: a line through a stored point, a polygon around it', async () => {
    const { Point, LineString, Polygon } = db.Geo
    const line = new LineString([new Point(base[0] - 1, base[1]), new Point(base[0] + 0.03, base[1])])
    const r = await db
      .collection('places')
      .where({ loc: _.geoIntersects({ geometry: line }) })
      .get()
    expect(r.data.map((d: any) => d._id).sort()).toEqual(['p0', 'p1'])
    const poly = new Polygon([new LineString([new Point(121, 31), new Point(122, 31), new Point(122, 32), new Point(121, 31)])])
    const p = await db
      .collection('places')
      .where({ loc: _.geoIntersects({ geometry: poly }) })
      .get()
    expect(p.data.map((d: any) => d._id)).toEqual(['far'])
  })

  // Aggregate.geoNear: "limit | number | 否 | 限制返回记录数"
  // (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/aggregate/Aggregate.geoNear.html)
  test('aggregate geoNear honours its limit option (限制返回记录数), before the stages that follow', async () => {
    const near = new db.Geo.Point(base[0], base[1])
    const two = await db.collection('places').aggregate().geoNear({ distanceField: 'd', spherical: true, near, limit: 2 }).end()
    expect(two.list.map((d: any) => d._id)).toEqual(['p0', 'p1'])
    const thenSkip = await db
      .collection('places')
      .aggregate()
      .geoNear({ distanceField: 'd', spherical: true, near, limit: 3 })
      .skip(1)
      .limit(10)
      .end()
    expect(thenSkip.list.map((d: any) => d._id)).toEqual(['p1', 'p2'])
    const withQuery = await db
      .collection('places')
      .aggregate()
      .geoNear({ distanceField: 'd', spherical: true, near, limit: 1, query: { _id: _.neq('p0') } })
      .end()
    expect(withQuery.list.map((d: any) => d._id)).toEqual(['p1'])
    // without the option every record comes back (up to the 20 of a pipeline without $limit), nearest first
    const all = await db.collection('places').aggregate().geoNear({ distanceField: 'd', spherical: true, near }).end()
    expect(all.list.map((d: any) => d._id)).toEqual(['p0', 'p1', 'p2', 'far'])
    const e = await rejection(db.collection('places').aggregate().geoNear({ distanceField: 'd', spherical: true, near, limit: 0 }).end())
    expect(String(e.errMsg ?? e.message)).toContain('limit must be a positive number')
  })

  test('aggregate geoNear adds the distance and sorts by it', async () => {
    const r = await db
      .collection('places')
      .aggregate()
      .geoNear({
        distanceField: 'dist',
        spherical: true,
        near: new db.Geo.Point(base[0], base[1]),
        maxDistance: 10000,
        query: { name: _.neq('p2') },
      })
      .end()
    expect(r.list.map((d: any) => d._id)).toEqual(['p0', 'p1'])
    expect(r.list[0].dist).toBeCloseTo(0, 3)
    // 0.01° of longitude at 39.9087° N on a 6378.1 km sphere
    expect(r.list[1].dist).toBeCloseTo(0.01 * (Math.PI / 180) * 6378100 * Math.cos((39.9087 * Math.PI) / 180), -1)
  })
})
