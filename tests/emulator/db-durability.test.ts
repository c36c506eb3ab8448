/** An acknowledged write survives kill -9 of the process that owns the database file. */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as esbuild from 'esbuild'
import { openDatabase } from '../../emulator/db'

test('every write acknowledged before SIGKILL is present after reopening', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-durable-'))
  const file = path.join(dir, 'cloud.sqlite')
  // The writer runs as plain node: bundle our TypeScript with esbuild, keep packages external
  // (the output lives under node_modules/.cache so they resolve from the repo).
  const writer = path.join(__dirname, '../../node_modules/.cache/jest-db/db-writer.js')
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, 'helpers/db-writer.ts')],
    bundle: true,
    platform: 'node',
    packages: 'external',
    outfile: writer,
    logLevel: 'silent',
  })
  const child = spawn(process.execPath, [writer, file], { stdio: ['ignore', 'pipe', 'inherit'] })
  const acked: string[] = []
  let buf = ''
  child.stdout.on('data', (c: Buffer) => {
    buf += c.toString()
    const lines = buf.split('\n')
    buf = lines.pop() ?? ''
    acked.push(...lines.filter(Boolean))
  })
  await new Promise<void>((resolve, reject) => {
    const started = Date.now()
    const t = setInterval(() => {
      if (acked.length >= 200) {
        clearInterval(t)
        resolve()
      } else if (Date.now() - started > 20000) {
        clearInterval(t)
        reject(new Error(`only ${acked.length} writes acknowledged`))
      }
    }, 10)
  })
  child.kill('SIGKILL')
  await new Promise((r) => child.on('exit', r))
  const db = openDatabase({ file, collections: { durable: { indexes: [] } } })
  const present = new Set(db.find('durable', {}, { limit: 1_000_000 }).map((d) => d._id))
  const missing = acked.filter((id) => !present.has(id))
  db.close()
  fs.rmSync(dir, { recursive: true, force: true })
  expect(acked.length).toBeGreaterThanOrEqual(200)
  expect(missing).toEqual([])
})
