/**
 * The gateway for the H5 build and tests: `POST /api/functions/<name>`, body = `data`, answer =
 * what `callFunction` returns as `result`. The caller is `X-Local-Openid` or the identity cookie
 * (a newcomer gets a fresh `o-visitor-…`, as every WeChat user has an openid); the group the app
 * was "opened from" is `X-Local-Group`.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { BodyError, readJson } from './json'
import type { CloudParts } from './parts'
import { parseCookies, sendJson } from './util'

export const GROUP_HEADER = 'x-local-group'
export const OPENID_HEADER = 'x-local-openid'
const ID = /^[\w-]{1,64}$/

export function identityOf(parts: CloudParts, req: IncomingMessage, res: ServerResponse): string {
  const header = req.headers[OPENID_HEADER]
  if (typeof header === 'string' && ID.test(header)) return header
  const cookie = parseCookies(req.headers.cookie)[parts.identityCookie]
  if (cookie && ID.test(cookie)) return cookie
  const fresh = `o-visitor-${randomBytes(6).toString('hex')}`
  res.setHeader('set-cookie', identityCookie(parts, fresh))
  return fresh
}

export const identityCookie = (parts: CloudParts, openid: string) => `${parts.identityCookie}=${openid}; Path=/; SameSite=Lax; HttpOnly`

export function groupOf(req: IncomingMessage): string | undefined {
  const g = req.headers[GROUP_HEADER]
  return typeof g === 'string' && ID.test(g) ? g : undefined
}

export async function handleGateway(parts: CloudParts, req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { errCode: -1, errMsg: 'use POST' })
  let data: unknown
  try {
    // refused before any container is involved: too large, too deep, not JSON
    data = await readJson(req)
  } catch (e) {
    const err = e instanceof BodyError ? e : new BodyError(400, 'body must be JSON')
    return sendJson(res, err.status, { errCode: -1, errMsg: err.message })
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return sendJson(res, 400, { errCode: -1, errMsg: 'body must be a JSON object' })
  const openid = identityOf(parts, req, res)
  // Like the platform, a mini-program call's event carries the caller as `userInfo` (overwriting any sent).
  const event = { ...(data as Record<string, unknown>), userInfo: { appId: parts.appid, openId: openid } }
  const r = await parts.invoke(name, event, {
    openid,
    appid: parts.appid,
    source: 'wx_client',
    clientIp: '127.0.0.1',
    groupOpengid: groupOf(req),
  })
  if (r.ok) sendJson(res, 200, r.result, { 'x-request-id': r.requestId })
  else sendJson(res, r.errCode === -501000 ? 404 : 502, { errCode: r.errCode, errMsg: r.errMsg, requestId: r.requestId })
}
