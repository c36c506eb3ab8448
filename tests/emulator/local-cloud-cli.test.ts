/**
 * The CLI contract other tools depend on: `npm run cloud -- --port <p> [--data-dir d | --memory] [--seed demo|none]`
 * prints `LOCAL CLOUD READY http://127.0.0.1:<port>` once it accepts requests, persists to the data
 * folder, seeds idempotently, and stops cleanly on SIGTERM.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(__dirname, '../..')

function startCli(args: string[]): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [join(root, 'scripts/cloud.mjs'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`no READY line in 30 s\n${out}\n${err}`)), 30000)
    proc.stderr?.on('data', (c: Buffer) => (err += c.toString()))
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const m = out.match(/^LOCAL CLOUD READY (http:\/\/127\.0\.0\.1:(\d+))$/m)
      if (m) {
        clearTimeout(timer)
        resolve({ proc, url: m[1] })
      }
    })
    proc.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`cloud exited early (${code})\n${out}\n${err}`))
    })
  })
}

function stop(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    proc.removeAllListeners('exit')
    proc.on('exit', (code) => resolve(code))
    proc.kill('SIGTERM')
  })
}

async function count(url: string, collection: string): Promise<number> {
  const res = await fetch(`${url}/__dev/api/collections`)
  const body = (await res.json()) as { collections: { name: string; count: number }[] }
  return body.collections.find((c) => c.name === collection)?.count ?? -1
}

describe('npm run cloud', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'xg-cli-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  test('READY line, demo seed, persistence across restarts, idempotent seed, clean SIGTERM', async () => {
    const first = await startCli(['--port', '0', '--data-dir', dataDir, '--seed', 'demo', '--no-timers'])
    expect((await fetch(`${first.url}/__health`)).status).toBe(200)
    const users = await count(first.url, 'users')
    expect(users).toBeGreaterThanOrEqual(6)
    const r = await fetch(`${first.url}/api/functions/home`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-openid': 'o-demo-rider-zhang' },
      body: JSON.stringify({ action: 'getHome' }),
    })
    expect(((await r.json()) as { ok: boolean }).ok).toBe(true)
    expect(await stop(first.proc)).toBe(0)

    const second = await startCli(['--port', '0', '--data-dir', dataDir, '--seed', 'demo', '--no-timers'])
    expect(await count(second.url, 'users')).toBe(users)
    expect(await stop(second.proc)).toBe(0)
  }, 90000)

  test('--memory starts empty; the server listens on loopback only', async () => {
    const { proc, url } = await startCli(['--port', '0', '--memory', '--seed', 'none', '--no-timers'])
    expect(url.startsWith('http://127.0.0.1:')).toBe(true)
    expect(await count(url, 'users')).toBe(0)
    expect(await stop(proc)).toBe(0)
  }, 60000)

  test('refuses a non-loopback host and a bad port with a clear message', () => {
    const host = spawnSync(process.execPath, [join(root, 'scripts/cloud.mjs'), '--host', '0.0.0.0', '--memory'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(host.status).toBe(1)
    expect(host.stderr).toMatch(/refuses to listen on 0\.0\.0\.0/)
    const port = spawnSync(process.execPath, [join(root, 'scripts/cloud.mjs'), '--port', 'abc', '--memory'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(port.status).toBe(1)
    expect(port.stderr).toMatch(/invalid port/)
  }, 60000)

  test('--print-indexes lists every collection and its indexes for the deployer', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/cloud.mjs'), '--print-indexes'], { cwd: root, encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^stations/m)
    expect(r.stdout).toMatch(/location_2dsphere: \{"location":"2dsphere"\}/)
    expect(r.stdout).toMatch(/rider_service_unique: .* \(唯一\)/)
  }, 60000)
})
