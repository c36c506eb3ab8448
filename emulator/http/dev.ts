/**
 * The dev page (`/__dev/`) and its API: pick who you are (the app's people, or any openid), browse
 * collections, the subscribe-message outbox, media-check verdicts, function logs, run timer
 * triggers. Loopback and same-origin only (guard.ts), like every local endpoint.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { devPageHtml } from './dev-page'
import { identityCookie } from './gateway'
import { type BodyError, readJson } from './json'
import type { CloudParts } from './parts'
import { parseCookies, sendJson, sendText } from './util'

type DevRoute = (parts: CloudParts, req: IncomingMessage, res: ServerResponse, url: URL, match: RegExpMatchArray) => Promise<void> | void

const ROUTES: [string, RegExp, DevRoute][] = [
  ['GET', /^\/__dev\/?$/, (parts, _req, res) => sendText(res, 200, devPageHtml(parts.app.name ?? '本地云'), 'text/html; charset=utf-8')],
  [
    'GET',
    /^\/__dev\/api\/whoami$/,
    (parts, req, res) => sendJson(res, 200, { openid: parseCookies(req.headers.cookie)[parts.identityCookie] ?? null }),
  ],
  ['POST', /^\/__dev\/api\/login$/, login],
  [
    'GET',
    /^\/__dev\/api\/people$/,
    (parts, _req, res) => sendJson(res, 200, { people: parts.app.devPeople?.(parts.db, parts.functionEnv) ?? [] }),
  ],
  ['GET', /^\/__dev\/api\/collections$/, (parts, _req, res) => sendJson(res, 200, { collections: parts.db.listCollections() })],
  [
    'GET',
    /^\/__dev\/api\/collections\/([\w.-]{1,128})$/,
    (parts, _req, res, url, m) => {
      const limit = Math.min(500, Number(url.searchParams.get('limit')) || 50)
      sendJson(res, 200, { docs: parts.db.find(m[1], {}, { limit }) })
    },
  ],
  ['GET', /^\/__dev\/api\/outbox$/, (parts, _req, res) => sendJson(res, 200, { outbox: parts.openapi.outbox() })],
  [
    'DELETE',
    /^\/__dev\/api\/outbox$/,
    (parts, _req, res) => {
      parts.openapi.clearOutbox()
      sendJson(res, 200, { outbox: [] })
    },
  ],
  ['GET', /^\/__dev\/api\/media-checks$/, (parts, _req, res) => sendJson(res, 200, { checks: parts.openapi.mediaChecks() })],
  [
    'GET',
    /^\/__dev\/api\/logs$/,
    (parts, _req, res, url) => sendJson(res, 200, { logs: parts.runner.logs(url.searchParams.get('fn') ?? undefined, 300) }),
  ],
  [
    'GET',
    /^\/__dev\/api\/functions$/,
    (parts, _req, res) =>
      sendJson(res, 200, { functions: parts.runner.list().map((name) => ({ name, config: parts.runner.config(name) })) }),
  ],
  [
    'POST',
    /^\/__dev\/api\/functions\/([\w-]{1,64})\/triggers\/([\w-]{1,64})$/,
    async (parts, _req, res, _url, m) => sendJson(res, 200, await parts.runTrigger(m[1], m[2])),
  ],
]

async function login(parts: CloudParts, req: IncomingMessage, res: ServerResponse) {
  let body: { openid?: unknown }
  try {
    body = (await readJson(req)) as { openid?: unknown }
  } catch (e) {
    return sendJson(res, (e as BodyError).status ?? 400, { error: (e as Error).message })
  }
  const openid = String(body?.openid ?? '')
  if (!/^[\w-]{1,64}$/.test(openid)) return sendJson(res, 400, { error: 'openid must be 1-64 letters, digits, _ or -' })
  sendJson(res, 200, { openid }, { 'set-cookie': identityCookie(parts, openid) })
}

export async function handleDev(parts: CloudParts, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  for (const [method, re, route] of ROUTES) {
    const m = url.pathname.match(re)
    if (m && method === req.method) return route(parts, req, res, url, m)
  }
  sendJson(res, 404, { error: 'not found' })
}
