/**
 * The raw params of a refused call (PERMISSION_DENIED before or after validation), read for its
 * audit entry: nothing in them is trusted; only values shaped like our ids are kept.
 */
export const cleanKey = (v: unknown): string | null => (typeof v === 'string' && /^[\w-]{1,64}$/.test(v) ? v : null)
