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
  return EJSON.stringify(v as any, { relaxed: false })
}

export function clone<T>(v: T): T {
  return structuredClone(v)
}

export { isPlainObject }
