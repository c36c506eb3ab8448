/** Nesting depth of JSON text, counted in one iterative pass before anything parses or walks it. */

/** MongoDB's documented limit for a document, and the local cloud's limit for any JSON it accepts. */
export const MAX_JSON_DEPTH = 100

/** True when the JSON text nests objects/arrays deeper than `limit` (strings are skipped). */
export function jsonTooDeep(text: string | Buffer, limit = MAX_JSON_DEPTH): boolean {
  const s = typeof text === 'string' ? Buffer.from(text) : text
  let depth = 0
  let inString = false
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}
