#!/usr/bin/env node
/** npm run bench — every benchmark, one after another (see bench/README.md for recorded figures). */
import { readdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { benchLocalCloud } from './local-cloud.mjs'
import { printWeappSizes } from './weapp-size.mjs'

const here = dirname(fileURLToPath(import.meta.url))
let ok = printWeappSizes()
console.log('')
await benchLocalCloud()
// Feature benchmarks: bench/<feature>.bench.mjs exporting `run()`.
for (const f of readdirSync(here)
  .filter((n) => n.endsWith('.bench.mjs'))
  .sort()) {
  console.log('')
  const mod = await import(pathToFileURL(resolve(here, f)).href)
  ok = (await mod.run()) !== false && ok
}
process.exit(ok ? 0 : 1)
