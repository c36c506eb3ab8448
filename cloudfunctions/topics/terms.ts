/**
 * Words for search and for "similar topics" without a search engine. Chinese has no spaces, so a
 * text becomes its character bigrams (外卖电动车 → 外卖 卖电 电动 动车), plus the single characters of
 * the title (so a one-character search such as 灯 finds 路灯坏了) and lower-cased latin words/numbers.
 * Stored on the topic (`terms`, `titleTerms`: a multikey index on each in the cloud console), so a
 * search is one indexed query: every term of the query must be among the topic's terms.
 * Similarity of two titles: the share of the new title's bigrams an existing title has (a short new
 * title inside a long old one is still the same problem), or the Dice coefficient of both sets.
 */

/** Full-width to half-width, lower case, no punctuation runs. */
export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase()
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/
const RUNS = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g

interface Runs {
  han: string[]
  latin: string[]
}

function runs(text: string): Runs {
  const out: Runs = { han: [], latin: [] }
  for (const m of normalize(text).matchAll(RUNS)) (HAN.test(m[0]) ? out.han : out.latin).push(m[0])
  return out
}

function bigramsOf(run: string): string[] {
  const chars = [...run]
  if (chars.length < 2) return chars
  return chars.slice(1).map((c, i) => chars[i] + c)
}

/** The bigrams of a title (for similarity), latin words included, unique. */
export function titleBigrams(title: string): string[] {
  const r = runs(title)
  return [...new Set([...r.han.flatMap(bigramsOf), ...r.latin.filter((w) => w.length >= 2)])]
}

export const MAX_TERMS = 400

/** Stored search terms of a topic: title characters and bigrams, description and place bigrams, latin words. */
export function searchTerms(title: string, ...more: string[]): string[] {
  const t = runs(title)
  const terms = new Set<string>([...t.han.flatMap((run) => [...run]), ...t.han.flatMap(bigramsOf), ...t.latin])
  for (const text of more) {
    const r = runs(text)
    for (const b of r.han.flatMap(bigramsOf)) terms.add(b)
    for (const w of r.latin) if (w.length >= 2 || /\d/.test(w)) terms.add(w)
  }
  return [...terms].slice(0, MAX_TERMS)
}

export const MAX_QUERY_TERMS = 12

/** The terms a search must all find: bigrams of each Chinese run (a single character alone), latin words. */
export function queryTerms(q: string): string[] {
  const r = runs(q)
  return [...new Set([...r.han.flatMap(bigramsOf), ...r.latin])].slice(0, MAX_QUERY_TERMS)
}

/** How much of the new title `a` an existing title `b` shares: shared bigrams and their share of `a`. */
export function overlap(a: readonly string[], b: readonly string[]): { shared: number; share: number } {
  const set = new Set(b)
  const mine = new Set(a)
  const shared = [...mine].filter((x) => set.has(x)).length
  return { shared, share: mine.size ? shared / mine.size : 0 }
}

/** Dice coefficient of two term sets: 1 = the same, 0 = nothing shared. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0
  const set = new Set(a)
  const shared = new Set(b.filter((x) => set.has(x))).size
  return (2 * shared) / (set.size + new Set(b).size)
}
