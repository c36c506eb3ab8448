/**
 * Paging cursors: the position after the last row of a page, as an opaque base64url string the
 * client hands back. A cursor that does not decode to the expected shape is INVALID_ARGUMENT.
 */
import { invalid } from '../_lib/errors'

export interface Position {
  /** The sort value of the last row (a number: time in ms, a count, metres). */
  v: number
  /** A second sort value when the order has two (most supported: the count, then the time). */
  w?: number
  /** The last row's id (ties). */
  id: string
  /** Ids already shown at exactly `v` (nearest first, where distances can tie). */
  seen?: string[]
}

export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify(p)).toString('base64url')
}

export function decodeCursor(cursor: string | undefined): Position | null {
  if (!cursor) return null
  try {
    const p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Position
    const idOk = (x: unknown) => typeof x === 'string' && /^[\w-]{1,64}$/.test(x)
    if (
      p &&
      typeof p === 'object' &&
      Number.isFinite(p.v) &&
      (p.w === undefined || Number.isFinite(p.w)) &&
      idOk(p.id) &&
      (p.seen === undefined || (Array.isArray(p.seen) && p.seen.length <= 50 && p.seen.every(idOk)))
    )
      return p
  } catch {
    // fall through
  }
  throw invalid('翻页参数不正确，请刷新后重试', { field: 'cursor' })
}
