/**
 * The boundaries of the code base, checked rather than agreed (README "What is where"):
 *   - src/ imports server code only as `import type` (no server code in the mini-program bundle);
 *   - subpackages (src/pkg-*) never import from src/pages (a tab page's code is not a library);
 *   - only src/services/ calls the backend (`services/cloud`); pages and components go through a service;
 *   - a cloud function imports only the shared server code (`_lib` plumbing, `_domain` shared domain
 *     code) and its own folder, never another function's folder; `_lib` never imports `_domain`
 *     or a function (bar the type-only registry `_lib/api.ts`); `_domain` never imports a function;
 *   - the local cloud (emulator/) knows nothing of this app: no import from cloudfunctions/, src/, scripts/;
 *   - collections are named only through `COLLECTION.<name>` (never `collection('literal')`);
 *   - no source file over 400 lines and no function over 80 lines without a reason written beside it
 *     (a `size:` comment in the file's first 10 lines, a `long:` comment on the line before the function).
 * Each rule reports every offender with its file and line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import * as ts from 'typescript'

const ROOT = resolve(__dirname, '../..')

function filesUnder(dir: string, exts = ['.ts', '.tsx']): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === 'node_modules' || name.startsWith('.')) continue
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else if (exts.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts')) out.push(p)
    }
  }
  walk(join(ROOT, dir))
  return out
}

interface Import {
  file: string
  line: number
  spec: string
  typeOnly: boolean
  /** the import resolved to a repository path (posix), or null for packages */
  target: string | null
}

/** Every import / export-from / require / dynamic import of a file, read with the TypeScript parser. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8')
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const found: Import[] = []
  const add = (node: ts.Node, spec: string, typeOnly: boolean) =>
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, spec, typeOnly, target: resolveSpec(file, spec) })
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const typeOnly = Boolean(
        clause &&
          (clause.isTypeOnly ||
            (!clause.name &&
              clause.namedBindings &&
              ts.isNamedImports(clause.namedBindings) &&
              clause.namedBindings.elements.length > 0 &&
              clause.namedBindings.elements.every((e) => e.isTypeOnly))),
      )
      add(node, node.moduleSpecifier.text, typeOnly)
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, node.isTypeOnly)
    } else if (
      ts.isCallExpression(node) &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0]) &&
      ((ts.isIdentifier(node.expression) && node.expression.text === 'require') || node.expression.kind === ts.SyntaxKind.ImportKeyword)
    ) {
      add(node, node.arguments[0].text, false)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}

function resolveSpec(file: string, spec: string): string | null {
  let abs: string | null = null
  if (spec.startsWith('.')) abs = resolve(dirname(file), spec)
  else if (spec.startsWith('@/')) abs = join(ROOT, 'src', spec.slice(2))
  else if (spec.startsWith('@cloud/')) abs = join(ROOT, 'cloudfunctions', spec.slice(7))
  return abs ? relative(ROOT, abs).split(sep).join('/') : null
}

const rel = (file: string) => relative(ROOT, file).split(sep).join('/')
const where = (i: Import) => `${rel(i.file)}:${i.line} imports ${i.spec}`

const SRC = filesUnder('src')
const CLOUD = filesUnder('cloudfunctions')
const EMULATOR = filesUnder('emulator')

test('src/ imports server code only as `import type`', () => {
  const bad = SRC.flatMap(importsOf).filter((i) => i.target?.startsWith('cloudfunctions/') && !i.typeOnly)
  expect(bad.map(where)).toEqual([])
})

test('subpackages never import from src/pages', () => {
  const bad = SRC.filter((f) => rel(f).startsWith('src/pkg-'))
    .flatMap(importsOf)
    .filter((i) => i.target?.startsWith('src/pages/'))
  expect(bad.map(where)).toEqual([])
})

test('only src/services calls the backend', () => {
  const bad = SRC.filter((f) => !rel(f).startsWith('src/services/'))
    .flatMap(importsOf)
    .filter((i) => i.target === 'src/services/cloud' || i.target?.startsWith('src/services/transport'))
  expect(bad.map(where)).toEqual([])
})

test('a cloud function imports only _lib, _domain and its own folder; _lib and _domain stay shared', () => {
  const bad: string[] = []
  for (const i of CLOUD.flatMap(importsOf)) {
    if (!i.target) continue
    const from = rel(i.file).split('/')[1]
    const to = i.target.startsWith('cloudfunctions/') ? i.target.split('/')[1] : null
    if (to === null) {
      bad.push(`${where(i)} (outside cloudfunctions/)`)
      continue
    }
    if (from === '_lib' && to !== '_lib' && !(rel(i.file) === 'cloudfunctions/_lib/api.ts' && i.typeOnly)) bad.push(where(i))
    else if (from === '_domain' && to !== '_lib' && to !== '_domain') bad.push(where(i))
    else if (from !== '_lib' && from !== '_domain' && to !== from && to !== '_lib' && to !== '_domain') bad.push(where(i))
  }
  expect(bad).toEqual([])
})

test('the local cloud imports nothing of this app', () => {
  const bad = EMULATOR.flatMap(importsOf).filter((i) => /^(cloudfunctions|src|scripts|tests)\//.test(i.target ?? ''))
  expect(bad.map(where)).toEqual([])
})

test('collections are named through COLLECTION only', () => {
  const bad: string[] = []
  for (const file of CLOUD) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, n) => {
        if (/\bcollection\(\s*['"`]/.test(line)) bad.push(`${rel(file)}:${n + 1}: ${line.trim()}`)
      })
  }
  expect(bad).toEqual([])
})

test('no file over 400 lines, no function over 80 lines, without a written reason', () => {
  const bad: string[] = []
  for (const file of [...SRC, ...CLOUD, ...EMULATOR]) {
    const text = readFileSync(file, 'utf8')
    const lines = text.split('\n')
    if (lines.length > 400 && !lines.slice(0, 10).some((l) => /\bsize:/.test(l))) bad.push(`${rel(file)}: ${lines.length} lines`)
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = sf.getLineAndCharacterOfPosition(node.getStart()).line
        const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line
        const reason = [start - 1, start, start - 2].some((l) => l >= 0 && /\blong:/.test(lines[l] ?? ''))
        if (end - start + 1 > 80 && !reason) bad.push(`${rel(file)}:${start + 1}: function of ${end - start + 1} lines`)
      }
      ts.forEachChild(node, visit)
    }
    visit(sf)
  }
  expect(bad).toEqual([])
})

test('a contract cannot name an input field like a key the router reserves', () => {
  const { defineContract } = require('../../cloudfunctions/_lib/contract') as typeof import('../../cloudfunctions/_lib/contract')
  const { z } = require('zod') as typeof import('zod')
  const output = z.object({})
  expect(() => defineContract({ list: { input: z.object({ action: z.string() }), output } })).toThrow(/"action"/)
  expect(() => defineContract({ list: { input: z.object({ openid: z.string() }).refine(() => true), output } })).toThrow(/"openid"/)
  expect(() => defineContract({ list: { input: z.object({ entryAction: z.string() }).strict(), output } })).not.toThrow()
})
