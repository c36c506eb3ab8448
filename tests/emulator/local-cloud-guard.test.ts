/**
 * A dev server nobody can abuse. The local cloud has no authentication, so:
 * - JSON nested beyond 100 levels (MongoDB's documented document depth) is refused at the door,
 *   with a 4xx, without a container ever seeing it — and the next ordinary call is not delayed;
 * - only loopback Host names are answered (a DNS-rebinding page cannot read the dev API);
 * - cross-origin requests and the content types a blind cross-site form can send are refused;
 * - client uploads obey the storage security rule of scripts/local-cloud/storage-rules.json
 *   (a client writes only `<folder>/<its openid>/<name>`).
 */
import { readFileSync } from 'node:fs'
import http from 'node:http'
import { join } from 'node:path'
import { compileRules } from '../../emulator/storage'
import { STORAGE_RULES_FILE } from '../../scripts/local-cloud/app'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'

const fixtures = join(__dirname, '../fixtures/functions')
const deep = (levels: number) => `${'{"a":'.repeat(levels - 1)}{"leaf":1}${'}'.repeat(levels - 1)}`

/** A raw request (fetch forbids setting Host). */
function request(
  url: string,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const u = new URL(url)
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }))
      },
    )
    req.on('error', reject)
    if (opts.body !== undefined) req.write(opts.body)
    req.end()
  })
}

let cloud: TestCloud
let host: string
beforeAll(async () => {
  cloud = await startTestCloud({ functionsDir: fixtures })
  host = new URL(cloud.url).host
})
afterAll(() => cloud.stop())

const starts = () => cloud.runner.logs('whoami', 2000).filter((l) => l.level === 'invoke' && l.text.startsWith('START')).length

describe('JSON nested too deep is refused at the door', () => {
  test('100 levels pass, 101 do not; the refusal is a 400 in the platform’s error shape', async () => {
    const ok = await cloud.raw('whoami', JSON.parse(`{"d":${deep(99)}}`), { openid: 'o-depth' })
    expect(ok.status).toBe(200)
    const refused = await cloud.raw('whoami', `{"d":${deep(100)}}`, { openid: 'o-depth' })
    expect(refused.status).toBe(400)
    expect(refused.body).toEqual({ errCode: -1, errMsg: 'request body is nested deeper than 100 levels' })
  })

  test('a burst of 5,000-level bodies never reaches a container, and an ordinary call right after is not delayed', async () => {
    await cloud.raw('whoami', {}, { openid: 'o-warm' }) // a container is up, as for any caller
    const before = starts()
    const bodies = await Promise.all(Array.from({ length: 30 }, () => cloud.raw('whoami', deep(5000), { openid: 'o-attacker' })))
    expect(bodies.every((b) => b.status === 400)).toBe(true)
    const started = performance.now()
    const ordinary = await cloud.raw('whoami', { hello: 1 }, { openid: 'o-someone-else' })
    const ms = performance.now() - started
    expect(ordinary.status).toBe(200)
    // generous on a loaded 2-core machine; before the check, two such bodies held the next caller over 5 s
    expect(ms).toBeLessThan(2500)
    expect(starts()).toBe(before + 1)
  })

  test('the same inside: function-to-function data, database requests and the admin body', async () => {
    const invoke = await fetch(`${cloud.url}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'functions.invokeFunction', function_name: 'whoami', request_data: deep(5000) }),
    })
    expect(await invoke.json()).toMatchObject({ code: 'INVALID_PARAM', message: 'request_data is nested deeper than 100 levels' })
    const admin = await fetch(`${cloud.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep(5000) })
    expect(await admin.json()).toMatchObject({ code: 'INVALID_PARAM', message: 'request body is nested deeper than 100 levels' })
    const dbDeep = await cloud.db.handle({ action: 'database.getDocument', collectionName: 'users', query: deep(5000) })
    expect(dbDeep).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('nesting depth') })
    expect((await cloud.raw('whoami', {}, { openid: 'o-depth' })).status).toBe(200)
  })
})

describe('loopback Host names only (DNS rebinding)', () => {
  test('the dev API, the gateway and /admin refuse a foreign Host', async () => {
    for (const path of ['/__dev/api/collections', '/__dev/api/people', '/__health', '/']) {
      const r = await request(cloud.url, { path, headers: { Host: `evil.example:${new URL(cloud.url).port}` } })
      expect(r.status).toBe(403)
      expect(r.body).not.toContain('users')
    }
    const post = await request(cloud.url, {
      method: 'POST',
      path: '/api/functions/whoami',
      headers: { Host: 'rebind.attacker.test', 'content-type': 'application/json' },
      body: '{}',
    })
    expect(post.status).toBe(403)
    expect(JSON.parse(post.body)).toMatchObject({ errCode: -1 })
  })

  test('127.0.0.1, localhost and [::1] are answered', async () => {
    const port = new URL(cloud.url).port
    for (const h of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'localhost']) {
      const r = await request(cloud.url, { path: '/__dev/api/collections', headers: { Host: h } })
      expect(r.status).toBe(200)
    }
  })
})

describe('no cross-origin requests, no blind form posts', () => {
  test('a cross-origin POST is refused everywhere, before anything runs', async () => {
    const before = starts()
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:1`]) {
      const gw = await request(cloud.url, {
        method: 'POST',
        path: '/api/functions/whoami',
        headers: { Host: host, Origin: origin, 'content-type': 'application/json' },
        body: '{}',
      })
      expect(gw.status).toBe(403)
      const login = await request(cloud.url, {
        method: 'POST',
        path: '/__dev/api/login',
        headers: { Host: host, Origin: origin, 'content-type': 'application/json' },
        body: '{"openid":"o-evil"}',
      })
      expect(login.status).toBe(403)
      expect(login.headers['set-cookie']).toBeUndefined()
    }
    expect(starts()).toBe(before)
  })

  test('text/plain and form bodies are refused where JSON is expected (/admin, gateway, dev API)', async () => {
    const probes: [string, string][] = [
      ['/admin', 'text/plain'],
      ['/admin', 'application/x-www-form-urlencoded'],
      ['/api/functions/whoami', 'text/plain;charset=UTF-8'],
      ['/api/functions/whoami', 'multipart/form-data; boundary=x'],
      ['/__dev/api/login', 'text/plain'],
      ['/api/subscribe', 'application/x-www-form-urlencoded'],
    ]
    for (const [path, type] of probes) {
      const r = await request(cloud.url, {
        method: 'POST',
        path,
        headers: { Host: host, 'content-type': type },
        body: '{"action":"database.removeDocument","collectionName":"users","query":"{}"}',
      })
      expect([path, r.status]).toEqual([path, 415])
    }
  })

  test('the app’s own same-origin requests pass', async () => {
    const r = await request(cloud.url, {
      method: 'POST',
      path: '/api/functions/whoami',
      headers: { Host: host, Origin: `http://${host}`, 'content-type': 'application/json', 'x-local-openid': 'o-same' },
      body: '{"x":1}',
    })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body).ctx.OPENID).toBe('o-same')
    const up = await request(cloud.url, {
      method: 'POST',
      path: '/api/storage/upload',
      headers: { Host: host, Origin: `http://${host}`, 'content-type': 'image/png', 'x-local-openid': 'o-same' },
      body: Buffer.from([0x89, 0x50]),
    })
    expect(up.status).toBe(200)
  })
})

describe('client uploads obey the storage security rule', () => {
  const upload = async (openid: string, cloudPath?: string) => {
    const q = cloudPath === undefined ? '' : `?cloudPath=${encodeURIComponent(cloudPath)}`
    const res = await fetch(`${cloud.url}/api/storage/upload${q}`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', 'x-local-openid': openid },
      body: Buffer.from([0xff, 0xd8, 1]),
    })
    return { status: res.status, body: (await res.json()) as { fileID?: string; errMsg?: string } }
  }

  test('own folder of any purpose: yes; another user’s folder, or no folder: no', async () => {
    for (const path of ['avatars/o-me/a.jpg', 'verification/o-me/id.jpg', 'reports/o-me/2024/x.jpg', 'dishes/o-me/d.jpg']) {
      const r = await upload('o-me', path)
      expect([path, r.status]).toEqual([path, 200])
      expect(r.body.fileID).toMatch(new RegExp(`/${path.replace(/\//g, '\\/')}$`))
    }
    for (const path of ['avatars/o-victim/a.jpg', 'verification/o-victim/id.jpg', 'avatars/o-me', 'o-me/a.jpg', 'a.jpg']) {
      const r = await upload('o-me', path)
      expect([path, r.status]).toEqual([path, 403])
      expect(r.body.errMsg).toContain('permission denied')
    }
    for (const path of ['avatars/o-me/../o-victim/a.jpg', 'avatars//o-me/a.jpg', '/avatars/o-me/a.jpg'])
      expect((await upload('o-me', path)).status).toBe(400)
  })

  test('without a cloud path the file goes to uploads/<openid>/…', async () => {
    const r = await upload('o-me')
    expect(r.status).toBe(200)
    expect(r.body.fileID).toMatch(/\/uploads\/o-me\/\d+-[0-9a-f]{8}\.jpg$/)
  })

  test('the rules file is the CloudBase rule a deployer pastes, read by its documented language', () => {
    const rules = compileRules(JSON.parse(readFileSync(STORAGE_RULES_FILE, 'utf8')))
    const auth = { openid: 'o-me' }
    expect(rules.allows('write', { auth, resource: { openid: 'o-me', path: 'avatars/o-me/a.jpg' } })).toBe(true)
    expect(rules.allows('write', { auth, resource: { openid: 'o-other', path: 'avatars/o-other/a.jpg' } })).toBe(false)
    expect(rules.allows('write', { auth: null, resource: { openid: null, path: 'avatars/x' } })).toBe(false)
    expect(rules.allows('read', { auth, resource: { openid: 'o-me', path: 'verification/o-me/id.jpg' } })).toBe(false)
    expect(rules.allows('read', { auth, resource: { openid: 'o-other', path: 'avatars/o-other/a.jpg' } })).toBe(true)
    expect(rules.allows('read', { auth: null, resource: { openid: 'o-other', path: 'avatars/o-other/a.jpg' } })).toBe(false)
    // the language's documented forms; a missing key or a broken expression denies
    const other = compileRules({ read: true, write: "auth.openid == 'x' || (resource.path != 'a' && !(auth == null))" })
    expect(other.allows('read', { auth: null, resource: { openid: null, path: 'p' } })).toBe(true)
    expect(other.allows('write', { auth: { openid: 'y' }, resource: { openid: null, path: 'b' } })).toBe(true)
    expect(other.allows('write', { auth: { openid: 'y' }, resource: { openid: null, path: 'a' } })).toBe(false)
    expect(compileRules({ read: 'auth != null' }).allows('write', { auth, resource: { openid: 'o-me', path: 'p' } })).toBe(false)
    expect(() => compileRules({ write: 'require("fs")' })).toThrow(SyntaxError)
  })
})
