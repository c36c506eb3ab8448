/**
 * Load data: `npm run cloud -- --seed demo --riders N` (scripts/local-cloud/cli.ts) adds N verified
 * riders o-load-rider-1 … o-load-rider-N in the demo group, who can book at once; bad uses of the
 * option are refused before anything starts.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { tomorrow } from './meals-helpers'

const ROOT = join(__dirname, '../..')
const { stopProcess } = require('../../scripts/local-cloud-process.cjs') as { stopProcess: (p: ChildProcess) => Promise<void> }

function start(args: string[]): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [join(ROOT, 'scripts/cloud.mjs'), '--port', '0', '--memory', '--no-timers', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    proc.stdout?.on('data', (c) => {
      out += c
      const m = /LOCAL CLOUD READY (http:\/\/\S+)/.exec(out)
      if (m) resolve({ proc, url: m[1] })
    })
    proc.on('exit', (code) => reject(new Error(`local cloud exited ${code}`)))
  })
}

async function call(url: string, openid: string, body: Record<string, unknown>) {
  const res = await fetch(`${url}/api/functions/meals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-openid': openid },
    body: JSON.stringify(body),
  })
  return (await res.json()) as { ok: boolean; data?: any; error?: { code: string } }
}

test('--seed demo --riders 3: three verified riders in the demo group, who can book', async () => {
  const { proc, url } = await start(['--seed', 'demo', '--riders', '3'])
  try {
    for (const openid of ['o-load-rider-1', 'o-load-rider-3']) {
      const day = await call(url, openid, { action: 'listDay', date: tomorrow() })
      expect([openid, day.data?.me.verified]).toEqual([openid, true])
    }
    expect((await call(url, 'o-load-rider-4', { action: 'listDay', date: tomorrow() })).data?.me.verified).toBe(false)
    const slot = (await call(url, 'o-load-rider-2', { action: 'listDay', date: tomorrow() })).data.slots[0]
    const booked = await call(url, 'o-load-rider-2', { action: 'book', slotId: slot.id, requestId: 'load-test-request-1' })
    expect(booked.ok).toBe(true)
  } finally {
    await stopProcess(proc)
  }
}, 90_000)

test('--riders without the demo seed, or not a whole number, is refused before the cloud starts', () => {
  for (const args of [
    ['--riders', '3'],
    ['--seed', 'demo', '--riders', 'lots'],
    ['--seed', 'demo', '--riders', '0'],
  ]) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/cloud.mjs'), '--port', '0', '--memory', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect([args.join(' '), r.status]).toEqual([args.join(' '), 2])
    expect(r.stderr).toContain('--riders')
  }
}, 120_000)
