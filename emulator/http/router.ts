/**
 * Every HTTP request of the local cloud: first the guard (loopback Host, same origin, JSON content
 * types), then exactly one handler by path. Errors a handler did not answer become a 500 (400 for
 * malformed input); nothing leaks a stack trace.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { handleAdmin } from './admin'
import { handleGroupEnterInfo, handleSubscribe, handleUpload } from './client-api'
import { handleDev } from './dev'
import { handleGateway } from './gateway'
import { type GuardOptions, refuseForeign } from './guard'
import type { CloudParts } from './parts'
import { serveStatic } from './static'
import { sendJson, sendText } from './util'

async function route(parts: CloudParts, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname
  const post = req.method === 'POST'
  if (path === '/admin' && post) return handleAdmin(parts, req, res)
  const w = path.match(/^\/admin\/w\/([0-9a-f]{16})$/)
  if (w && post) return handleAdmin(parts, req, res, w[1])
  const fn = path.match(/^\/api\/functions\/([\w-]{1,64})$/)
  if (fn) return handleGateway(parts, req, res, fn[1])
  if (path === '/api/storage/upload' && post) return handleUpload(parts, req, res)
  if (path === '/api/subscribe' && post) return handleSubscribe(parts, req, res)
  if (path === '/api/local/group-enter-info' && post) return handleGroupEnterInfo(parts, req, res)
  if (path.startsWith('/__storage/')) {
    if (await parts.storage.handleHttp(req, res)) return
    return sendText(res, 404, 'not found')
  }
  if (path.startsWith('/__dev')) return handleDev(parts, req, res, url)
  if (path === '/__health') return sendJson(res, 200, { ok: true })
  if (path.startsWith('/api/')) return sendJson(res, 404, { errCode: -1, errMsg: 'not found' })
  if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(parts, req, res, path)
  sendJson(res, 404, { error: 'not found' })
}

export function requestHandler(parts: CloudParts, guard: GuardOptions) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (refuseForeign(req, res, url.pathname, guard)) return
    route(parts, req, res, url).catch((err: unknown) => {
      const status = (err as { status?: number }).status ?? (err instanceof SyntaxError ? 400 : 500)
      if (status >= 500) parts.log(`error on ${req.method} ${url.pathname}: ${(err as Error).stack ?? err}`)
      if (!res.headersSent)
        sendJson(res, status, { errCode: -1, errMsg: status === 413 ? 'request too large' : 'local cloud internal error' })
      else res.end()
    })
  }
}
