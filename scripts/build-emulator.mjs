#!/usr/bin/env node
/** Bundle the local cloud (emulator/) with this app's config (scripts/local-cloud/) into dist/emulator/cli.js (node_modules stay external). */
import { copyFileSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export async function buildEmulator() {
  const out = join(root, 'dist/emulator')
  mkdirSync(out, { recursive: true })
  await build({
    entryPoints: [join(root, 'scripts/local-cloud/cli.ts')],
    outfile: join(out, 'cli.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  })
  copyFileSync(join(root, 'emulator/functions/worker.cjs'), join(out, 'worker.cjs'))
  return join(out, 'cli.js')
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`built ${await buildEmulator()}`)
}
