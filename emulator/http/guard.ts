/**
 * The local cloud has no authentication, so it must not answer what a web page the developer
 * happens to visit could send it:
 * - a Host that is not a loopback name (DNS rebinding: evil.example resolving to 127.0.0.1);
 * - an Origin other than this server itself (a cross-origin fetch or form post);
 * - a "simple" content type (text/plain, form encoding) on an endpoint that expects JSON — what a
 *   blind cross-site form can send without a preflight.
 * The app's own H5 pages are served from the same origin and pass all three.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isLoopback, sendJson } from './util'

export interface GuardOptions {
  /** The address the server listens on (accepted as a Host name besides the loopback names). */
  listenHost: string
}

/** The host name of a Host header (no port, IPv6 without brackets), lower case; null if malformed. */
export function hostName(host: string | undefined): string | null {
  if (!host) return null
  const m = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]+))(?::\d{1,5})?$/i.exec(host.trim())
  if (!m) return null
  return (m[1] ?? m[2]).toLowerCase()
}

function allowedHost(name: string | null, opts: GuardOptions): boolean {
  if (!name) return false
  return isLoopback(name) || name === opts.listenHost.toLowerCase()
}

/** Same origin: `http://<the Host header>` exactly, with an allowed host. */
function sameOrigin(origin: string, host: string | undefined): boolean {
  return Boolean(host) && origin.toLowerCase() === `http://${String(host).toLowerCase()}`
}

const SIMPLE_TYPES = /^\s*(text\/plain|application\/x-www-form-urlencoded)\b/i
const MULTIPART = /^\s*multipart\/form-data\b/i

/** Endpoints whose body is JSON (and, for /admin, the SDK's multipart openapi calls). */
function expectsJson(method: string, path: string): 'json' | 'json-or-multipart' | null {
  if (method !== 'POST' && method !== 'PUT' && method !== 'DELETE') return null
  if (path === '/admin' || path.startsWith('/admin/')) return 'json-or-multipart'
  if (path.startsWith('/api/functions/') || path.startsWith('/__dev/api/')) return 'json'
  if (path === '/api/subscribe' || path === '/api/local/group-enter-info') return 'json'
  return null
}

/** Answers and returns true when the request must be refused. */
export function refuseForeign(req: IncomingMessage, res: ServerResponse, path: string, opts: GuardOptions): boolean {
  const refuse = (status: number, errMsg: string) => {
    sendJson(res, status, { errCode: -1, errMsg: `local cloud: ${errMsg}` })
    req.resume()
    return true
  }
  if (!allowedHost(hostName(req.headers.host), opts)) return refuse(403, 'Host must be a loopback name (127.0.0.1, localhost, ::1)')
  const origin = req.headers.origin
  const publicFile = (req.method === 'GET' || req.method === 'HEAD') && path.startsWith('/__storage/file/')
  if (origin !== undefined && !publicFile && !sameOrigin(origin, req.headers.host)) return refuse(403, 'cross-origin request refused')
  if (req.headers['sec-fetch-site'] === 'cross-site' && !publicFile) return refuse(403, 'cross-site request refused')
  const kind = expectsJson(req.method ?? 'GET', path)
  const type = String(req.headers['content-type'] ?? '')
  if (kind && (SIMPLE_TYPES.test(type) || (kind === 'json' && MULTIPART.test(type))))
    return refuse(415, 'content-type must be application/json')
  return false
}
