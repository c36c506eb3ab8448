/** Spherical geometry for geoNear / geoWithin / geoIntersects (GeoJSON, [longitude, latitude]). */

/** MongoDB's earth radius (kRadiusOfEarthInMeters = 6378.1 km). */
export const EARTH_RADIUS_M = 6378100

export type Pos = [number, number]

const rad = (d: number) => (d * Math.PI) / 180

/** Great-circle distance in metres (haversine). */
export function distance(a: Pos, b: Pos): number {
  const dLat = rad(b[1] - a[1])
  const dLng = rad(b[0] - a[0])
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

function isPos(v: any): v is Pos {
  return Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number'
}

/** A GeoJSON value reduced to points, segments and polygons (rings). */
interface Shape {
  points: Pos[]
  segments: [Pos, Pos][]
  polygons: Pos[][][]
}

export function toShape(g: any): Shape | null {
  if (isPos(g)) return { points: [g], segments: [], polygons: [] }
  if (!g || typeof g !== 'object' || typeof g.type !== 'string') return null
  const s: Shape = { points: [], segments: [], polygons: [] }
  const line = (pts: Pos[]) => {
    for (const p of pts) s.points.push(p)
    for (let i = 0; i + 1 < pts.length; i++) s.segments.push([pts[i], pts[i + 1]])
  }
  const c = g.coordinates
  switch (g.type) {
    case 'Point':
      if (!isPos(c)) return null
      s.points.push(c)
      break
    case 'MultiPoint':
      for (const p of c ?? []) s.points.push(p)
      break
    case 'LineString':
      line(c ?? [])
      break
    case 'MultiLineString':
      for (const l of c ?? []) line(l)
      break
    case 'Polygon':
      s.polygons.push(c ?? [])
      for (const ring of c ?? []) line(ring)
      break
    case 'MultiPolygon':
      for (const poly of c ?? []) {
        s.polygons.push(poly)
        for (const ring of poly) line(ring)
      }
      break
    default:
      return null
  }
  return s
}

/** The representative point of a stored location (Point or legacy [lng, lat]). */
export function pointOf(v: any): Pos | null {
  if (isPos(v)) return v
  if (v && v.type === 'Point' && isPos(v.coordinates)) return v.coordinates
  return null
}

function inRing(p: Pos, ring: Pos[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

function onSegment(p: Pos, a: Pos, b: Pos): boolean {
  const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
  if (Math.abs(cross) > 1e-12) return false
  return (
    Math.min(a[0], b[0]) - 1e-12 <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) + 1e-12 &&
    Math.min(a[1], b[1]) - 1e-12 <= p[1] &&
    p[1] <= Math.max(a[1], b[1]) + 1e-12
  )
}

function inPolygon(p: Pos, poly: Pos[][]): boolean {
  if (!poly.length) return false
  for (const ring of poly) for (let i = 0; i + 1 < ring.length; i++) if (onSegment(p, ring[i], ring[i + 1])) return true
  if (!inRing(p, poly[0])) return false
  for (let h = 1; h < poly.length; h++) if (inRing(p, poly[h])) return false
  return true
}

function segmentsIntersect(a: Pos, b: Pos, c: Pos, d: Pos): boolean {
  const o = (p: Pos, q: Pos, r: Pos) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]))
  const o1 = o(a, b, c),
    o2 = o(a, b, d),
    o3 = o(c, d, a),
    o4 = o(c, d, b)
  if (o1 !== o2 && o3 !== o4) return true
  return onSegment(c, a, b) || onSegment(d, a, b) || onSegment(a, c, d) || onSegment(b, c, d)
}

function pointTouches(p: Pos, s: Shape): boolean {
  if (s.points.some((q) => q[0] === p[0] && q[1] === p[1])) return true
  if (s.segments.some(([a, b]) => onSegment(p, a, b))) return true
  return s.polygons.some((poly) => inPolygon(p, poly))
}

export function intersects(a: Shape, b: Shape): boolean {
  if (a.points.some((p) => pointTouches(p, b))) return true
  if (b.points.some((p) => pointTouches(p, a))) return true
  for (const [p, q] of a.segments) for (const [r, s] of b.segments) if (segmentsIntersect(p, q, r, s)) return true
  return false
}

/** `$geoWithin`: every vertex of the stored geometry lies inside the query region. */
export function within(stored: Shape, region: { polygons?: Pos[][][]; center?: Pos; radiusM?: number }): boolean {
  if (!stored.points.length) return false
  return stored.points.every((p) => {
    if (region.center) return distance(p, region.center) <= (region.radiusM ?? 0)
    return (region.polygons ?? []).some((poly) => inPolygon(p, poly))
  })
}
