/**
 * Input hygiene before any schema: strings that no person typed (a NUL, half of a UTF-16 surrogate
 * pair) are refused with INVALID_ARGUMENT, and a refusal never echoes the caller's input back at
 * length (a megabyte-long enum value comes back as its first few characters, not in full).
 */
import type { z } from 'zod'

/** A NUL, or a high surrogate not followed by a low one, or a low one not preceded by a high one. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the NUL is the point
const UNUSABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const MAX_SEGMENT = 32
const clip = (s: string, max = MAX_SEGMENT) => (s.length > max ? `${s.slice(0, max)}…` : s)

/**
 * The path of the first unusable string (a value, or a key) in `value`, '' for the root, or null
 * when every string is fine. Iterative: a deeply nested body cannot overflow the stack here.
 */
export function findUnusableString(value: unknown): string | null {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }]
  while (stack.length) {
    const { v, path } = stack.pop() as { v: unknown; path: string }
    if (typeof v === 'string') {
      if (UNUSABLE.test(v)) return path
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], path: path ? `${path}.${i}` : String(i) })
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const p = path ? `${path}.${clip(k)}` : clip(k)
        if (UNUSABLE.test(k)) return p
        stack.push({ v: child, path: p })
      }
    }
  }
  return null
}

function issueText(issue: z.ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `应为 ${issue.expected}`
    case 'invalid_enum_value':
      return `应为其中之一：${issue.options.slice(0, 12).join(' / ')}`
    case 'invalid_literal':
      return `应为 ${clip(JSON.stringify(issue.expected) ?? '')}`
    case 'unrecognized_keys':
      return `不认识的参数：${issue.keys
        .slice(0, 3)
        .map((k) => clip(k))
        .join('、')}`
    case 'too_small':
      return issue.type === 'string' ? `至少 ${issue.minimum} 个字` : `不能小于 ${issue.minimum}`
    case 'too_big':
      return issue.type === 'string' ? `最多 ${issue.maximum} 个字` : `不能大于 ${issue.maximum}`
    default:
      // our own messages (regex, refine) are short Chinese; zod's generic ones are capped
      return clip(issue.message, 60)
  }
}

/** The envelope message and details of a schema failure, without echoing the input. */
export function zodFailure(error: z.ZodError): { message: string; details: Record<string, unknown> } {
  const issues = error.issues.slice(0, 5).map((i) => ({
    path: i.path.map((p) => clip(String(p))).join('.'),
    code: i.code,
    message: issueText(i),
  }))
  const first = issues[0]
  const field = first?.path || '(参数)'
  const ours = first && first.code === 'custom' ? first.message : null
  return { message: ours ? clip(ours, 40) : `参数不正确：${field}`, details: { field, issues } }
}
