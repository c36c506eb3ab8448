/**
 * The local cloud is a general stand-in for WeChat Cloud: nothing in emulator/ may import this app
 * (cloudfunctions/, src/, scripts/) — the app passes what is specific to it (scripts/local-cloud/app.ts).
 * Every import, require and dynamic import of every emulator source is resolved and checked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')
const EMULATOR = join(ROOT, 'emulator')
const FORBIDDEN = ['cloudfunctions', 'src', 'scripts'].map((d) => join(ROOT, d))
/** tsconfig path aliases into the app */
const ALIASES = [/^@\//, /^@cloud\//]

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return sources(p)
    return /\.(ts|cjs|js|mjs)$/.test(name) ? [p] : []
  })
}

/** Module specifiers of a source text: static imports/exports, require() and import(). */
function specifiers(text: string): string[] {
  const out: string[] = []
  const patterns = [
    /\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1])
  return out
}

/** Why an import of `spec` from `file` reaches into the app, or null when it does not. */
function violation(file: string, spec: string): string | null {
  if (ALIASES.some((a) => a.test(spec))) return `${spec} (an alias into the app)`
  if (!spec.startsWith('.')) return null // node built-ins and packages
  const target = resolve(dirname(file), spec)
  if (FORBIDDEN.some((f) => target === f || target.startsWith(`${f}/`))) return `${spec} → ${relative(ROOT, target)}`
  if (!target.startsWith(`${EMULATOR}/`)) return `${spec} → ${relative(ROOT, target)} (outside emulator/)`
  return null
}

test('the checker catches an import of the app (it can fail)', () => {
  const file = join(EMULATOR, 'db', 'example.ts')
  const text = `import { COLLECTIONS } from '../../cloudfunctions/_lib/collections'\nconst x = require('../../scripts/local-cloud/app')\nimport('@/services/cloud')\nimport type { Doc } from './ejson'`
  const found = specifiers(text)
    .map((s) => violation(file, s))
    .filter(Boolean)
  expect(found).toEqual([
    '../../cloudfunctions/_lib/collections → cloudfunctions/_lib/collections',
    '../../scripts/local-cloud/app → scripts/local-cloud/app',
    '@/services/cloud (an alias into the app)',
  ])
})

test('no file in emulator/ imports cloudfunctions/, src/ or scripts/', () => {
  const files = sources(EMULATOR)
  expect(files.length).toBeGreaterThan(20)
  const found = files.flatMap((f) =>
    specifiers(readFileSync(f, 'utf8'))
      .map((s) => violation(f, s))
      .filter((v): v is string => v !== null)
      .map((v) => `${relative(ROOT, f)}: ${v}`),
  )
  expect(found).toEqual([])
})
