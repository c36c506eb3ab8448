#!/usr/bin/env node
/**
 * Weapp package sizes against WeChat's limits: main package ≤ 2 MB, each subpackage ≤ 2 MB,
 * all packages ≤ 20 MB. Reads dist/weapp (npm run build:weapp first) and its app.json.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const weapp = join(root, process.env.XG_DIST ?? 'dist', 'weapp')
const KB = 1024
const LIMIT_MAIN = 2048 * KB
const LIMIT_SUB = 2048 * KB
const LIMIT_TOTAL = 20 * 1024 * KB

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]))
}

export function weappSizes() {
  if (!existsSync(join(weapp, 'app.json'))) throw new Error(`${weapp}/app.json missing: run npm run build:weapp first`)
  const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8'))
  const subRoots = (app.subpackages ?? app.subPackages ?? []).map((s) => s.root.replace(/\/?$/, '/'))
  const sizes = { main: 0, subs: Object.fromEntries(subRoots.map((r) => [r, 0])), total: 0, biggest: [] }
  for (const f of files(weapp)) {
    const rel = relative(weapp, f)
    if (rel.endsWith('.map') || rel === 'project.config.json' || rel === 'project.private.config.json') continue
    const size = statSync(f).size
    sizes.total += size
    const sub = subRoots.find((r) => rel.startsWith(r))
    if (sub) sizes.subs[sub] += size
    else sizes.main += size
    sizes.biggest.push([rel, size])
  }
  sizes.biggest = sizes.biggest.sort((a, b) => b[1] - a[1]).slice(0, 5)
  return sizes
}

const pct = (n, d) => `${((100 * n) / d).toFixed(1)}%`
export function printWeappSizes() {
  const s = weappSizes()
  console.log('weapp package size (dist/weapp, source maps excluded)')
  console.log(`  main package   ${(s.main / KB).toFixed(1).padStart(8)} KB   ${pct(s.main, LIMIT_MAIN)} of 2048 KB`)
  for (const [r, n] of Object.entries(s.subs))
    console.log(`  ${r.padEnd(14)} ${(n / KB).toFixed(1).padStart(8)} KB   ${pct(n, LIMIT_SUB)} of 2048 KB`)
  console.log(`  total          ${(s.total / KB).toFixed(1).padStart(8)} KB   ${pct(s.total, LIMIT_TOTAL)} of 20480 KB`)
  console.log(`  largest files: ${s.biggest.map(([f, n]) => `${f} ${(n / KB).toFixed(0)} KB`).join(', ')}`)
  const ok = s.main <= LIMIT_MAIN && s.total <= LIMIT_TOTAL && Object.values(s.subs).every((n) => n <= LIMIT_SUB)
  if (!ok) console.log('  OVER A WECHAT LIMIT')
  return ok
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(printWeappSizes() ? 0 : 1)
