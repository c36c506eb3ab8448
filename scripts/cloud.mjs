#!/usr/bin/env node
/**
 * npm run cloud -- --port <port> [--data-dir <dir> | --memory] [--seed demo|none]
 * Builds the cloud functions and the local cloud (a second or so), then runs the local cloud.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildEmulator } from './build-emulator.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
if (!process.argv.includes('--print-indexes')) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build-functions.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
const cli = await buildEmulator()
createRequire(import.meta.url)(cli)
