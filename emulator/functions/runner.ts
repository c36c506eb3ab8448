/**
 * Runs bundled cloud functions (dist/cloudfunctions/<name>/index.js) like the WeChat Cloud
 * runtime: each function in its own Node processes ("containers"), one invocation at a time per
 * process, a small pool per function, `config.json` timeouts honoured (a timed-out container is
 * killed, as the real one is), WX context injected as environment variables per invocation.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface InvocationContext {
  /** '' for invocations with no user (timer triggers). */
  openid: string
  appid: string
  unionid?: string
  /** SOURCE as getWXContext() reports it: wx_client, wx_client,scf, wx_trigger ... */
  source: string
  clientIp?: string
  /** The WeChat group the client was opened from (local stand-in for group enter info). */
  groupOpengid?: string
}

export type InvokeResult =
  | { ok: true; result: unknown; requestId: string; durationMs: number }
  | { ok: false; errCode: number; errMsg: string; requestId: string; durationMs: number }

export interface TimerTrigger {
  name: string
  type: 'timer'
  /** WeChat's 7-field cron: second minute hour day month week year */
  config: string
}

export interface FunctionConfig {
  /** seconds; WeChat's default is 3 */
  timeout?: number
  permissions?: { openapi?: string[] }
  triggers?: TimerTrigger[]
}

export interface LogEntry {
  at: string
  fn: string
  requestId: string
  level: 'log' | 'error' | 'invoke'
  text: string
}

interface Pending {
  requestId: string
  ctx: InvocationContext
  started: number
  resolve: (r: InvokeResult) => void
  timer: NodeJS.Timeout
}

interface Worker {
  id: string
  fn: string
  proc: ChildProcess
  ready: Promise<void>
  current?: Pending
  /** Reserved for or running an invocation. */
  busy: boolean
  dead: boolean
}

export interface FunctionRunnerOptions {
  functionsDir: string
  envId: string
  /** The /admin URL a given container's SDK should talk to (lets the server know who is calling). */
  adminUrlFor: (workerId: string) => string
  /** Extra environment for every container (the function environment variables of the console). */
  functionEnv?: Record<string, string>
  poolSize?: number
  /** Echo function console output to this process's stderr. */
  echoLogs?: boolean
}

const DEFAULT_TIMEOUT_S = 3
// Beside this file in the sources, beside the bundle in dist/emulator.
const WORKER_SCRIPT =
  [join(__dirname, 'worker.cjs'), join(__dirname, 'functions', 'worker.cjs')].find((p) => existsSync(p)) ?? join(__dirname, 'worker.cjs')
const LOG_LIMIT = 2000

export function newRequestId(): string {
  return randomBytes(16).toString('hex')
}

export class FunctionRunner {
  private readonly pools = new Map<string, Worker[]>()
  private readonly queues = new Map<string, Array<() => void>>()
  private readonly byWorker = new Map<string, Worker>()
  private readonly logBuffer: LogEntry[] = []
  private closed = false

  constructor(private readonly opts: FunctionRunnerOptions) {}

  list(): string[] {
    if (!existsSync(this.opts.functionsDir)) return []
    return readdirSync(this.opts.functionsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(this.opts.functionsDir, d.name, 'index.js')))
      .map((d) => d.name)
      .sort()
  }

  has(name: string): boolean {
    return /^[A-Za-z0-9_-]{1,64}$/.test(name) && existsSync(join(this.opts.functionsDir, name, 'index.js'))
  }

  config(name: string): FunctionConfig {
    const file = join(this.opts.functionsDir, name, 'config.json')
    if (!existsSync(file)) return {}
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as FunctionConfig
    } catch {
      return {}
    }
  }

  /** The invocation a container is running now (for requests arriving at its /admin URL). */
  contextOf(workerId: string): { fn: string; ctx: InvocationContext } | undefined {
    const w = this.byWorker.get(workerId)
    return w?.current ? { fn: w.fn, ctx: w.current.ctx } : undefined
  }

  logs(fn?: string, limit = 200): LogEntry[] {
    const all = fn ? this.logBuffer.filter((l) => l.fn === fn) : this.logBuffer
    return all.slice(-limit)
  }

  async invoke(name: string, event: unknown, ctx: InvocationContext): Promise<InvokeResult> {
    const requestId = newRequestId()
    const started = Date.now()
    if (this.closed) return { ok: false, errCode: -501000, errMsg: 'local cloud is shutting down', requestId, durationMs: 0 }
    if (!this.has(name)) {
      return { ok: false, errCode: -501000, errMsg: `[FunctionName] 函数 ${name} 不存在 (FUNCTION_NOT_FOUND)`, requestId, durationMs: 0 }
    }
    const worker = await this.acquire(name)
    const timeoutS = Math.max(1, Math.min(900, Number(this.config(name).timeout) || DEFAULT_TIMEOUT_S))
    this.log(name, requestId, 'invoke', `START source=${ctx.source} openid=${ctx.openid || '-'}`)
    return await new Promise<InvokeResult>((resolve) => {
      const finish = (r: InvokeResult) => {
        clearTimeout(pending.timer)
        worker.current = undefined
        worker.busy = false
        this.log(name, requestId, 'invoke', `END ${r.ok ? 'ok' : `error ${r.errCode}`} ${r.durationMs} ms`)
        this.release(worker)
        resolve(r)
      }
      const pending: Pending = {
        requestId,
        ctx,
        started,
        resolve: finish,
        timer: setTimeout(() => {
          this.kill(worker)
          finish({
            ok: false,
            errCode: -504003,
            errMsg: `Invoking task timed out after ${timeoutS} seconds`,
            requestId,
            durationMs: Date.now() - started,
          })
        }, timeoutS * 1000),
      }
      worker.current = pending
      worker.proc.send({
        type: 'invoke',
        id: requestId,
        event,
        env: this.contextEnv(ctx, requestId),
        context: { request_id: requestId, function_name: name },
      })
    })
  }

  /** Kill every container and wait until they are gone. */
  async close(): Promise<void> {
    this.closed = true
    const procs = [...this.byWorker.values()].map((w) => w.proc)
    const exited = procs.map((p) =>
      p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => p.once('exit', () => r())),
    )
    for (const pool of this.pools.values()) for (const w of [...pool]) this.kill(w)
    for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL')
    this.pools.clear()
    await Promise.all(exited)
  }

  private contextEnv(ctx: InvocationContext, requestId: string): Record<string, string> {
    const env: Record<string, string> = {
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6',
      TCB_SOURCE: ctx.source,
      TCB_SEQID: requestId,
    }
    if (ctx.openid) env.WX_OPENID = ctx.openid
    if (ctx.openid && ctx.appid) env.WX_APPID = ctx.appid
    if (ctx.unionid) env.WX_UNIONID = ctx.unionid
    if (ctx.clientIp) env.WX_CLIENTIP = ctx.clientIp
    return env
  }

  private baseEnv(workerId: string): NodeJS.ProcessEnv {
    // The container does not inherit the developer's shell: like the real one it gets a small,
    // fixed environment (PATH for node, TZ=UTC as in WeChat Cloud).
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      NODE_ENV: 'production',
      TZ: 'UTC',
      SILENCE: 'true',
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_SECRETID: 'local-secret-id',
      TENCENTCLOUD_SECRETKEY: 'local-secret-key',
      TENCENTCLOUD_SESSIONTOKEN: 'local-session-token',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      TCB_ENV: this.opts.envId,
      SCF_NAMESPACE: this.opts.envId,
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.opts.adminUrlFor(workerId) }),
      // libfaketime passes through, so a whole local cloud can be run at another hour
      // (e.g. `faketime -f +9h npm test` to check the night and the Shanghai day boundary).
      ...Object.fromEntries(
        ['LD_PRELOAD', 'FAKETIME', 'FAKETIME_NO_CACHE', 'DONT_FAKE_MONOTONIC'].flatMap((k) =>
          process.env[k] ? [[k, process.env[k] as string]] : [],
        ),
      ),
      ...this.opts.functionEnv,
    }
    // A function environment with its own libfaketime clock (a file) wins over an inherited offset:
    // libfaketime reads FAKETIME before the file, so the inherited one is dropped.
    if (this.opts.functionEnv?.FAKETIME_TIMESTAMP_FILE && !this.opts.functionEnv.FAKETIME) delete env.FAKETIME
    return env
  }

  private spawn(fn: string): Worker {
    const id = randomBytes(8).toString('hex')
    const proc = fork(WORKER_SCRIPT, [join(this.opts.functionsDir, fn)], {
      env: this.baseEnv(id),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    })
    let readyResolve: () => void = () => {}
    const worker: Worker = { id, fn, proc, busy: true, dead: false, ready: new Promise<void>((r) => (readyResolve = r)) }
    proc.on('message', (msg: { type: string; id?: string; ok?: boolean; json?: string | null; error?: { message: string } }) => {
      if (msg.type === 'ready') readyResolve()
      if (msg.type !== 'result' || !worker.current || msg.id !== worker.current.requestId) return
      const p = worker.current
      const durationMs = Date.now() - p.started
      if (msg.ok) {
        p.resolve({ ok: true, result: msg.json == null ? null : JSON.parse(msg.json), requestId: p.requestId, durationMs })
      } else {
        p.resolve({
          ok: false,
          errCode: -504002,
          errMsg: `functions execute fail | ${msg.error?.message ?? 'error'}`,
          requestId: p.requestId,
          durationMs,
        })
      }
    })
    const capture = (level: 'log' | 'error') => (chunk: Buffer) => {
      const text = chunk.toString('utf8').trimEnd()
      if (!text) return
      this.log(fn, worker.current?.requestId ?? '-', level, text)
      if (this.opts.echoLogs) process.stderr.write(`[fn:${fn}] ${text}\n`)
    }
    proc.stdout?.on('data', capture('log'))
    proc.stderr?.on('data', capture('error'))
    proc.on('exit', (code, signal) => {
      worker.dead = true
      readyResolve()
      this.byWorker.delete(id)
      const pool = this.pools.get(fn)
      if (pool?.includes(worker)) pool.splice(pool.indexOf(worker), 1)
      this.release(worker)
      if (worker.current) {
        const p = worker.current
        p.resolve({
          ok: false,
          errCode: -504002,
          errMsg: `functions execute fail | container exited (${signal ?? code})`,
          requestId: p.requestId,
          durationMs: Date.now() - p.started,
        })
      }
    })
    this.byWorker.set(id, worker)
    return worker
  }

  private async acquire(fn: string): Promise<Worker> {
    const size = this.opts.poolSize ?? 2
    for (;;) {
      const pool = this.pools.get(fn) ?? []
      this.pools.set(fn, pool)
      let chosen = pool.find((w) => !w.busy && !w.dead)
      if (chosen) chosen.busy = true
      else if (pool.length < size) {
        chosen = this.spawn(fn)
        pool.push(chosen)
      }
      if (chosen) {
        await chosen.ready
        if (!chosen.dead) return chosen
        continue
      }
      await new Promise<void>((r) => {
        const q = this.queues.get(fn) ?? []
        q.push(r)
        this.queues.set(fn, q)
      })
    }
  }

  private release(worker: Worker): void {
    const next = this.queues.get(worker.fn)?.shift()
    if (next) next()
  }

  private kill(worker: Worker): void {
    if (worker.dead) return
    worker.dead = true
    worker.proc.kill('SIGKILL')
    const pool = this.pools.get(worker.fn)
    if (pool?.includes(worker)) pool.splice(pool.indexOf(worker), 1)
    this.release(worker)
  }

  private log(fn: string, requestId: string, level: LogEntry['level'], text: string): void {
    this.logBuffer.push({ at: new Date().toISOString(), fn, requestId, level, text: text.slice(0, 4000) })
    if (this.logBuffer.length > LOG_LIMIT) this.logBuffer.splice(0, this.logBuffer.length - LOG_LIMIT)
  }
}
