/**
 * Turning whatever came back from the wire into an `Envelope`, and the one failure shape the
 * pages see when the call never produced one. Shared by the weapp and h5 transports.
 */
import type { AppErrorBody, Envelope } from '@cloud/_lib/envelope'

export const NETWORK_MESSAGE = '网络不给力，请稍后重试'

/** Why a call failed on the client side (kept in `error.details.cause` for debugging). */
export type FailureCause = 'offline' | 'timeout' | 'http-status' | 'non-json' | 'no-envelope' | 'function-error' | 'unsupported-platform'

export function failure(
  code: 'NETWORK' | 'INTERNAL',
  cause: FailureCause,
  extra: Record<string, unknown> = {},
): { ok: false; error: AppErrorBody } {
  return { ok: false, error: { code, message: NETWORK_MESSAGE, details: { cause, ...extra } } }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * True when `value` has the envelope's shape. Only the shape is checked: the data itself is
 * typed by the contract and produced by our own function.
 */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (!isRecord(value)) return false
  if (value.ok === true) return 'data' in value
  if (value.ok === false) {
    const error = value.error
    return isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string'
  }
  return false
}

/** Race a promise against a timer; resolves to `onTimeout()` if the timer wins. */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => resolve(onTimeout()), ms)
    work.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (err: unknown) => {
        clearTimeout(timer)
        reject(err)
      },
    )
  })
}
