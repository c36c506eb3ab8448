/**
 * Shared by scripts, benchmarks and tests that need a whole local cloud in its own process, the way
 * `npm run cloud` runs it, and by everything that drives Debian's Chromium.
 * CommonJS so that .mjs scripts, jest's CommonJS setup files and TypeScript tests can all use it.
 */
const { spawn } = require('node:child_process')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '..')

/** Flags for headless Chromium on a machine with no network beyond loopback (TOOLCHAIN.md). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
]

/**
 * Start `scripts/cloud.mjs --port 0 --memory --no-timers --seed <seed>` and resolve with its URL
 * once it prints `LOCAL CLOUD READY <url>`. `stderr`: 'inherit' or 'ignore'.
 */
function spawnLocalCloud({ seed = 'demo', stderr = 'inherit', timeoutMs = 60000 } = {}) {
  const proc = spawn(process.execPath, [path.join(ROOT, 'scripts/cloud.mjs'), '--port', '0', '--memory', '--seed', seed, '--no-timers'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', stderr],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`local cloud did not start in ${timeoutMs} ms`)), timeoutMs)
    proc.stdout.on('data', (c) => {
      out += c
      const m = out.match(/LOCAL CLOUD READY (http:\/\/\S+)/)
      if (m) {
        clearTimeout(timer)
        resolve({ proc, url: m[1], stop: () => stopProcess(proc) })
      }
    })
    proc.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`local cloud exited ${code}`))
    })
  })
}

function stopProcess(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    proc.removeAllListeners('exit')
    proc.once('exit', () => resolve())
    proc.kill('SIGTERM')
  })
}

module.exports = { CHROMIUM_ARGS, spawnLocalCloud, stopProcess }
