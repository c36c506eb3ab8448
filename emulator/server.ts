/**
 * `startLocalCloud()`: one HTTP server on 127.0.0.1 that stands in for WeChat Cloud — the
 * database, function containers, storage, openapi, message push, the gateway and the dev page —
 * for the app described by `options.app` (collections, function environment, seeds, rules).
 * This file only assembles the parts; each request goes through http/router.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { LocalCloudApp } from './app'
import { type LocalDatabase, openDatabase } from './db'
import { FunctionRunner, type InvokeResult } from './functions/runner'
import { runTrigger, scheduleTimers } from './functions/timers'
import type { CloudParts } from './http/parts'
import { requestHandler } from './http/router'
import { isLoopback } from './http/util'
import { messagePush } from './message-push'
import { createOpenApi, type LocalOpenApi } from './openapi'
import { createStorage, type LocalStorage } from './storage'

export const DEFAULT_APPID = 'wxlocal0000000000'
export const DEFAULT_ENV_ID = 'local-env'

export interface LocalCloudOptions {
  /** What the app brings: collections, function env, seeds, storage and content rules, message push. */
  app?: LocalCloudApp
  /** 0 = any free port. Default 0. */
  port?: number
  /** Default 127.0.0.1. Anything else requires allowNonLoopback. */
  host?: string
  allowNonLoopback?: boolean
  /** Persistent data folder (db.sqlite + storage/). Omit with memory: true for a throwaway cloud. */
  dataDir?: string
  memory?: boolean
  /** A seed of the app (`app.seeds`), or 'none' (default). */
  seed?: string
  /** Overrides app.functionsDir. */
  functionsDir?: string
  /** Overrides app.h5Dir. */
  h5Dir?: string
  /** Added over app.functionEnv for every function container. */
  functionEnv?: Record<string, string>
  /** Run timer triggers on their cron schedule. Default true for the CLI, false in tests. */
  timers?: boolean
  poolSize?: number
  quiet?: boolean
  echoFunctionLogs?: boolean
  /** Delay before a mediaCheckAsync verdict is pushed (default 300 ms; 0 = next tick). */
  mediaVerdictDelayMs?: number
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

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => ok((server.address() as AddressInfo).port))
  })
}

interface Assembled {
  parts: CloudParts
  baseUrl: () => string
  setBaseUrl(url: string): void
  /** a throwaway data folder, removed at stop */
  tempDir?: string
}

/** The database, storage, function runner and openapi of one local cloud, wired together for the app. */
function assemble(options: LocalCloudOptions, app: LocalCloudApp): Assembled {
  const tempDir = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'local-cloud-'))
  const dataDir = resolve(options.dataDir ?? (tempDir as string))
  mkdirSync(dataDir, { recursive: true })
  const appid = app.appid ?? DEFAULT_APPID
  const envId = app.envId ?? DEFAULT_ENV_ID
  const functionEnv = { ...app.functionEnv, ...options.functionEnv }
  const log = (msg: string) => {
    if (!options.quiet) process.stderr.write(`[local-cloud] ${msg}\n`)
  }
  let baseUrl = ''
  const db = openDatabase({
    file: options.memory ? undefined : join(dataDir, 'db.sqlite'),
    collections: app.collections ?? {},
    envName: envId,
  })
  const storage = createStorage({
    dir: join(dataDir, 'storage'),
    envId,
    baseUrl: () => baseUrl,
    rules: app.storageRules
      ? { json: JSON.parse(readFileSync(app.storageRules.file, 'utf8')), ownerOf: app.storageRules.ownerOf }
      : undefined,
    ownersFile: options.memory ? undefined : join(dataDir, 'storage-owners.json'),
  })
  const runner = new FunctionRunner({
    functionsDir: resolve(options.functionsDir ?? app.functionsDir ?? 'dist/cloudfunctions'),
    envId,
    adminUrlFor: (workerId) => `${baseUrl}/admin/w/${workerId}`,
    functionEnv,
    poolSize: options.poolSize,
    echoLogs: options.echoFunctionLogs,
  })
  const openapi = createOpenApi({
    appid,
    rulesFile: app.contentRulesFile,
    mediaVerdictDelayMs: options.mediaVerdictDelayMs,
    readMedia: (url) => storage.readByTempUrl(url),
    push: messagePush(runner, app.messagePush ?? {}, appid, log),
  })
  const parts: CloudParts = {
    app,
    appid,
    envId,
    db,
    storage,
    openapi,
    runner,
    functionEnv,
    h5Dir: resolve(options.h5Dir ?? app.h5Dir ?? 'dist/h5'),
    identityCookie: app.identityCookie ?? 'local_openid',
    invoke: (name, data, ctx) =>
      runner.invoke(name, openapi.resolveCloudIds(data, { openid: ctx.openid, appid: ctx.appid, groupOpengid: ctx.groupOpengid }), ctx),
    runTrigger: (fn, name) => runTrigger(runner, fn, name),
    log,
  }
  return {
    parts,
    baseUrl: () => baseUrl,
    setBaseUrl: (url) => {
      baseUrl = url
    },
    tempDir,
  }
}

/** What `startLocalCloud` hands back: the parts, calls as a user or a trigger, the SDK environment, stop. */
function handleOf(a: Assembled, server: Server, port: number, stopTimers: () => void): LocalCloud {
  const { parts } = a
  let stopped = false
  return {
    url: a.baseUrl(),
    port,
    envId: parts.envId,
    appid: parts.appid,
    db: parts.db,
    storage: parts.storage,
    openapi: parts.openapi,
    runner: parts.runner,
    invoke: (name, data, as = {}) =>
      parts.invoke(name, data, {
        openid: as.openid ?? '',
        appid: parts.appid,
        source: 'wx_client',
        clientIp: '127.0.0.1',
        groupOpengid: as.group,
      }),
    runTrigger: parts.runTrigger,
    sdkEnv: () => ({
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_SECRETID: 'local-secret-id',
      TENCENTCLOUD_SECRETKEY: 'local-secret-key',
      TCB_ENV: parts.envId,
      SCF_NAMESPACE: parts.envId,
      TENCENTCLOUD_REGION: 'ap-shanghai',
      SILENCE: 'true',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${a.baseUrl()}/admin` }),
    }),
    async stop() {
      if (stopped) return
      stopped = true
      stopTimers()
      parts.openapi.stop()
      await parts.runner.close()
      server.closeAllConnections?.()
      await new Promise<void>((r) => server.close(() => r()))
      parts.db.close()
      if (a.tempDir) rmSync(a.tempDir, { recursive: true, force: true })
    },
  }
}

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const app = options.app ?? {}
  const host = options.host ?? '127.0.0.1'
  if (!isLoopback(host) && !options.allowNonLoopback)
    throw new Error(`local cloud refuses to listen on ${host}: it has no authentication. Pass --allow-non-loopback if you really mean it.`)
  const seed = options.seed ?? 'none'
  const seedFn = seed === 'none' ? undefined : app.seeds?.[seed]
  if (seed !== 'none' && !seedFn)
    throw new Error(`unknown seed "${seed}" (this app has: ${Object.keys(app.seeds ?? {}).join(', ') || 'none'})`)
  const a = assemble(options, app)
  const server = createServer(requestHandler(a.parts, { listenHost: host }))
  server.keepAliveTimeout = 5000
  const port = await listen(server, options.port ?? 0, host)
  a.setBaseUrl(`http://${host.includes(':') ? `[${host}]` : host}:${port}`)
  if (seedFn) a.parts.log(`${seed} data: ${seedFn(a.parts.db)} document(s) added`)
  const stopTimers = options.timers ? scheduleTimers(a.parts.runner, a.parts.log) : () => {}
  return handleOf(a, server, port, stopTimers)
}
