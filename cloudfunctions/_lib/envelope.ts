/**
 * The answer of every cloud function: `{ ok: true, data }` or `{ ok: false, error }`.
 * Never a thrown stack trace. Messages are short Simplified Chinese, fit to show to a rider.
 * Shared by functions and the client (`import type`).
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'RESOURCE_EXHAUSTED',
  'CONTENT_REJECTED',
  'INTERNAL',
  /** Client side only: the call never reached the function (offline, timeout, gateway down). */
  'NETWORK',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppErrorBody {
  code: ErrorCode
  message: string
  /** Optional machine-readable detail, e.g. the offending field for INVALID_ARGUMENT. */
  details?: Record<string, unknown>
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody }
