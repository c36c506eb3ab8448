/**
 * h5 transport: `POST /api/functions/<name>` on the local cloud gateway, same origin as the page.
 * The body is `{ action, ...params }`; the answer body is the envelope, exactly as
 * `callFunction` would return it as `result` (see ARCHITECTURE.md, "Local gateway").
 *
 * Identity: the dev-login cookie (sent because `credentials: 'include'`). Group: when the app
 * was "opened from a group" locally, the H5 URL carries `?group=<id>`; it is read once, kept in
 * sessionStorage and sent as `X-Local-Group` on every call.
 */
import type { Envelope } from '@cloud/_lib/envelope'
import { CALL_TIMEOUT_MS } from '@/config/cloud'
import { failure, isEnvelope } from './envelope'
import { localGroupId } from './local-group'

export async function send(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller?.abort()
  }, CALL_TIMEOUT_MS)

  try {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' }
    const group = localGroupId()
    if (group) headers['X-Local-Group'] = group

    let response: Response
    try {
      response = await fetch(`/api/functions/${encodeURIComponent(name)}`, {
        method: 'POST',
        credentials: 'include',
        headers,
        body: JSON.stringify(data),
        signal: controller?.signal,
      })
    } catch {
      return failure('NETWORK', timedOut ? 'timeout' : 'offline')
    }

    let body: unknown
    try {
      body = await response.json()
    } catch {
      if (timedOut) return failure('NETWORK', 'timeout')
      return failure(gatewayDown(response.status) ? 'NETWORK' : 'INTERNAL', 'non-json', { status: response.status })
    }

    // An error envelope is passed through whatever the status (its message is written for riders);
    // a success envelope only counts on a 2xx.
    if (isEnvelope(body) && (body.ok === false || response.ok)) return body
    if (!response.ok) {
      return failure(gatewayDown(response.status) ? 'NETWORK' : 'INTERNAL', 'http-status', { status: response.status })
    }
    return failure('INTERNAL', 'no-envelope', { status: response.status })
  } finally {
    clearTimeout(timer)
  }
}

/** 502/503/504: the gateway or the local cloud behind it is not there. */
function gatewayDown(status: number): boolean {
  return status === 502 || status === 503 || status === 504
}
