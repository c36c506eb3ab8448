/**
 * Test harness for the database emulator: an HTTP server on 127.0.0.1 that answers POST /admin
 * with `db.handle(body)`, and the process environment wx-server-sdk needs to talk to it (set
 * BEFORE wx-server-sdk is required). Also records every outgoing connection / DNS lookup so a
 * test can assert nothing leaves the machine.
 */
import dns from 'node:dns'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import { COLLECTIONS } from '../../../cloudfunctions/_lib/collections'
import { type LocalDatabase, type LocalDatabaseOptions, openDatabase } from '../../../emulator/db'

export const outbound: string[] = []
let patched = false

function watchNetwork() {
  if (patched) return
  patched = true
  const connect = net.Socket.prototype.connect as (...a: any[]) => net.Socket
  net.Socket.prototype.connect = function (this: net.Socket, ...args: any[]) {
    const o = Array.isArray(args[0]) ? args[0][0] : args[0]
    const host =
      typeof o === 'object' && o !== null ? (o.host ?? o.path ?? 'localhost') : typeof args[1] === 'string' ? args[1] : 'localhost'
    outbound.push(String(host))
    return connect.apply(this, args)
  } as any
  const lookup = dns.lookup as (...a: any[]) => void
  ;(dns as any).lookup = (hostname: string, ...rest: any[]) => {
    outbound.push(`dns:${hostname}`)
    return lookup.call(dns, hostname, ...rest)
  }
}

export interface Harness {
  db: LocalDatabase
  port: number
  /** wx-server-sdk, required after the environment points at this server. */
  cloud: any
  close(): Promise<void>
}

export const TEST_COLLECTIONS: LocalDatabaseOptions['collections'] = {
  ...COLLECTIONS,
  items: { indexes: [] },
  places: { indexes: [{ name: 'loc_2dsphere', keys: { loc: '2dsphere' } }] },
  counters: { indexes: [] },
  uniq: { indexes: [{ name: 'code_unique', keys: { code: 1 }, unique: true }] },
}

export async function startHarness(opts: Partial<LocalDatabaseOptions> = {}): Promise<Harness> {
  watchNetwork()
  const db = openDatabase({ collections: TEST_COLLECTIONS, ...opts })
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      let answer: unknown
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
        answer =
          req.url?.startsWith('/admin') && String(body.action ?? '').startsWith('database.')
            ? await db.handle(body)
            : { code: 'INVALID_PARAM', message: `not a database request: ${body.action}` }
      } catch (e) {
        answer = { code: 'INVALID_PARAM', message: String(e) }
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(answer))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  Object.assign(process.env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port}/admin` }),
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TCB_ENV: 'local',
    SCF_NAMESPACE: 'local',
    SILENCE: 'true',
    TENCENTCLOUD_REGION: 'ap-shanghai',
  })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  return {
    db,
    port,
    cloud,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
      db.close()
    },
  }
}

/** The error a wx-server-sdk call rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error('expected the call to fail')
}
