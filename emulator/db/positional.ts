/**
 * Positional update paths (WeChat cloud database guide, 查询、更新数组/嵌套对象 — "更新数组中的元素",
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/query-array-object.html;
 * MongoDB's `$` and `$[]`):
 * - `arr.$` (and `arr.$.field`) is the first element of `arr` that the update's query matched;
 * - `arr.$[]` (and `arr.$[].field`) is every element of `arr`.
 * They are rewritten into concrete index paths (`arr.2.field`) per record before the update runs,
 * so `_.remove()` on `arr.$` leaves `null` in the array, as MongoDB's `$unset` does.
 */
import type { Doc } from './ejson'
import { isPlainObject } from './ejson'
import { errors } from './errors'
import { compile } from './query'

const isPositional = (seg: string) => seg === '$' || seg === '$[]'

export function hasPositional(spec: Doc): boolean {
  for (const fields of Object.values(spec))
    if (isPlainObject(fields)) for (const path of Object.keys(fields)) if (path.split('.').some(isPositional)) return true
  return false
}

/** `spec` with every positional path of every operator replaced by the concrete paths for `doc`. */
export function expandPositional(doc: Doc, spec: Doc, query: Doc | undefined): Doc {
  const out: Doc = {}
  for (const [op, fields] of Object.entries(spec)) {
    if (!isPlainObject(fields)) {
      out[op] = fields
      continue
    }
    const expanded: Doc = {}
    for (const [path, value] of Object.entries(fields)) {
      const segs = path.split('.')
      if (!segs.some(isPositional)) {
        expanded[path] = value
        continue
      }
      if (op === '$rename') throw errors.writeError(`The source field for $rename may not be dynamic: ${path}`)
      if (segs.filter((s) => s === '$').length > 1)
        throw errors.writeError(`Too many positional (i.e. '$') elements found in path '${path}'`)
      for (const concrete of concretePaths(doc, segs, query)) expanded[concrete] = value
    }
    out[op] = expanded
  }
  return out
}

function concretePaths(doc: Doc, segs: string[], query: Doc | undefined): string[] {
  const out: string[] = []
  const walk = (cur: unknown, i: number, prefix: string[]) => {
    if (i === segs.length) {
      out.push(prefix.join('.'))
      return
    }
    const seg = segs[i]
    if (seg === '$') {
      const idx = Array.isArray(cur) ? matchedIndex(doc, prefix.join('.'), cur, query) : -1
      if (idx < 0) throw errors.writeError('The positional operator did not find the match needed from the query.')
      walk((cur as unknown[])[idx], i + 1, [...prefix, String(idx)])
      return
    }
    if (seg === '$[]') {
      if (!Array.isArray(cur))
        throw errors.writeError(`The path '${prefix.join('.')}' must exist in the document in order to apply array updates.`)
      for (let j = 0; j < cur.length; j++) walk(cur[j], i + 1, [...prefix, String(j)])
      return
    }
    const next = cur !== null && typeof cur === 'object' && Object.hasOwn(cur, seg) ? (cur as Doc)[seg] : undefined
    walk(next, i + 1, [...prefix, seg])
  }
  walk(doc, 0, [])
  return out
}

/** Conditions of the query (top level and inside `$and`) on the array or on fields of its elements. */
function conditionsOn(query: Doc | undefined, arrayPath: string, out: Doc[] = []): Doc[] {
  if (!query) return out
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) for (const sub of v) conditionsOn(sub, arrayPath, out)
    else if (k === arrayPath || k.startsWith(`${arrayPath}.`)) out.push({ [k]: v })
  }
  return out
}

/** Index of the first element for which every condition on the array holds, -1 if none. */
function matchedIndex(doc: Doc, arrayPath: string, arr: unknown[], query: Doc | undefined): number {
  const conds = conditionsOn(query, arrayPath).map((c) => compile(c))
  if (!conds.length) return -1
  for (let i = 0; i < arr.length; i++) {
    const probe = withValue(doc, arrayPath.split('.'), [arr[i]])
    if (conds.every((q) => q.test(probe))) return i
  }
  return -1
}

/** A shallow copy of `doc` with `value` at `path` (copies only along the path). */
function withValue(doc: Doc, path: string[], value: unknown): Doc {
  const root: Doc = { ...doc }
  let cur: any = root
  for (let i = 0; i < path.length - 1; i++) {
    const next = cur[path[i]]
    cur[path[i]] = Array.isArray(next) ? [...next] : { ...(next ?? {}) }
    cur = cur[path[i]]
  }
  cur[path[path.length - 1]] = value
  return root
}
