#!/usr/bin/env node
/**
 * docs/api.md from the action tables and their contracts: every function, action, summary, allowed
 * roles, errors, and the parameter and result shapes (nested fields, enums, optional, nullable),
 * printed from the same zod schemas the router validates with. `--check` fails when the committed
 * file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { listFunctions } from './build-functions.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const names = listFunctions().filter((n) => !process.env.DOCS_ONLY || process.env.DOCS_ONLY.split(',').includes(n))
const entry = names.map((n) => `export * as ${n} from './cloudfunctions/${n}/index.ts'`).join('\n')
const out = await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  external: ['wx-server-sdk'],
  logLevel: 'error',
})
const mod = { exports: {} }
new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(join(root, 'package.json')))
const fns = mod.exports

const ROUTER_ERRORS = ['UNAUTHENTICATED', 'PERMISSION_DENIED', 'INVALID_ARGUMENT', 'INTERNAL']
const pad = (n) => '  '.repeat(n)
const rolesText = (def) => def.roles.join(', ') + (def.allowSystem && !def.roles.includes('system') ? ', (system)' : '')

/** Unwrap modifiers; `side` picks what a pipeline shows: its input (params) or its output (result). */
function unwrap(schema, side) {
  let s = schema
  const mods = { optional: false, nullable: false, default: undefined, description: undefined }
  for (;;) {
    const t = s?._def?.typeName
    mods.description ??= s?._def?.description
    if (t === 'ZodOptional') mods.optional = true
    else if (t === 'ZodNullable') mods.nullable = true
    else if (t === 'ZodDefault') {
      mods.optional = side === 'input' || mods.optional
      mods.default = s._def.defaultValue()
    } else if (t === 'ZodEffects' || t === 'ZodBranded' || t === 'ZodCatch' || t === 'ZodReadonly') {
      // a transform's output type is not in the schema: results never use transforms
    } else if (t === 'ZodPipeline') {
      s = side === 'input' ? s._def.in : s._def.out
      continue
    } else break
    s = s._def.innerType ?? s._def.schema ?? s._def.type
  }
  return { s, ...mods }
}

/** A short note on a leaf's constraints: ≤ 40 字, 1–50, integer, pattern. */
function constraints(s) {
  const t = s._def.typeName
  const notes = []
  if (t === 'ZodString') {
    for (const c of s._def.checks ?? []) {
      if (c.kind === 'max') notes.push(`≤ ${c.value} 字`)
      if (c.kind === 'min' && c.value > 0) notes.push(`≥ ${c.value} 字`)
      if (c.kind === 'datetime') notes.push('ISO 8601 时间，带时区')
      if (c.kind === 'regex') notes.push(`格式 ${c.regex.source.length > 40 ? 'pattern' : `/${c.regex.source}/`}`)
    }
  }
  if (t === 'ZodNumber') {
    const min = s._def.checks?.find((c) => c.kind === 'min')?.value
    const max = s._def.checks?.find((c) => c.kind === 'max')?.value
    if (s._def.checks?.some((c) => c.kind === 'int')) notes.push('整数')
    if (min !== undefined || max !== undefined) notes.push(`${min ?? '…'}–${max ?? '…'}`)
  }
  if (t === 'ZodArray') {
    if (s._def.maxLength) notes.push(`最多 ${s._def.maxLength.value} 项`)
    if (s._def.minLength?.value) notes.push(`至少 ${s._def.minLength.value} 项`)
  }
  return notes
}

function render(schema, side, depth) {
  const { s, nullable } = unwrap(schema, side)
  const t = s?._def?.typeName
  let text
  if (t === 'ZodObject') {
    const shape = s.shape
    const keys = Object.keys(shape)
    if (!keys.length) text = '{}'
    else {
      const lines = keys.map((k) => {
        const u = unwrap(shape[k], side)
        const notes = u.description ? [u.description] : [...constraints(u.s)]
        if (u.default !== undefined) notes.push(`默认 ${JSON.stringify(u.default)}`)
        const comment = notes.length ? `  // ${notes.join('，')}` : ''
        return `${pad(depth + 1)}${k}${u.optional ? '?' : ''}: ${render(shape[k], side, depth + 1)}${comment}`
      })
      text = `{\n${lines.join('\n')}\n${pad(depth)}}`
    }
  } else if (t === 'ZodArray') {
    const inner = render(s._def.type, side, depth)
    text = /[|&]/.test(inner) && !inner.startsWith('{') ? `(${inner})[]` : `${inner}[]`
  } else if (t === 'ZodEnum') text = s._def.values.map((v) => `'${v}'`).join(' | ')
  else if (t === 'ZodLiteral') text = typeof s._def.value === 'string' ? `'${s._def.value}'` : JSON.stringify(s._def.value)
  else if (t === 'ZodUnion' || t === 'ZodDiscriminatedUnion') {
    const options = [...(s._def.options.values?.() ?? s._def.options)]
    text = options.map((o) => render(o, side, depth)).join(' | ')
  } else if (t === 'ZodIntersection') text = `${render(s._def.left, side, depth)} & ${render(s._def.right, side, depth)}`
  else if (t === 'ZodRecord') text = `Record<string, ${render(s._def.valueType, side, depth)}>`
  else if (t === 'ZodTuple') text = `[${s._def.items.map((i) => render(i, side, depth)).join(', ')}]`
  else if (t === 'ZodNumber') text = 'number'
  else if (t === 'ZodString') text = 'string'
  else if (t === 'ZodBoolean') text = 'boolean'
  else if (t === 'ZodDate') text = 'Date'
  else if (t === 'ZodNull') text = 'null'
  else if (t === 'ZodUnknown' || t === 'ZodAny') text = 'unknown'
  else throw new Error(`gen-api-docs: no rendering for ${t}`)
  return nullable ? `${text} | null` : text
}

const lines = [
  '# 小哥之家 cloud function API',
  '',
  'Generated by `node scripts/gen-api-docs.mjs` from the action tables (`cloudfunctions/<fn>/index.ts`) and their',
  'contracts (`cloudfunctions/<fn>/contract.ts`); `npm test` fails when it is stale.',
  '',
  'Call: `callFunction({ name: <function>, data: { action, ...params } })` (weapp) or `POST /api/functions/<function>` (local gateway).',
  'Answer: `{ ok: true, data: <result> }` or `{ ok: false, error: { code, message, details? } }`. Every action may also answer the',
  `router’s errors: ${ROUTER_ERRORS.map((e) => `\`${e}\``).join(', ')}. The caller is \`getWXContext().OPENID\`; identity, role or`,
  'group in `data` is ignored. Roles: `anyone` = any caller with an OPENID; `system` = only the platform (timer triggers, message pushes).',
  '',
]
for (const name of names) {
  const actions = Object.entries(fns[name].actions ?? {})
  lines.push(`## ${name}`, '', `| action | roles | what |`, '|---|---|---|')
  for (const [action, def] of actions) {
    lines.push(`| [\`${action}\`](#${name}${action.toLowerCase()}) | ${rolesText(def)} | ${def.summary} |`)
  }
  lines.push('')
  for (const [action, def] of actions) {
    const errors = (def.errors ?? []).map((e) => `\`${e}\``).join(' ') || '—'
    lines.push(
      `### ${name}.${action}`,
      '',
      def.summary,
      '',
      `Roles: ${rolesText(def)} · Errors: ${errors}`,
      '',
      '```ts',
      `params: ${render(def.spec.input, 'input', 0)}`,
      `result: ${render(def.spec.output, 'output', 0)}`,
      '```',
      '',
    )
  }
}
const text = lines.join('\n')
const file = join(root, 'docs/api.md')
if (process.argv.includes('--check')) {
  let current = ''
  try {
    current = readFileSync(file, 'utf8')
  } catch {}
  if (current !== text) {
    console.error('docs/api.md is stale: run node scripts/gen-api-docs.mjs and commit it')
    process.exit(1)
  }
  console.log('docs/api.md is up to date')
} else {
  writeFileSync(file, text)
  console.log(`wrote ${file}`)
}
