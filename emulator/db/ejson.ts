import { BSONRegExp, EJSON } from 'bson'
import { jsonTooDeep, MAX_JSON_DEPTH } from '../json-depth'
import { errors } from './errors'

export type Doc = Record<string, any>

/** Flags JS RegExp understands; MongoDB's `x` (extended) has no JS equivalent and is dropped. */
function jsFlags(options: string): string {
  return [...new Set(options.split(''))].filter((f) => 'imsu'.includes(f)).join('')
}

/** A plain object (from any realm: structuredClone and jest's vm contexts have their own Object.prototype). */
function isPlainObject(v: unknown): v is Doc {
  if (v === null || typeof v !== 'object') return false
  if (Object.prototype.toString.call(v) !== '[object Object]') return false
  const proto = Object.getPrototypeOf(v)
  return proto === null || Object.getPrototypeOf(proto) === null
}

/**
 * Turns EJSON-parsed values into what the query engine works with: BSONRegExp → RegExp,
 * `{$tcb_server_date: {offset}}` (db.serverDate()) → Date(now + offset).
 */
export function normalize(v: any, now: number): any {
  if (v instanceof BSONRegExp) return new RegExp(v.pattern, jsFlags(v.options))
  if (Array.isArray(v)) return v.map((x) => normalize(x, now))
  if (isPlainObject(v)) {
    const keys = Object.keys(v)
    if (keys.length === 1 && keys[0] === '$tcb_server_date') {
      const offset = Number(v.$tcb_server_date?.offset ?? 0) || 0
      return new Date(now + offset)
    }
    const out: Doc = {}
    for (const k of keys) {
      // a `__proto__` key stays an own (data) key, never the object's prototype
      if (k === '__proto__')
        Object.defineProperty(out, k, { value: normalize(v[k], now), enumerable: true, writable: true, configurable: true })
      else out[k] = normalize(v[k], now)
    }
    return out
  }
  return v
}

/** EJSON wrappers ({"$date":{"$numberLong":…}}) add a few levels to a document's own depth. */
const MAX_EJSON_DEPTH = MAX_JSON_DEPTH + 3

/** Parses an EJSON string sent by the SDK (canonical or relaxed); text nested deeper than a document may be is refused before parsing. */
export function decode(text: unknown, now: number = Date.now()): any {
  if (text === undefined || text === null || text === '') return undefined
  if (typeof text !== 'string') return normalize(text, now)
  if (jsonTooDeep(text, MAX_EJSON_DEPTH)) throw errors.requestFailed(`Document exceeds maximum nesting depth of ${MAX_JSON_DEPTH}`)
  return normalize(EJSON.parse(text, { relaxed: true }), now)
}

/** Canonical EJSON text, as the service answers (keeps Date, int/double, RegExp, Long). */
export function encode(v: unknown): string {
  try {
    return fastEncode(v)
  } catch (e) {
    if (e === UNUSUAL) return EJSON.stringify(v as any, { relaxed: false })
    throw e
  }
}

const UNUSUAL = Symbol('not a plain value')
const INT32_MIN = -2147483648
const INT32_MAX = 2147483647

/**
 * bson's canonical EJSON for the values records are made of (strings, booleans, null, int32 and
 * fractional numbers, dates, arrays, plain objects), written directly: the same text as
 * `EJSON.stringify(v, {relaxed: false})` at a fraction of the cost. Anything else (other
 * integers, -0, NaN, bson types, RegExp, undefined…) throws UNUSUAL and bson encodes the value.
 */
function fastEncode(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v)
    case 'boolean':
      return v ? 'true' : 'false'
    case 'number':
      if (Number.isInteger(v)) {
        if (v >= INT32_MIN && v <= INT32_MAX && !Object.is(v, -0)) return `{"$numberInt":"${v}"}`
        throw UNUSUAL
      }
      if (Number.isFinite(v)) return `{"$numberDouble":"${v}"}`
      throw UNUSUAL
    case 'object': {
      if (v === null) return 'null'
      if (Array.isArray(v)) return `[${v.map(fastEncode).join(',')}]`
      if (Object.prototype.toString.call(v) === '[object Date]') {
        const t = (v as Date).getTime()
        if (Number.isFinite(t)) return `{"$date":{"$numberLong":"${t}"}}`
        throw UNUSUAL
      }
      if (!isPlainObject(v)) throw UNUSUAL
      let out = '{'
      let first = true
      for (const k of Object.keys(v)) {
        out += `${first ? '' : ','}${JSON.stringify(k)}:${fastEncode((v as Doc)[k])}`
        first = false
      }
      return `${out}}`
    }
    default:
      throw UNUSUAL
  }
}

/**
 * A deep copy whose Dates, RegExps, arrays and plain objects belong to the realm this module runs
 * in. Node's `structuredClone` makes them in Node's own realm: under jest (a vm context) the query
 * engine then saw a stored Date and a new one as two empty objects, "equal", and dropped the `$set`
 * of a Date field that already held a Date. Other objects (binary data) go to structuredClone.
 */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(clone) as T
  const tag = Object.prototype.toString.call(v)
  if (tag === '[object Date]') return new Date((v as unknown as Date).getTime()) as T
  if (tag === '[object RegExp]') return new RegExp((v as unknown as RegExp).source, (v as unknown as RegExp).flags) as T
  if (isPlainObject(v)) {
    const copy: Doc = {}
    for (const k of Object.keys(v)) copy[k] = clone((v as Doc)[k])
    return copy as T
  }
  return structuredClone(v)
}

export { isPlainObject }
