/**
 * The local cloud: one HTTP server on 127.0.0.1 that stands in for WeChat Cloud.
 *
 *   POST /admin/w/<container>   what wx-server-sdk inside a function container talks to
 *   POST /admin                 the same, for SDK clients outside a container (tests, seeding)
 *   POST /api/functions/<name>  the gateway for the H5 build and tests (body = data, answer = result)
 *   POST /api/storage/upload    H5 uploads;  POST /api/subscribe  H5 stand-in of requestSubscribeMessage
 *   /__storage/...              file bytes (upload target, downloads, temp URLs)
 *   /__dev/                     dev page: pick who you are, browse collections, outbox, logs
 *   GET /...                    the H5 build (dist/h5) when present
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { Cron } from 'croner'
import { COLLECTIONS } from '../cloudfunctions/_lib/collections'
import { seedDemo } from '../scripts/local-cloud/seed/demo'
import { type LocalDatabase, openDatabase } from './db'
import { devPageHtml } from './dev-page'
import { FunctionRunner, type InvocationContext, type InvokeResult, newRequestId } from './functions/runner'
import { CONTENT_TYPES, isLoopback, parseCookies, readBody, sendJson, sendText } from './http-util'
import { createOpenApi, type LocalOpenApi, readAdminBody } from './openapi'
import { findRepoRoot } from './paths'
import { createStorage, type LocalStorage } from './storage'

export const REPO_ROOT = findRepoRoot(__dirname)
export const LOCAL_APPID = 'wxlocal0000000000'
export const LOCAL_ENV_ID = 'xiaoge-local'
export const IDENTITY_COOKIE = 'xg_local_openid'
export const GROUP_HEADER = 'x-local-group'
export const OPENID_HEADER = 'x-local-openid'

export interface LocalCloudOptions {
  /** 0 = any free port. Default 0. */
  port?: number
  /** Default 127.0.0.1. Anything else requires allowNonLoopback. */
  host?: string
  allowNonLoopback?: boolean
  /** Persistent data folder (db.sqlite + storage/). Omit with memory: true for a throwaway cloud. */
  dataDir?: string
  memory?: boolean
  seed?: 'demo' | 'none'
  /** Where the bundled functions are. Default dist/cloudfunctions. */
  functionsDir?: string
  /** The H5 build to serve at /. Default dist/h5 (served only if it exists). */
  h5Dir?: string
  /** Environment variables for every function container (like the console's function env vars). */
  functionEnv?: Record<string, string>
  /** Run timer triggers on their cron schedule. Default true for the CLI, false in tests. */
  timers?: boolean
  poolSize?: number
  quiet?: boolean
  echoFunctionLogs?: boolean
}

export interface LocalCloud {
  url: string
  port: number
  envId: string
  appid: string
  db: LocalDatabase
  storage: LocalStorage
  openapi: LocalOpenApi
  runner: FunctionRunner
  /** Call a function the way a mini-program user would (SOURCE wx_client). */
  invoke(name: string, data: Record<string, unknown>, as?: { openid?: string; group?: string }): Promise<InvokeResult>
  /** Run one of a function's timer triggers now (SOURCE wx_trigger). */
  runTrigger(fn: string, triggerName: string): Promise<InvokeResult>
  /** Environment for a wx-server-sdk client outside a container (tests, scripts). */
  sdkEnv(): Record<string, string>
  stop(): Promise<void>
}

/** The demo town account; the seed and README name it. Real deployments list theirs in TOWN_BOOTSTRAP_OPENIDS. */
export { DEMO_TOWN_OPENID } from '../scripts/local-cloud/seed/demo'

import { DEMO_TOWN_OPENID } from '../scripts/local-cloud/seed/demo'

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const host = options.host ?? '127.0.0.1'
  if (!isLoopback(host) && !options.allowNonLoopback) {
    throw new Error(`local cloud refuses to listen on ${host}: it has no authentication. Pass --allow-non-loopback if you really mean it.`)
  }
  const tempDir = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'xiaoge-cloud-'))
  const dataDir = resolve(options.dataDir ?? (tempDir as string))
  mkdirSync(dataDir, { recursive: true })
  const dist = resolve(REPO_ROOT, process.env.XG_DIST ?? 'dist')
  const functionsDir = resolve(options.functionsDir ?? join(dist, 'cloudfunctions'))
  const h5Dir = resolve(options.h5Dir ?? join(dist, 'h5'))

  const db = openDatabase({ file: options.memory ? undefined : join(dataDir, 'db.sqlite'), collections: COLLECTIONS })
  let baseUrl = ''
  const storage = createStorage({ dir: join(dataDir, 'storage'), envId: LOCAL_ENV_ID, baseUrl: () => baseUrl })
  const openapi = createOpenApi({ appid: LOCAL_APPID })
  // The function environment variables a deployment sets in the console (README "Deploy"); local values.
  const functionEnv = {
    TOWN_BOOTSTRAP_OPENIDS: DEMO_TOWN_OPENID,
    STATION_CHECKIN_SECRET: 'local-dev-checkin-secret-not-for-production',
    ...options.functionEnv,
  }
  const runner = new FunctionRunner({
    functionsDir,
    envId: LOCAL_ENV_ID,
    adminUrlFor: (workerId) => `${baseUrl}/admin/w/${workerId}`,
    functionEnv,
    poolSize: options.poolSize,
    echoLogs: options.echoFunctionLogs,
  })
  const log = (msg: string) => {
    if (!options.quiet) process.stderr.write(`[local-cloud] ${msg}\n`)
  }

  async function invoke(name: string, data: unknown, ctx: InvocationContext): Promise<InvokeResult> {
    const resolved = openapi.resolveCloudIds(data, { openid: ctx.openid, appid: ctx.appid, groupOpengid: ctx.groupOpengid })
    return runner.invoke(name, resolved, ctx)
  }

  async function handleAdmin(req: IncomingMessage, res: ServerResponse, workerId?: string): Promise<void> {
    let body: Record<string, unknown>
    try {
      // JSON for database/storage/functions actions; multipart with protobuf parts for wx.openApi.
      body = await readAdminBody(req)
    } catch {
      sendJson(res, 200, { code: 'INVALID_PARAM', message: 'request body is not JSON or multipart', requestId: newRequestId() })
      return
    }
    const action = typeof body.action === 'string' ? body.action : ''
    const running = workerId ? runner.contextOf(workerId) : undefined
    const caller: InvocationContext = running?.ctx ?? { openid: '', appid: LOCAL_APPID, source: 'other' }
    if (action.startsWith('database.')) {
      sendJson(res, 200, await db.handle(body))
      return
    }
    if (action.startsWith('storage.')) {
      sendJson(res, 200, await storage.handleAdmin(body))
      return
    }
    if (action.startsWith('wx.')) {
      const out = await openapi.handleAdmin(body, { openid: caller.openid, appid: caller.appid, groupOpengid: caller.groupOpengid })
      res.writeHead(out.status, out.headers)
      res.end(out.body)
      return
    }
    if (action === 'functions.invokeFunction') {
      const name = String(body.function_name ?? '')
      let data: unknown = {}
      try {
        data = body.request_data ? JSON.parse(String(body.request_data)) : {}
      } catch {
        sendJson(res, 200, { code: 'INVALID_PARAM', message: 'request_data is not JSON', requestId: newRequestId() })
        return
      }
      const source = caller.source ? `${caller.source},scf` : 'scf'
      const r = await invoke(name, data, { ...caller, source })
      if (r.ok) sendJson(res, 200, { data: { response_data: JSON.stringify(r.result) }, requestId: r.requestId })
      else
        sendJson(res, 200, {
          code: r.errCode === -501000 ? 'FUNCTIONS_NOT_EXIST' : 'FUNCTIONS_EXECUTE_FAIL',
          message: r.errMsg,
          requestId: r.requestId,
        })
      return
    }
    sendJson(res, 200, { code: 'INVALID_ACTION', message: `local cloud does not support action "${action}"`, requestId: newRequestId() })
  }

  function identityOf(req: IncomingMessage, res: ServerResponse): string {
    const header = req.headers[OPENID_HEADER]
    if (typeof header === 'string' && /^[\w-]{1,64}$/.test(header)) return header
    const cookie = parseCookies(req.headers.cookie)[IDENTITY_COOKIE]
    if (cookie && /^[\w-]{1,64}$/.test(cookie)) return cookie
    // Like WeChat, every user of the app has an openid: a newcomer gets a fresh visitor identity.
    const fresh = `o-visitor-${randomBytes(6).toString('hex')}`
    res.setHeader('set-cookie', `${IDENTITY_COOKIE}=${fresh}; Path=/; SameSite=Lax; HttpOnly`)
    return fresh
  }

  function groupOf(req: IncomingMessage): string | undefined {
    const g = req.headers[GROUP_HEADER]
    return typeof g === 'string' && /^[\w-]{1,64}$/.test(g) ? g : undefined
  }

  async function handleGateway(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, { errCode: -1, errMsg: 'use POST' })
      return
    }
    const openid = identityOf(req, res)
    let data: unknown
    try {
      const raw = await readBody(req)
      data = raw.length ? JSON.parse(raw.toString('utf8')) : {}
    } catch (e) {
      const status = (e as { status?: number }).status ?? 400
      sendJson(res, status, { errCode: -1, errMsg: status === 413 ? 'request too large' : 'body must be JSON' })
      return
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      sendJson(res, 400, { errCode: -1, errMsg: 'body must be a JSON object' })
      return
    }
    // Like the platform, a mini-program call's event carries the caller as `userInfo` (overwriting any sent).
    const event = { ...(data as Record<string, unknown>), userInfo: { appId: LOCAL_APPID, openId: openid } }
    const r = await invoke(name, event, {
      openid,
      appid: LOCAL_APPID,
      source: 'wx_client',
      clientIp: '127.0.0.1',
      groupOpengid: groupOf(req),
    })
    if (r.ok) sendJson(res, 200, r.result, { 'x-request-id': r.requestId })
    else sendJson(res, r.errCode === -501000 ? 404 : 502, { errCode: r.errCode, errMsg: r.errMsg, requestId: r.requestId })
  }

  async function handleDev(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
    if (path === '/__dev' || path === '/__dev/') {
      sendText(res, 200, devPageHtml(), 'text/html; charset=utf-8')
      return
    }
    if (path === '/__dev/api/whoami') {
      const cookie = parseCookies(req.headers.cookie)[IDENTITY_COOKIE] ?? null
      sendJson(res, 200, { openid: cookie })
      return
    }
    if (path === '/__dev/api/login' && req.method === 'POST') {
      const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as { openid?: string }
      const openid = String(body.openid ?? '')
      if (!/^[\w-]{1,64}$/.test(openid)) {
        sendJson(res, 400, { error: 'openid must be 1-64 letters, digits, _ or -' })
        return
      }
      sendJson(res, 200, { openid }, { 'set-cookie': `${IDENTITY_COOKIE}=${openid}; Path=/; SameSite=Lax; HttpOnly` })
      return
    }
    if (path === '/__dev/api/people') {
      const people = db
        .find('users', {}, { limit: 200 })
        .map((u) => ({ openid: u._id, nickname: u.nickname, roles: u.roles ?? [], groupIds: u.groupIds ?? [] }))
      sendJson(res, 200, { people, town: [...functionEnv.TOWN_BOOTSTRAP_OPENIDS.split(',')] })
      return
    }
    if (path === '/__dev/api/collections') {
      sendJson(res, 200, { collections: db.listCollections() })
      return
    }
    const coll = path.match(/^\/__dev\/api\/collections\/([\w-]{1,64})$/)
    if (coll) {
      const limit = Math.min(500, Number(url.searchParams.get('limit')) || 50)
      sendJson(res, 200, { docs: db.find(coll[1], {}, { limit }) })
      return
    }
    if (path === '/__dev/api/outbox') {
      if (req.method === 'DELETE') openapi.clearOutbox()
      sendJson(res, 200, { outbox: openapi.outbox() })
      return
    }
    if (path === '/__dev/api/logs') {
      sendJson(res, 200, { logs: runner.logs(url.searchParams.get('fn') ?? undefined, 300) })
      return
    }
    if (path === '/__dev/api/functions') {
      sendJson(res, 200, { functions: runner.list().map((name) => ({ name, config: runner.config(name) })) })
      return
    }
    const trig = path.match(/^\/__dev\/api\/functions\/([\w-]{1,64})\/triggers\/([\w-]{1,64})$/)
    if (trig && req.method === 'POST') {
      sendJson(res, 200, await runTrigger(trig[1], trig[2]))
      return
    }
    sendJson(res, 404, { error: 'not found' })
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (!existsSync(join(h5Dir, 'index.html'))) {
      sendText(
        res,
        200,
        `<!doctype html><meta charset="utf-8"><title>小哥之家 本地云</title><body style="font:16px/1.6 sans-serif;padding:24px"><h1>本地云已启动</h1><p>还没有 H5 构建（dist/h5）。运行 <code>npm run build:h5</code> 后刷新，或打开 <a href="/__dev/">开发者页面</a>。</p>`,
        'text/html; charset=utf-8',
      )
      return
    }
    let rel: string
    try {
      rel = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '')
    } catch {
      sendText(res, 400, 'bad path')
      return
    }
    let file = join(h5Dir, rel)
    if (!file.startsWith(h5Dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(h5Dir, 'index.html')
    const body = readFileSync(file)
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const path = url.pathname
    const route = async () => {
      if (path === '/admin' && req.method === 'POST') return handleAdmin(req, res)
      const w = path.match(/^\/admin\/w\/([0-9a-f]{16})$/)
      if (w && req.method === 'POST') return handleAdmin(req, res, w[1])
      const fn = path.match(/^\/api\/functions\/([\w-]{1,64})$/)
      if (fn) return handleGateway(req, res, fn[1])
      if (path === '/api/storage/upload' && req.method === 'POST') return storage.handleClientUpload(req, res, identityOf(req, res))
      if (path === '/api/subscribe' && req.method === 'POST') {
        const openid = identityOf(req, res)
        const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as { tmplIds?: unknown }
        const ids = Array.isArray(body.tmplIds) ? body.tmplIds.filter((x): x is string => typeof x === 'string').slice(0, 3) : []
        openapi.recordSubscription(openid, ids)
        return sendJson(res, 200, Object.fromEntries([['errMsg', 'requestSubscribeMessage:ok'], ...ids.map((id) => [id, 'accept'])]))
      }
      if (path.startsWith('/__storage/')) {
        if (await storage.handleHttp(req, res)) return
        return sendText(res, 404, 'not found')
      }
      if (path.startsWith('/__dev')) return handleDev(req, res, path, url)
      if (path === '/api/local/group-enter-info' && req.method === 'POST') {
        // H5 stand-in of wx.getGroupEnterInfo: a CloudID for the group the app was "opened from".
        const openid = identityOf(req, res)
        const group = groupOf(req)
        if (!group) return sendJson(res, 200, { errMsg: 'getGroupEnterInfo:fail not opened from a group chat', errCode: -1 })
        return sendJson(res, 200, {
          errMsg: 'getGroupEnterInfo:ok',
          cloudID: openapi.makeGroupCloudId(group, { openid, kind: 'groupEnter' }),
        })
      }
      if (path === '/__health') return sendJson(res, 200, { ok: true })
      if (path.startsWith('/api/')) return sendJson(res, 404, { errCode: -1, errMsg: 'not found' })
      if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(req, res, path)
      return sendJson(res, 404, { error: 'not found' })
    }
    route().catch((err: unknown) => {
      const status = (err as { status?: number }).status ?? (err instanceof SyntaxError ? 400 : 500)
      if (status >= 500) log(`error on ${req.method} ${path}: ${(err as Error).stack ?? err}`)
      if (!res.headersSent)
        sendJson(res, status, { errCode: -1, errMsg: status === 413 ? 'request too large' : 'local cloud internal error' })
      else res.end()
    })
  })
  server.keepAliveTimeout = 5000

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, host, () => ok())
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  if (options.seed === 'demo') {
    const n = seedDemo(db)
    log(`demo data: ${n} document(s) added`)
  }

  async function runTrigger(fn: string, triggerName: string): Promise<InvokeResult> {
    const trigger = runner.config(fn).triggers?.find((t) => t.name === triggerName)
    if (!trigger)
      return { ok: false, errCode: -501000, errMsg: `no trigger ${triggerName} on ${fn}`, requestId: newRequestId(), durationMs: 0 }
    const event = { Type: 'Timer', TriggerName: trigger.name, Time: new Date().toISOString(), Message: '' }
    return runner.invoke(fn, event, { openid: '', appid: '', source: 'wx_trigger' })
  }

  const crons: Cron[] = []
  if (options.timers) {
    for (const fn of runner.list()) {
      for (const t of runner.config(fn).triggers ?? []) {
        if (t.type !== 'timer') continue
        const fields = t.config.trim().split(/\s+/)
        const six = fields.length === 7 ? fields.slice(0, 6).join(' ') : t.config
        try {
          crons.push(new Cron(six, { timezone: 'Asia/Shanghai', protect: true }, () => void runTrigger(fn, t.name)))
        } catch (e) {
          log(`timer ${fn}/${t.name} has an invalid cron "${t.config}": ${(e as Error).message}`)
        }
      }
    }
  }

  let stopped = false
  return {
    url: baseUrl,
    port,
    envId: LOCAL_ENV_ID,
    appid: LOCAL_APPID,
    db,
    storage,
    openapi,
    runner,
    invoke: (name, data, as = {}) =>
      invoke(name, data, {
        openid: as.openid ?? '',
        appid: LOCAL_APPID,
        source: 'wx_client',
        clientIp: '127.0.0.1',
        groupOpengid: as.group,
      }),
    runTrigger,
    sdkEnv: () => ({
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_SECRETID: 'local-secret-id',
      TENCENTCLOUD_SECRETKEY: 'local-secret-key',
      TCB_ENV: LOCAL_ENV_ID,
      SCF_NAMESPACE: LOCAL_ENV_ID,
      TENCENTCLOUD_REGION: 'ap-shanghai',
      SILENCE: 'true',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${baseUrl}/admin` }),
    }),
    async stop() {
      if (stopped) return
      stopped = true
      for (const c of crons) c.stop()
      await runner.close()
      server.closeAllConnections?.()
      await new Promise<void>((r) => server.close(() => r()))
      db.close()
      if (tempDir) rmSync(tempDir, { recursive: true, force: true })
    },
  }
}
