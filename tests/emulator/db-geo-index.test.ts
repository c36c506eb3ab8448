/**
 * The index behind declared 2dsphere indexes gives exactly what computing every distance and
 * sorting gives: the same records, the same haversine distances (MongoDB's 6378.1 km sphere), the
 * same order (equal distances keep insertion order) — across the antimeridian, near the poles,
 * with duplicates, after updates and removals. Checked on the index itself and through the SDK.
 */
import { GeoIndex } from '../../emulator/db/geo-index'
import { type Harness, startHarness } from './helpers/db-harness'

const R = 6378100
const rad = (d: number) => (d * Math.PI) / 180
function haversine(a: [number, number], b: [number, number]): number {
  const dLat = rad(b[1] - a[1])
  const dLng = rad(b[0] - a[0])
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)))
}

function rng(seed: number) {
  let s = seed
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296
    return s / 4294967296
  }
}

/** A world of points: a dense town, the antimeridian, the poles, exact duplicates. */
function world(n: number, seed = 7): { key: string; pos: [number, number] }[] {
  const r = rng(seed)
  const out: { key: string; pos: [number, number] }[] = []
  for (let i = 0; i < n; i++) {
    const kind = i % 5
    let pos: [number, number]
    if (kind === 0) pos = [121.57 + (r() - 0.5) * 0.2, 31.12 + (r() - 0.5) * 0.2]
    else if (kind === 1) pos = [r() < 0.5 ? 179.9 + r() * 0.1 : -180 + r() * 0.1, (r() - 0.5) * 10]
    else if (kind === 2) pos = [(r() - 0.5) * 360, 89 + r()]
    else if (kind === 3) pos = [(r() - 0.5) * 360, (r() - 0.5) * 180]
    else pos = out[Math.floor(r() * out.length)]?.pos ?? [0, 0]
    out.push({ key: `k${i}`, pos: [pos[0], pos[1]] })
  }
  return out
}

const QUERIES: [number, number][] = [
  [121.572, 31.117],
  [180, 0],
  [-179.95, 2],
  [0, 90],
  [45, -89.9],
  [0, 0],
  [-73.98, 40.75],
]

function bruteForce(points: { key: string; pos: [number, number] }[], q: [number, number]) {
  return points
    .map((p, i) => ({ key: p.key, dist: haversine(p.pos, q), i }))
    .sort((a, b) => a.dist - b.dist || a.i - b.i)
    .map(({ key, dist }) => ({ key, dist }))
}

test('nearest-first walk equals computing every distance and sorting, including after updates and removals', () => {
  const points = world(3000)
  const idx = new GeoIndex()
  for (const [i, p] of points.entries()) idx.set(p.key, p.pos, i)
  for (const q of QUERIES) expect([...idx.nearest(q)]).toEqual(bruteForce(points, q))
  // move some, remove some (a removed record must never come back; a moved one is found at its new place)
  const r = rng(99)
  for (let i = 0; i < 300; i++) {
    const j = Math.floor(r() * points.length)
    points[j] = { key: points[j].key, pos: [(r() - 0.5) * 360, (r() - 0.5) * 180] }
    idx.set(points[j].key, points[j].pos, j)
  }
  const removed = new Set(points.filter((_p, i) => i % 7 === 3).map((p) => p.key))
  for (const k of removed) idx.delete(k)
  const left = points.filter((p) => !removed.has(p.key))
  for (const q of QUERIES) expect([...idx.nearest(q)]).toEqual(bruteForce(left, q))
})

describe('through the SDK', () => {
  let h: Harness
  let db: any
  beforeAll(async () => {
    h = await startHarness()
    db = h.cloud.database()
  })
  afterAll(() => h.close())

  test('aggregate geoNear and where(geoNear) answer in brute-force order with brute-force distances', async () => {
    const points = world(1500, 11)
    h.db.insert(
      'places',
      points.map((p, i) => ({ _id: p.key, loc: { type: 'Point', coordinates: p.pos }, even: i % 2 === 0 })),
    )
    h.db.insert('places', [{ _id: 'no-point', loc: 'not a point' }])
    const evenKeys = new Set(points.filter((_p, i) => i % 2 === 0).map((p) => p.key))
    for (const q of QUERIES) {
      const expected = bruteForce(points, q)
      const agg = await db
        .collection('places')
        .aggregate()
        .geoNear({ distanceField: 'd', spherical: true, near: new db.Geo.Point(q[0], q[1]), query: { even: true } })
        .limit(200)
        .end()
      const wanted = expected.filter((e) => evenKeys.has(e.key)).slice(0, 200)
      expect(agg.list.map((d: any) => d._id)).toEqual(wanted.map((e) => e.key))
      expect(agg.list.map((d: any) => d.d)).toEqual(wanted.map((e) => e.dist))
      const within = await db
        .collection('places')
        .where({ loc: db.command.geoNear({ geometry: new db.Geo.Point(q[0], q[1]), maxDistance: 2_000_000 }) })
        .limit(100)
        .get()
      expect(within.data.map((d: any) => d._id)).toEqual(
        expected
          .filter((e) => e.dist <= 2_000_000)
          .slice(0, 100)
          .map((e) => e.key),
      )
    }
  })

  test('where(geoNear) with an _id condition (paging past seen ids) still answers nearest first', async () => {
    const q: [number, number] = [10, 10]
    // inserted farthest first, so natural order is the reverse of distance order
    const town = Array.from({ length: 60 }, (_v, i) => ({
      _id: `t${String(i).padStart(2, '0')}`,
      tag: 'paging',
      loc: { type: 'Point', coordinates: [q[0] + 0.0005 * (60 - i), q[1]] },
    }))
    h.db.insert('places', town)
    const seen = ['t59', 't58']
    const got = await db
      .collection('places')
      .where({ tag: 'paging', loc: db.command.geoNear({ geometry: new db.Geo.Point(q[0], q[1]) }), _id: db.command.nin(seen) })
      .limit(5)
      .get()
    expect(got.data.map((d: any) => d._id)).toEqual(['t57', 't56', 't55', 't54', 't53'])
    const picked = await db
      .collection('places')
      .where({
        tag: 'paging',
        loc: db.command.geoNear({ geometry: new db.Geo.Point(q[0], q[1]) }),
        _id: db.command.in(['t00', 't30', 't50']),
      })
      .get()
    expect(picked.data.map((d: any) => d._id)).toEqual(['t50', 't30', 't00'])
  })
})
