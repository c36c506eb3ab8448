/**
 * The database answers records as canonical Extended JSON (what the SDK's `EJSON.parse` reads).
 * The emulator writes the common cases itself for speed; the text must be byte for byte what
 * bson's `EJSON.stringify(v, {relaxed: false})` writes, for every kind of value.
 */
import { EJSON, Long, ObjectId } from 'bson'
import { encode } from '../../emulator/db/ejson'

function rng(seed: number) {
  let s = seed
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296
    return s / 4294967296
  }
}

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  2147483647,
  2147483648,
  -2147483648,
  -2147483649,
  1.5,
  1e21,
  1e-7,
  0.1 + 0.2,
  5e-324,
  2 ** 53 + 2,
  Number.NaN,
  Infinity,
  -Infinity,
]
const canonical = (v: unknown) => EJSON.stringify(v as any, { relaxed: false })

test('every scalar kind encodes as bson does', () => {
  const values: unknown[] = [
    ...NUMBERS,
    'a"\\b\u2028\u0000中文',
    '',
    true,
    false,
    null,
    new Date(0),
    new Date(-1),
    new Date(Number.NaN),
    /re/i,
    Long.fromString('9007199254740993'),
    new ObjectId('64b7f0f0f0f0f0f0f0f0f0f0'),
    undefined,
  ]
  for (const v of values) {
    expect(encode({ v })).toBe(canonical({ v }))
    expect(encode([v])).toBe(canonical([v]))
  }
})

test('random nested records encode as bson does', () => {
  const r = rng(3)
  const scalar = () => {
    const k = Math.floor(r() * 7)
    if (k === 0) return Math.floor((r() - 0.5) * 1e6)
    if (k === 1) return (r() - 0.5) * 1e3
    if (k === 2) return `s${Math.floor(r() * 1000)}`
    if (k === 3) return r() < 0.5
    if (k === 4) return null
    if (k === 5) return new Date(Math.floor(r() * 2e12))
    return NUMBERS[Math.floor(r() * NUMBERS.length)]
  }
  const value = (depth: number): unknown => {
    const k = r()
    if (depth > 3 || k < 0.5) return scalar()
    if (k < 0.75) return Array.from({ length: Math.floor(r() * 4) }, () => value(depth + 1))
    return Object.fromEntries(Array.from({ length: Math.floor(r() * 4) }, (_x, i) => [`k${i}${r() < 0.1 ? '.$x' : ''}`, value(depth + 1)]))
  }
  for (let i = 0; i < 500; i++) {
    const doc = { _id: `d${i}`, body: value(0), loc: { type: 'Point', coordinates: [121 + r(), 31 + r()] } }
    expect(encode(doc)).toBe(canonical(doc))
  }
})
