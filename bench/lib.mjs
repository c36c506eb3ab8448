/**
 * What the feature benchmarks share: this repository's root, building one cloud function, loading
 * TypeScript of this repository (the local cloud, the app's config, domain helpers) into the
 * benchmark's own process — so every database request can be counted at `db.handle` — and the
 * statistics. Not a benchmark itself (bench/run.mjs picks up only `*.bench.mjs`).
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Build one cloud function into dist/cloudfunctions (scripts/build-functions.mjs). */
export function buildFunction(name) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build-functions.mjs'), name], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (r.status !== 0) throw new Error(`building the ${name} function failed`)
}

/** Bundle a TypeScript entry (its `export … from './…'` lines, relative to the root) and load it here. */
export async function loadTs(contents) {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'error',
  })
  const mod = { exports: {} }
  const req = createRequire(join(root, 'emulator', 'index.ts'))
  new Function('module', 'exports', 'require', '__dirname', '__filename', out.outputFiles[0].text)(
    mod,
    mod.exports,
    req,
    join(root, 'emulator'),
    join(root, 'emulator', 'index.ts'),
  )
  return mod.exports
}

/** The local cloud and this app's config for it, plus `more` export lines. */
export const loadLocalCloud = (...more) =>
  loadTs(
    ["export { startLocalCloud } from './emulator/index.ts'", "export { app } from './scripts/local-cloud/app.ts'", ...more].join('\n'),
  )

/** The q-quantile of sorted numbers. */
export const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0)

/** Deterministic pseudo-random numbers, so every run has the same data. */
export function rng(seed) {
  let s = seed
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296
    return s / 4294967296
  }
}
