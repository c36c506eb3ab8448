/**
 * A tiny stand-in of the lead's emulator/server.ts for the storage and openapi tests: routes
 * POST /admin by action prefix, /__storage/ to the storage, POST /api/storage/upload to the
 * client upload. The caller identity of openapi calls is the WX_* env of this jest process,
 * read at request time (the real server maps a function process to its WX context).
 */
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createOpenApi, type LocalOpenApi, readAdminBody } from '../../../emulator/openapi'
import { createStorage, type LocalStorage } from '../../../emulator/storage'
import { CONTENT_RULES_FILE } from '../../../scripts/local-cloud/app'

export interface Harness {
  port: number
  baseUrl: string
  storage: LocalStorage
  openapi: LocalOpenApi
  /** every /admin body received, for asserting on the wire */
  adminLog: Record<string, any>[]
  close(): Promise<void>
}

export async function startHarness(opts: { dir: string; envId?: string; appid?: string; rulesFile?: string }): Promise<Harness> {
  let baseUrl = ''
  const storage = createStorage({ dir: opts.dir, envId: opts.envId ?? 'local', baseUrl: () => baseUrl })
  const openapi = createOpenApi({ appid: opts.appid ?? 'wxlocalappid', rulesFile: opts.rulesFile ?? CONTENT_RULES_FILE })
  const adminLog: Record<string, any>[] = []

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://local')
      if (await storage.handleHttp(req, res)) return
      if (req.method === 'POST' && url.pathname === '/api/storage/upload') {
        await storage.handleClientUpload(req, res, String(req.headers['x-local-openid'] ?? ''))
        return
      }
      if (req.method === 'POST' && url.pathname === '/admin') {
        const body = await readAdminBody(req)
        adminLog.push(body)
        const action = String(body.action ?? '')
        if (action.startsWith('storage.')) {
          const json = JSON.stringify(await storage.handleAdmin(body))
          res.writeHead(200, { 'content-type': 'application/json' })
          res.end(json)
          return
        }
        if (action.startsWith('wx.')) {
          const caller = {
            openid: process.env.WX_OPENID ?? '',
            appid: process.env.WX_APPID ?? '',
            groupOpengid: process.env.LOCAL_GROUP_OPENGID,
          }
          const answer = await openapi.handleAdmin(body, caller)
          res.writeHead(answer.status, answer.headers)
          res.end(answer.body)
          return
        }
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ code: 'INVALID_PARAM', message: `harness: no handler for ${action}` }))
        return
      }
      res.writeHead(404)
      res.end()
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String((err as Error).stack))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://127.0.0.1:${port}`
  return {
    port,
    baseUrl,
    storage,
    openapi,
    adminLog,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * Set the environment the function runtime gives a cloud function, so that an UNMODIFIED
 * wx-server-sdk required afterwards talks to the harness. Must run before require('wx-server-sdk').
 */
export function setFunctionEnv(port: number, ctx: { openid: string; appid: string; unionid?: string; env?: string }): void {
  process.env.TENCENTCLOUD_RUNENV = 'SCF'
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `http://127.0.0.1:${port}/admin` })
  process.env.TENCENTCLOUD_SECRETID = 'local'
  process.env.TENCENTCLOUD_SECRETKEY = 'local'
  process.env.TCB_ENV = ctx.env ?? 'local'
  process.env.SCF_NAMESPACE = ctx.env ?? 'local'
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6'
  process.env.WX_OPENID = ctx.openid
  process.env.WX_APPID = ctx.appid
  process.env.WX_UNIONID = ctx.unionid ?? ''
  process.env.WX_CLIENTIP = '127.0.0.1'
  process.env.WX_CLIENTIPV6 = '::ffff:127.0.0.1'
  process.env.SILENCE = 'true'
  // without it @cloudbase/node-sdk logs "missing TENCENTCLOUD_REGION" on every call
  process.env.TENCENTCLOUD_REGION = 'ap-shanghai'
}
