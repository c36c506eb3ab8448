#!/usr/bin/env node
/**
 * npm test — everything, in order, with one summary at the end:
 *   1 type check (tsc --noEmit, strict)    2 lint + format check (biome), docs/api.md up to date
 *   3 builds: cloud functions, weapp, H5    4 jest: unit, emulator, cloud, components, e2e
 * Exits non-zero on any failure. `npm test -- --only cloud,e2e` runs some jest layers only
 * (still after the checks and builds they need); `--skip-build` reuses dist/.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const argv = process.argv.slice(2)
const onlyIdx = argv.indexOf('--only')
const only = onlyIdx >= 0 ? argv[onlyIdx + 1].split(',') : null
const skipBuild = argv.includes('--skip-build')
const bin = (name) => join(root, 'node_modules/.bin', name)
const steps = []

function step(name, cmd, args, env = {}) {
  const started = Date.now()
  process.stdout.write(`\n━━ ${name} ━━ ${[cmd, ...args].map((a) => a.replace(root + '/', '')).join(' ')}\n`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const ok = r.status === 0
  steps.push({ name, ok, seconds: (Date.now() - started) / 1000 })
  return ok
}

const taro = join(root, 'node_modules/@tarojs/cli/bin/taro')
step('type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])
step('lint', bin('biome'), ['check', '.'])
step('api docs up to date', process.execPath, ['scripts/gen-api-docs.mjs', '--check'])
if (!skipBuild) {
  step('build cloud functions', process.execPath, ['scripts/build-functions.mjs'])
  step('build weapp', process.execPath, [taro, 'build', '--type', 'weapp', '--no-check'], { NODE_ENV: 'production' })
  step('build h5', process.execPath, [taro, 'build', '--type', 'h5', '--no-check'], { NODE_ENV: 'production' })
}

const distDir = join(root, process.env.XG_DIST ?? 'dist')
mkdirSync(distDir, { recursive: true })
const report = join(distDir, 'jest-report.json')
const jestArgs = ['--ci', '--json', `--outputFile=${report}`, '--runInBand']
if (only) jestArgs.push('--selectProjects', ...only)
step('jest', bin('jest'), jestArgs, { TZ: process.env.TZ ?? 'UTC' })

let passed = 0
let failed = 0
let skipped = 0
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, 'utf8'))
  passed = j.numPassedTests
  failed = j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0)
  skipped = j.numPendingTests + j.numTodoTests
}
const failedSteps = steps.filter((s) => !s.ok)
if (failedSteps.length && failed === 0) failed = failedSteps.length

console.log('\n━━ summary ━━')
for (const s of steps) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'}  ${s.name.padEnd(22)} ${s.seconds.toFixed(1)} s`)
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failedSteps.length ? 1 : 0)
