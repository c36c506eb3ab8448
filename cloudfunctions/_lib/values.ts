/**
 * Reading fields of stored documents, whose shape the database does not guarantee (old records,
 * hand edits in the console). One definition of each reader for every function.
 */
import { isoShanghai } from './time'

export type Doc = Record<string, unknown>

export const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback)
/** A non-empty string, or null. */
export const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v ? v : null)
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
export const num = (v: unknown, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback)
/** An instant as ISO with +08:00, or null when the field is not a date. */
export const iso = (v: unknown): string | null => (v instanceof Date ? isoShanghai(v) : null)
export const dateOrNull = (v: unknown): Date | null => (v instanceof Date ? v : null)

/** The `stats.updated` of a conditional update: how many records this call changed. */
export const updatedCount = (res: unknown): number => num((res as { stats?: { updated?: unknown } })?.stats?.updated)

/** The unique-index violation of the cloud database (E11000 duplicate key). */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { errMsg?: unknown; message?: unknown }
  return /E11000|duplicate key/i.test(`${e?.errMsg ?? ''} ${e?.message ?? ''} ${typeof err === 'string' ? err : ''}`)
}
