/**
 * Local content-security rules, read from the app's rules file and re-read when it changes (a
 * half-written or broken file keeps the previous rules). The file is either a list of text rules
 * or `{ "text": [...], "media": [...] }`:
 * - text rule `{pattern: "substring" | "/regex/flags", label, suggest: "risky" | "review"}` (msgSecCheck);
 * - media rule `{marker: "substring", label, suggest}`: an image/audio whose bytes contain the
 *   marker gets that verdict (mediaCheckAsync).
 * Labels are msgSecCheck's: 10001 广告, 20001 时政, 20002 色情, 20003 辱骂, 20006 违法犯罪, 20008 欺诈, 20012 低俗, 20013 版权, 21000 其他.
 */
import { readFileSync, statSync } from 'node:fs'

export interface ContentRule {
  /** substring, or "/regex/flags" */
  pattern: string
  label: number
  suggest: 'risky' | 'review'
}

export interface MediaRule {
  marker: string
  label: number
  suggest: 'risky' | 'review'
}

interface Compiled {
  text: { rule: ContentRule; test: (t: string) => string | undefined }[]
  media: MediaRule[]
}

function compileRule(rule: ContentRule): ((text: string) => string | undefined) | undefined {
  if (!rule || typeof rule.pattern !== 'string' || rule.pattern === '') return undefined
  const m = /^\/(.+)\/([a-z]*)$/s.exec(rule.pattern)
  if (!m) return (text) => (text.includes(rule.pattern) ? rule.pattern : undefined)
  let re: RegExp
  try {
    re = new RegExp(m[1], m[2].replace('g', ''))
  } catch {
    return undefined
  }
  return (text) => re.exec(text)?.[0]
}

function compile(json: unknown): Compiled {
  const obj = (Array.isArray(json) ? { text: json } : (json ?? {})) as { text?: unknown; media?: unknown }
  const text = (Array.isArray(obj.text) ? (obj.text as ContentRule[]) : []).flatMap((rule) => {
    const test = compileRule(rule)
    return test ? [{ rule, test }] : []
  })
  const media = (Array.isArray(obj.media) ? (obj.media as MediaRule[]) : []).filter(
    (r) => r && typeof r.marker === 'string' && r.marker !== '' && (r.suggest === 'risky' || r.suggest === 'review'),
  )
  return { text, media }
}

/** The current rules of `file` (none when there is no file). */
export function contentRules(file: string | undefined): () => Compiled {
  let mtime = -1
  let compiled: Compiled = { text: [], media: [] }
  return () => {
    if (!file) return compiled
    try {
      const m = statSync(file).mtimeMs
      if (m !== mtime) {
        compiled = compile(JSON.parse(readFileSync(file, 'utf8')))
        mtime = m
      }
    } catch {
      // a missing, half-written or broken file keeps the previous rules
    }
    return compiled
  }
}
