import { calculateObjectSize } from 'bson'
import { update as mingoUpdate } from 'mingo'
import { type Doc, encode, isPlainObject } from './ejson'
import { errors } from './errors'

const SUPPORTED = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pull',
  '$pullAll',
  '$pop',
  '$addToSet',
  '$currentDate',
  '$bit',
])
/** Operators that create the path if it is missing. */
const CREATING = new Set(['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate', '$bit'])
const ARRAY_OPS = new Set(['$push', '$addToSet', '$pop', '$pull', '$pullAll'])

function bsonType(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (v instanceof Date) return 'date'
  if (v instanceof RegExp) return 'regex'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'double'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'object') return 'object'
  return typeof v
}

function repr(v: unknown): string {
  try {
    return v === undefined ? 'undefined' : encode({ v }).slice(5, -1)
  } catch {
    return String(v)
  }
}

const own = (o: unknown, k: string) => o !== null && typeof o === 'object' && Object.hasOwn(o, k)

function getPath(doc: Doc, parts: string[]): unknown {
  let cur: any = doc
  for (const p of parts) {
    if (!own(cur, p)) return undefined
    cur = cur[p]
  }
  return cur
}

/**
 * Paths that would make the update engine walk into Object.prototype (`__proto__` anywhere, or an
 * inherited `constructor` / `prototype` on the way) are refused: MongoDB would store such fields,
 * the emulator must not pollute its own process.
 */
function checkSafePath(doc: Doc, path: string) {
  const parts = path.split('.')
  let cur: any = doc
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]
    if (p === '__proto__' || (i < parts.length - 1 && cur !== undefined && !own(cur, p) && p in Object(cur)))
      throw errors.writeError(`The field name '${p}' in path '${path}' is not supported by the local emulator`)
    cur = own(cur, p) ? cur[p] : undefined
  }
}

/** Mongo refuses to create a field inside a scalar/null ("Cannot create field 'b' in element {a: null}"). */
function checkTraversal(doc: Doc, path: string) {
  const parts = path.split('.')
  let cur: any = doc
  for (let i = 0; i < parts.length - 1; i++) {
    const v = own(cur, parts[i]) ? cur[parts[i]] : undefined
    if (v === undefined) return
    const next = parts[i + 1]
    if (Array.isArray(v)) {
      if (!/^\d+$/.test(next)) throw errors.writeError(`Cannot create field '${next}' in element {${parts[i]}: ${repr(v)}}`)
      cur = v
      continue
    }
    if (isPlainObject(v)) {
      cur = v
      continue
    }
    throw errors.writeError(`Cannot create field '${next}' in element {${parts[i]}: ${repr(v)}}`)
  }
}

function checkConflicts(paths: string[]) {
  for (let i = 0; i < paths.length; i++)
    for (let j = 0; j < paths.length; j++) {
      if (i === j) continue
      const a = paths[i],
        b = paths[j]
      if (a === b || b.startsWith(`${a}.`)) throw errors.writeError(`Updating the path '${b}' would create a conflict at '${a}'`)
    }
}

/**
 * Applies a MongoDB update document (what the SDK's UpdateSerializer produces: $set, $unset for
 * _.remove(), $inc, $mul, $min, $max, $rename, $push (with $each/$position/$slice/$sort; _.unshift
 * is $push with $position 0), $pop (_.shift is $pop -1), $pull, $pullAll, $addToSet) in place.
 * Returns whether the document changed.
 */
export function applyUpdate(doc: Doc, spec: Doc): boolean {
  const ops = Object.keys(spec)
  if (!ops.length) throw errors.writeError("'$set' is empty. You must specify a field like so: {$set: {<field>: ...}}")
  const idRepr = repr(doc._id)
  const allPaths: string[] = []
  for (const op of ops) {
    if (!op.startsWith('$'))
      throw errors.writeError(`Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`)
    if (!SUPPORTED.has(op))
      throw errors.writeError(`Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`)
    const fields = spec[op]
    if (!isPlainObject(fields)) throw errors.writeError(`Modifiers operate on fields but we found type ${bsonType(fields)} instead.`)
    for (const path of Object.keys(fields)) {
      allPaths.push(path)
      checkSafePath(doc, path)
      if (op === '$rename') {
        allPaths.push(String(fields[path]))
        checkSafePath(doc, String(fields[path]))
      }
      checkSafeKeys(fields[path])
      const touched = op === '$rename' ? [path, String(fields[path])] : [path]
      for (const p of touched)
        if (p === '_id' || p.startsWith('_id.'))
          throw errors.writeError(`Performing an update on the path '_id' would modify the immutable field '_id'`)
      const current = getPath(doc, path.split('.'))
      if (CREATING.has(op)) checkTraversal(doc, path)
      if (op === '$rename') checkTraversal(doc, String(fields[path]))
      if ((op === '$inc' || op === '$mul') && typeof fields[path] !== 'number')
        throw errors.writeError(
          `Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${repr(fields[path])}}`,
        )
      if ((op === '$inc' || op === '$mul') && current !== undefined && typeof current !== 'number')
        throw errors.writeError(
          `Cannot apply ${op} to a value of non-numeric type. {_id: ${idRepr}} has the field '${path}' of non-numeric type ${bsonType(current)}`,
        )
      if (ARRAY_OPS.has(op) && current !== undefined && !Array.isArray(current)) {
        if (op === '$pull' || op === '$pullAll') throw errors.writeError(`Cannot apply ${op} to a non-array value`)
        if (op === '$pop') throw errors.writeError(`Path '${path}' contains an element of non-array type '${bsonType(current)}'`)
        throw errors.writeError(`The field '${path}' must be an array but is of type ${bsonType(current)} in document {_id: ${idRepr}}`)
      }
    }
  }
  checkConflicts(allPaths)
  let changed = false
  for (const op of ops) {
    try {
      const modified = mingoUpdate(doc, { [op]: spec[op] } as any, [], undefined, { cloneMode: 'deep' })
      if (modified.length) changed = true
    } catch (e) {
      throw errors.writeError((e as Error).message)
    }
  }
  if (changed) checkLimits(doc, 'update')
  return changed
}

/** MongoDB's limits: a BSON document is at most 16 MiB and at most 100 levels deep. */
export const MAX_BSON_SIZE = 16 * 1024 * 1024
export const MAX_DEPTH = 100

function depthOf(v: unknown, limit: number, level = 1): number {
  if (level > limit) return level
  let max = level
  const kids = Array.isArray(v) ? v : isPlainObject(v) ? Object.values(v) : []
  for (const k of kids)
    if (Array.isArray(k) || isPlainObject(k)) {
      max = Math.max(max, depthOf(k, limit, level + 1))
      if (max > limit) break
    }
  return max
}

/** `__proto__` keys are refused anywhere in stored data (see checkSafePath). */
function checkSafeKeys(v: unknown, level = 0) {
  if (level > MAX_DEPTH + 1) return
  if (Array.isArray(v)) for (const x of v) checkSafeKeys(x, level + 1)
  else if (v !== null && typeof v === 'object' && !['[object Date]', '[object RegExp]'].includes(Object.prototype.toString.call(v))) {
    if (Object.hasOwn(v, '__proto__') || (!isPlainObject(v) && !(v as any)._bsontype))
      throw errors.writeError("The field name '__proto__' is not supported by the local emulator")
    for (const x of Object.values(v)) checkSafeKeys(x, level + 1)
  }
}

function checkLimits(doc: Doc, kind: 'insert' | 'update') {
  if (depthOf(doc, MAX_DEPTH) > MAX_DEPTH) throw errors.writeError(`Document exceeds maximum nesting depth of ${MAX_DEPTH}`)
  let size: number
  try {
    size = calculateObjectSize(doc)
  } catch (e) {
    throw errors.writeError((e as Error).message)
  }
  if (size > MAX_BSON_SIZE)
    throw errors.writeError(
      kind === 'insert'
        ? `object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_SIZE}`
        : `Resulting document after update is larger than ${MAX_BSON_SIZE}`,
    )
}

/**
 * A record as stored by insert (`kind` insert) or replace (`set`, kind update): top-level `$` keys
 * are not valid for storage (MongoDB ≥ 3.6 accepts nested `$` keys and dotted names), and the
 * document must fit MongoDB's size and depth limits.
 */
export function checkStorable(doc: Doc, kind: 'insert' | 'update' = 'insert') {
  for (const k of Object.keys(doc))
    if (k.startsWith('$')) throw errors.writeError(`The dollar ($) prefixed field '${k}' in '${k}' is not valid for storage.`)
  checkSafeKeys(doc)
  checkLimits(doc, kind)
}
