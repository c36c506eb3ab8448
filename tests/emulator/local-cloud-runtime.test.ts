/**
 * The local cloud's function runtime and gateway: WX context injection as getWXContext() reads it,
 * containers (one invocation at a time, pool, timeouts), function-to-function calls, timer
 * triggers, the gateway's identity rules, loopback-only binding.
 * Fixture functions live in tests/fixtures/functions (plain JS on the real wx-server-sdk).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalCloud } from '../../emulator'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'

const fixtures = join(__dirname, '../fixtures/functions')

describe('function runtime', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    process.env.XG_SHOULD_NOT_LEAK = 'developer-shell-secret'
    cloud = await startTestCloud({ functionsDir: fixtures, poolSize: 2 })
  })
  afterAll(async () => {
    delete process.env.XG_SHOULD_NOT_LEAK
    await cloud.stop()
  })

  test('getWXContext sees the caller the gateway was told, and nothing from the developer shell', async () => {
    const r = await cloud.raw('whoami', { hello: '你好' }, { openid: 'o-rider-1' })
    expect(r.status).toBe(200)
    const body = r.body as {
      ctx: Record<string, unknown>
      event: Record<string, unknown>
      tz: string
      offset: number
      secretFromShell: unknown
    }
    expect(body.ctx.OPENID).toBe('o-rider-1')
    expect(body.ctx.APPID).toBe(cloud.appid)
    expect(body.ctx.ENV).toBe(cloud.envId)
    expect(body.ctx.SOURCE).toBe('wx_client')
    // the platform injects the caller as event.userInfo
    expect(body.event).toEqual({ hello: '你好', userInfo: { appId: cloud.appid, openId: 'o-rider-1' } })
    // WeChat cloud functions run in UTC; business code must not rely on the machine's TZ.
    expect(body.tz).toBe('UTC')
    expect(body.offset).toBe(0)
    expect(body.secretFromShell).toBeNull()
  })

  test('a client cannot forge its identity inside the event', async () => {
    const r = await cloud.raw('whoami', { userInfo: { openId: 'o-town' }, OPENID: 'o-town' }, { openid: 'o-rider-2' })
    const body = r.body as { ctx: { OPENID: string }; event: { userInfo: { openId: string } } }
    expect(body.ctx.OPENID).toBe('o-rider-2')
    expect(body.event.userInfo.openId).toBe('o-rider-2')
  })

  test('a newcomer without identity gets a fresh visitor openid cookie', async () => {
    const res = await fetch(`${cloud.url}/api/functions/whoami`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    })
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/xg_local_openid=o-visitor-[0-9a-f]{12}/)
    const body = (await res.json()) as { ctx: { OPENID: string } }
    expect(cookie).toContain(body.ctx.OPENID)
  })

  test('one invocation at a time per container, at most poolSize containers', async () => {
    const runs = await Promise.all(Array.from({ length: 6 }, (_, i) => cloud.raw('whoami', { holdMs: 150, i }, { openid: 'o-rider-3' })))
    const bodies = runs.map((r) => r.body as { pid: number; started: number; ended: number })
    const pids = new Set(bodies.map((b) => b.pid))
    expect(pids.size).toBeLessThanOrEqual(2)
    for (const pid of pids) {
      const mine = bodies.filter((b) => b.pid === pid).sort((a, b) => a.started - b.started)
      for (let i = 1; i < mine.length; i++) expect(mine[i].started).toBeGreaterThanOrEqual(mine[i - 1].ended)
    }
  })

  test('function-to-function calls carry the user and extend SOURCE', async () => {
    const r = await cloud.raw('caller', { target: 'whoami' }, { openid: 'o-rider-4' })
    expect(r.status).toBe(200)
    const body = r.body as { mine: Record<string, unknown>; theirs: { ctx: Record<string, unknown>; event: unknown } }
    expect(body.mine.SOURCE).toBe('wx_client')
    expect(body.theirs.ctx.SOURCE).toBe('wx_client,scf')
    expect(body.theirs.ctx.OPENID).toBe('o-rider-4')
    expect(body.theirs.event).toEqual({ from: 'caller' })
  })

  test('calling a function that does not exist from a function fails in the SDK', async () => {
    const r = await cloud.raw('caller', { target: 'nope' }, { openid: 'o-rider-4' })
    expect(r.status).toBe(502)
    expect((r.body as { errCode: number }).errCode).toBe(-504002)
  })

  test('config.json timeout kills the container; the next call gets a fresh one', async () => {
    const started = Date.now()
    const r = await cloud.raw('sleepy', { ms: 5000 }, { openid: 'o-rider-5' })
    expect(Date.now() - started).toBeLessThan(3000)
    expect(r.status).toBe(502)
    expect(r.body).toMatchObject({ errCode: -504003, errMsg: 'Invoking task timed out after 1 seconds' })
    const ok = await cloud.raw('sleepy', { ms: 10 }, { openid: 'o-rider-5' })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ woke: true })
  })

  test('a throwing function answers an execute-fail error, not a hang', async () => {
    const r = await cloud.raw('broken', {}, { openid: 'o-rider-6' })
    expect(r.status).toBe(502)
    expect(r.body).toMatchObject({ errCode: -504002 })
    expect(String((r.body as { errMsg: string }).errMsg)).toContain('boom')
    expect(cloud.runner.logs('broken').some((l) => l.level === 'error' && l.text.includes('boom'))).toBe(true)
  })

  test('unknown function → 404; hostile names and bodies are refused', async () => {
    expect((await cloud.raw('nope', {})).status).toBe(404)
    expect((await cloud.raw('..%2F..%2Fetc', {})).status).toBe(404)
    expect((await cloud.raw('whoami', '{not json')).status).toBe(400)
    expect((await cloud.raw('whoami', '[1,2]')).status).toBe(400)
    const login = await fetch(`${cloud.url}/__dev/api/login`, {
      method: 'POST',
      body: '{oops',
      headers: { 'content-type': 'application/json' },
    })
    expect(login.status).toBe(400)
    const bad = await cloud.raw('whoami', {}, { openid: 'o bad id <script>' })
    // an invalid header identity is ignored: the caller becomes a fresh visitor
    expect((bad.body as { ctx: { OPENID: string } }).ctx.OPENID).toMatch(/^o-visitor-/)
  })

  test('the SDK inside a container reaches the local database (serverDate resolved)', async () => {
    const before = Date.now()
    const r = await cloud.raw('dbprobe', { title: '换电柜太少' }, { openid: 'o-rider-7' })
    expect(r.status).toBe(200)
    const body = r.body as { _id: string; doc: { title: string; by: string; createdAt: string } }
    expect(body.doc.title).toBe('换电柜太少')
    expect(body.doc.by).toBe('o-rider-7')
    expect(new Date(body.doc.createdAt).getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(cloud.db.find('topics', { _id: body._id })).toHaveLength(1)
  })

  test('timer triggers run on demand with SOURCE wx_trigger and no user', async () => {
    const r = await cloud.runTrigger('ticker', 'everyMinute')
    expect(r.ok).toBe(true)
    const result = (r as { result: { ctx: Record<string, unknown>; event: Record<string, unknown> } }).result
    expect(result.ctx.SOURCE).toBe('wx_trigger')
    expect(result.ctx.OPENID).toBeUndefined()
    expect(result.event).toMatchObject({ Type: 'Timer', TriggerName: 'everyMinute' })
    expect(cloud.db.find('audit_log', { kind: 'tick' })).toHaveLength(1)
    const missing = await cloud.runTrigger('ticker', 'nope')
    expect(missing.ok).toBe(false)
  })
})

describe('openapi from a container, through the gateway', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ functionsDir: fixtures })
  })
  afterAll(() => cloud.stop())

  test('msgSecCheck v2 passes plain text and flags a local rule', async () => {
    expect((await cloud.raw('openprobe', { op: 'check', text: '万达驿站的微波炉修好了' }, { openid: 'o-r1' })).body).toEqual({
      suggest: 'pass',
      label: 100,
    })
    const risky = (await cloud.raw('openprobe', { op: 'check', text: '高价收购骑手账号刷单' }, { openid: 'o-r1' })).body as {
      suggest: string
    }
    expect(risky.suggest).toBe('risky')
  })

  test('a subscribe message needs a subscription from that user, one send per accept', async () => {
    expect((await cloud.raw('openprobe', { op: 'notify' }, { openid: 'o-r2' })).body).toEqual({ sent: false, errCode: 43101 })
    const sub = await fetch(`${cloud.url}/api/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-openid': 'o-r2' },
      body: JSON.stringify({ tmplIds: ['tmpl-meal-ready'] }),
    })
    expect(await sub.json()).toMatchObject({ 'tmpl-meal-ready': 'accept' })
    expect((await cloud.raw('openprobe', { op: 'notify' }, { openid: 'o-r2' })).body).toEqual({ sent: true })
    expect((await cloud.raw('openprobe', { op: 'notify' }, { openid: 'o-r2' })).body).toEqual({ sent: false, errCode: 43101 })
    expect(cloud.openapi.outbox().filter((m) => m.touser === 'o-r2')).toHaveLength(1)
  })

  test('a CloudID from the group the app was opened from resolves to that opengid in the event', async () => {
    const info = await fetch(`${cloud.url}/api/local/group-enter-info`, {
      method: 'POST',
      headers: { 'x-local-openid': 'o-r3', 'x-local-group': 'G-test-group' },
    })
    const { cloudID } = (await info.json()) as { cloudID: string }
    expect(typeof cloudID).toBe('string')
    const r = await cloud.raw('openprobe', { op: 'group', groupInfo: { __cloudID__: cloudID } }, { openid: 'o-r3' })
    expect((r.body as { groupInfo: { cloudID: string; data: { opengid: string } } }).groupInfo).toMatchObject({
      cloudID,
      data: { opengid: 'G-test-group' },
    })
    // a plain string claiming to be a group is just a string: nothing is resolved from it
    const forged = await cloud.raw('openprobe', { op: 'group', groupInfo: { opengid: 'G-forged' } }, { openid: 'o-r3' })
    expect((forged.body as { groupInfo: unknown }).groupInfo).toEqual({ opengid: 'G-forged' })
    // another user's CloudID does not resolve for me
    const stolen = await cloud.raw('openprobe', { op: 'group', groupInfo: { __cloudID__: cloudID } }, { openid: 'o-r4' })
    expect((stolen.body as { groupInfo: { data?: unknown; errCode?: number } }).groupInfo.data).toBeUndefined()
  })

  test('not opened from a group: group-enter-info fails like the real API', async () => {
    const info = await fetch(`${cloud.url}/api/local/group-enter-info`, { method: 'POST', headers: { 'x-local-openid': 'o-r3' } })
    expect(await info.json()).toMatchObject({ errMsg: expect.stringContaining('fail') })
  })
})

describe('timer triggers on their schedule', () => {
  test('a 7-field WeChat cron runs the function by itself (SOURCE wx_trigger)', async () => {
    const cloud = await startTestCloud({ functionsDir: fixtures, timers: true })
    try {
      const until = Date.now() + 5000
      while (Date.now() < until && cloud.db.find('audit_log', { trigger: 'everySecond' }).length < 2)
        await new Promise((r) => setTimeout(r, 100))
      const ticks = cloud.db.find('audit_log', { trigger: 'everySecond' })
      expect(ticks.length).toBeGreaterThanOrEqual(2)
      expect(ticks[0]).toMatchObject({ source: 'wx_trigger', openid: null })
    } finally {
      await cloud.stop()
    }
  }, 20000)
})

describe('libfaketime in containers', () => {
  const lib = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1'].find((l) =>
    existsSync(l),
  )
  test('a function environment with its own clock file wins over an offset the whole run has (faketime -f …)', async () => {
    if (!lib) throw new Error('libfaketime not found: apt-get install -y faketime (.ci/run installs it)')
    const file = join(mkdtempSync(join(tmpdir(), 'xg-clock-')), 'faketime')
    writeFileSync(file, '2031-03-04 05:06:07\n')
    const saved = { FAKETIME: process.env.FAKETIME, LD_PRELOAD: process.env.LD_PRELOAD }
    // what `faketime -f +1d npm test` leaves in the environment the local cloud passes through
    Object.assign(process.env, { FAKETIME: '+1d', LD_PRELOAD: lib })
    const cloud = await startTestCloud({
      functionsDir: fixtures,
      functionEnv: { LD_PRELOAD: lib, FAKETIME_TIMESTAMP_FILE: file, FAKETIME_NO_CACHE: '1' },
    })
    try {
      const r = await cloud.raw('whoami', {}, { openid: 'o-rider-1' })
      expect(new Date((r.body as { started: number }).started).toISOString()).toBe('2031-03-04T05:06:07.000Z')
    } finally {
      await cloud.stop()
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
    }
  }, 20000)
})

describe('binding', () => {
  test('refuses a non-loopback address without the explicit flag', async () => {
    await expect(startLocalCloud({ host: '0.0.0.0', memory: true, quiet: true })).rejects.toThrow(/refuses to listen/)
  })
})
