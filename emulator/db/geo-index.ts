/**
 * The spatial index behind a declared `2dsphere` index: a point quadtree over longitude/latitude
 * with an exact best-first nearest-neighbour walk (Hjaltason & Samet). Each tree node carries a
 * lower bound of the great-circle distance from the query point to anything inside its box, so
 * records come out strictly nearest first — the same haversine distances and the same order
 * (ties by insertion order) as computing the distance to every record and sorting, while only the
 * boxes near the point are opened. Kept in memory beside the collection, updated on every write.
 */
import { distance, EARTH_RADIUS_M, type Pos } from './geo'

interface Entry {
  key: string
  pos: Pos
  /** Insertion order of the record in its collection: ties in distance keep it. */
  ord: number
  node: Node | null
}

interface Node {
  x0: number
  y0: number
  x1: number
  y1: number
  depth: number
  items: Entry[] | null
  kids: Node[] | null
}

const LEAF_SIZE = 32
const MAX_DEPTH = 24
const rad = (d: number) => (d * Math.PI) / 180

function leaf(x0: number, y0: number, x1: number, y1: number, depth: number): Node {
  return { x0, y0, x1, y1, depth, items: [], kids: null }
}

const inWorld = (p: Pos) => p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90

/** Smallest longitude difference between a and b, across the antimeridian (degrees, 0..180). */
function lngGap(a: number, b: number): number {
  const d = Math.abs(a - b) % 360
  return d > 180 ? 360 - d : d
}

/**
 * A lower bound (metres) of the haversine distance from p to any point of the box: each term of
 * h = sin²(Δlat/2) + cos(lat_p)·cos(lat_q)·sin²(Δlng/2) is at least its minimum over the box
 * (cos is smallest at a latitude edge). Shaved by a hair so rounding never makes it exceed the
 * exact distance of a point on the box's edge.
 */
function lowerBound(p: Pos, n: Node): number {
  const [lng, lat] = p
  const dLat = lat < n.y0 ? n.y0 - lat : lat > n.y1 ? lat - n.y1 : 0
  const dLng = lng >= n.x0 && lng <= n.x1 ? 0 : Math.min(lngGap(lng, n.x0), lngGap(lng, n.x1))
  if (dLat === 0 && dLng === 0) return 0
  const minCos = Math.max(0, Math.min(Math.cos(rad(n.y0)), Math.cos(rad(n.y1))))
  const h = Math.sin(rad(dLat) / 2) ** 2 + Math.cos(rad(lat)) * minCos * Math.sin(rad(dLng) / 2) ** 2
  const d = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
  return Math.max(0, d * (1 - 1e-9) - 1e-6)
}

/** Binary min-heap of nodes and entries by (distance, nodes first, insertion order). */
interface Item {
  d: number
  node?: Node
  entry?: Entry
}
function before(a: Item, b: Item): boolean {
  if (a.d !== b.d) return a.d < b.d
  if (!a.entry !== !b.entry) return !a.entry
  return (a.entry?.ord ?? 0) < (b.entry?.ord ?? 0)
}
class Heap {
  private a: Item[] = []
  get size() {
    return this.a.length
  }
  push(x: Item) {
    const a = this.a
    a.push(x)
    let i = a.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!before(a[i], a[p])) break
      ;[a[i], a[p]] = [a[p], a[i]]
      i = p
    }
  }
  pop(): Item | undefined {
    const a = this.a
    const top = a[0]
    const last = a.pop()
    if (a.length && last) {
      a[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < a.length && before(a[l], a[m])) m = l
        if (r < a.length && before(a[r], a[m])) m = r
        if (m === i) break
        ;[a[i], a[m]] = [a[m], a[i]]
        i = m
      }
    }
    return top
  }
}

export class GeoIndex {
  private root = leaf(-180, -90, 180, 90, 0)
  private entries = new Map<string, Entry>()
  /** Positions outside [-180, 180] × [-90, 90]: not in the tree, always considered. */
  private strays = new Set<Entry>()

  get size(): number {
    return this.entries.size
  }

  /** Index (or re-index) a record's point; `null` removes it. */
  set(key: string, pos: Pos | null, ord: number): void {
    const old = this.entries.get(key)
    if (old && pos && old.pos[0] === pos[0] && old.pos[1] === pos[1]) {
      old.ord = ord
      return
    }
    if (old) this.delete(key)
    if (!pos) return
    const e: Entry = { key, pos: [pos[0], pos[1]], ord, node: null }
    this.entries.set(key, e)
    if (inWorld(e.pos)) this.insert(this.root, e)
    else this.strays.add(e)
  }

  delete(key: string): void {
    const e = this.entries.get(key)
    if (!e) return
    this.entries.delete(key)
    this.strays.delete(e)
    const items = e.node?.items
    if (items) items.splice(items.indexOf(e), 1)
  }

  /** Every indexed record, nearest first: `{key, dist}` with dist = haversine(record, point) in metres. */
  *nearest(point: Pos): Generator<{ key: string; dist: number }> {
    const heap = new Heap()
    heap.push({ d: lowerBound(point, this.root), node: this.root })
    for (const e of this.strays) heap.push({ d: distance(e.pos, point), entry: e })
    for (let top = heap.pop(); top; top = heap.pop()) {
      if (top.entry) {
        yield { key: top.entry.key, dist: top.d }
        continue
      }
      const n = top.node as Node
      if (n.kids) for (const k of n.kids) heap.push({ d: lowerBound(point, k), node: k })
      else for (const e of n.items ?? []) heap.push({ d: distance(e.pos, point), entry: e })
    }
  }

  private insert(n: Node, e: Entry): void {
    let node = n
    while (node.kids) node = node.kids[this.quadrant(node, e.pos)]
    const items = node.items as Entry[]
    items.push(e)
    e.node = node
    if (items.length > LEAF_SIZE && node.depth < MAX_DEPTH) this.split(node)
  }

  private quadrant(n: Node, p: Pos): number {
    const mx = (n.x0 + n.x1) / 2
    const my = (n.y0 + n.y1) / 2
    return (p[0] >= mx ? 1 : 0) + (p[1] >= my ? 2 : 0)
  }

  private split(n: Node): void {
    const mx = (n.x0 + n.x1) / 2
    const my = (n.y0 + n.y1) / 2
    const d = n.depth + 1
    n.kids = [leaf(n.x0, n.y0, mx, my, d), leaf(mx, n.y0, n.x1, my, d), leaf(n.x0, my, mx, n.y1, d), leaf(mx, my, n.x1, n.y1, d)]
    const items = n.items as Entry[]
    n.items = null
    for (const e of items) this.insert(n.kids[this.quadrant(n, e.pos)], e)
  }
}
