/**
 * MongoDB's sort order (the service runs MongoDB): values of different BSON types compare by
 * type — null/missing < numbers < strings < objects < arrays < binData < ObjectId < booleans <
 * dates < timestamps < regular expressions — and an array-valued sort field sorts by its smallest
 * element ascending and its largest descending; an empty array sorts before null/missing.
 * (mingo compares mixed types differently and does not reduce arrays.)
 */
import { resolve } from 'mingo/util'
import { type Doc, isPlainObject } from './ejson'

const EMPTY_ARRAY = Symbol('empty array')

/** Realm-independent type tag (structuredClone and jest's vm contexts have their own Date/RegExp). */
const tag = (v: unknown) => Object.prototype.toString.call(v).slice(8, -1)

function typeRank(v: unknown): number {
  if (v === (EMPTY_ARRAY as unknown)) return 0
  if (v === null || v === undefined) return 1
  if (typeof v === 'number' || typeof v === 'bigint') return 2
  if (typeof v === 'string' || typeof v === 'symbol') return 3
  if (Array.isArray(v)) return 5
  if (tag(v) === 'Date') return 9
  if (tag(v) === 'RegExp') return 11
  if (typeof v === 'boolean') return 8
  if (tag(v) === 'Uint8Array') return 6
  const bsontype = (v as { _bsontype?: string })?._bsontype
  if (bsontype === 'ObjectId') return 7
  if (bsontype === 'Timestamp') return 10
  if (bsontype === 'Long' || bsontype === 'Double' || bsontype === 'Int32' || bsontype === 'Decimal128') return 2
  return 4
}

function num(v: unknown): number {
  if (typeof v === 'number') return v
  if (typeof v === 'bigint') return Number(v)
  const n = Number((v as { valueOf(): unknown }).valueOf?.())
  return Number.isNaN(n) ? Number(String(v)) : n
}

const sign = (x: number) => (x < 0 ? -1 : x > 0 ? 1 : 0)

/** Total order over stored values, as MongoDB compares them. */
export function bsonCompare(a: unknown, b: unknown): number {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return sign(ra - rb)
  switch (ra) {
    case 0:
    case 1:
      return 0
    case 2: {
      const x = num(a)
      const y = num(b)
      if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1 // NaN sorts before every other number
      if (Number.isNaN(y)) return 1
      return sign(x - y)
    }
    case 3: {
      // binary (UTF-8 byte) order, like MongoDB's default (no collation)
      const x = Buffer.from(String(a))
      const y = Buffer.from(String(b))
      return sign(Buffer.compare(x, y))
    }
    case 5: {
      const x = a as unknown[]
      const y = b as unknown[]
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = bsonCompare(x[i], y[i])
        if (c) return c
      }
      return sign(x.length - y.length)
    }
    case 8:
      return sign(Number(a) - Number(b))
    case 9:
      return sign((a as Date).getTime() - (b as Date).getTime())
    case 11: {
      const x = a as RegExp
      const y = b as RegExp
      return bsonCompare(x.source, y.source) || bsonCompare(x.flags, y.flags)
    }
    case 4: {
      if (!isPlainObject(a) || !isPlainObject(b)) return bsonCompare(String(a), String(b))
      const ka = Object.keys(a)
      const kb = Object.keys(b)
      for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
        const c = sign(typeRank(a[ka[i]]) - typeRank(b[kb[i]])) || bsonCompare(ka[i], kb[i]) || bsonCompare(a[ka[i]], b[kb[i]])
        if (c) return c
      }
      return sign(ka.length - kb.length)
    }
    default:
      return bsonCompare(String(a), String(b))
  }
}

/** The value a document sorts by on `path`: arrays reduce to their min (asc) / max (desc) element. */
function sortKey(doc: Doc, path: string, dir: 1 | -1): unknown {
  const v = resolve(doc as any, path)
  if (!Array.isArray(v)) return v
  const flat = v.flat()
  if (!flat.length) return EMPTY_ARRAY
  let best = flat[0]
  for (const x of flat.slice(1)) if (bsonCompare(x, best) * dir < 0) best = x
  return best
}

/** Stable multi-key sort with MongoDB semantics. */
export function mongoSort<T extends Doc>(docs: T[], order: Record<string, number>): T[] {
  const keys = Object.entries(order).map(([path, d]) => [path, Number(d) < 0 ? -1 : 1] as [string, 1 | -1])
  if (!keys.length) return docs
  const rows = docs.map((d, i) => ({ d, i, k: keys.map(([p, dir]) => sortKey(d, p, dir)) }))
  rows.sort((x, y) => {
    for (let j = 0; j < keys.length; j++) {
      const c = bsonCompare(x.k[j], y.k[j]) * keys[j][1]
      if (c) return c
    }
    return x.i - y.i
  })
  return rows.map((r) => r.d)
}
