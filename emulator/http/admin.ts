/**
 * `POST /admin` and `POST /admin/w/<container>`: what wx-server-sdk talks to (TCB_CONTEXT_CNFG.URL).
 * Each container gets its own path, so a call is known to belong to the invocation that container
 * runs (its WX context: the caller's openid for openapi, SOURCE for function-to-function calls).
 * The body goes to exactly one of: database, storage, openapi (`wx.*`), functions.invokeFunction.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { type InvocationContext, newRequestId } from '../functions/runner'
import { readAdminBody } from '../openapi/wire'
import { jsonTooDeep, MAX_JSON_DEPTH } from './json'
import type { CloudParts } from './parts'
import { sendJson } from './util'

const invalid = (res: ServerResponse, message: string) => sendJson(res, 200, { code: 'INVALID_PARAM', message, requestId: newRequestId() })

export async function handleAdmin(parts: CloudParts, req: IncomingMessage, res: ServerResponse, workerId?: string): Promise<void> {
  let body: Record<string, unknown>
  try {
    // JSON for database/storage/functions actions; multipart with protobuf parts for wx.openApi.
    body = await readAdminBody(req)
  } catch (e) {
    return invalid(res, (e as Error).message.includes('nested') ? (e as Error).message : 'request body is not JSON or multipart')
  }
  const action = typeof body.action === 'string' ? body.action : ''
  const running = workerId ? parts.runner.contextOf(workerId) : undefined
  const caller: InvocationContext = running?.ctx ?? { openid: '', appid: parts.appid, source: 'other' }
  if (action.startsWith('database.')) return sendJson(res, 200, await parts.db.handle(body))
  if (action.startsWith('storage.')) return sendJson(res, 200, await parts.storage.handleAdmin(body))
  if (action.startsWith('wx.')) {
    const out = await parts.openapi.handleAdmin(body, { openid: caller.openid, appid: caller.appid, groupOpengid: caller.groupOpengid })
    res.writeHead(out.status, out.headers)
    res.end(out.body)
    return
  }
  if (action === 'functions.invokeFunction') return invokeFromFunction(parts, res, body, caller)
  sendJson(res, 200, { code: 'INVALID_ACTION', message: `local cloud does not support action "${action}"`, requestId: newRequestId() })
}

/** `cloud.callFunction` inside a function: the user carries over, SOURCE gains `,scf`. */
async function invokeFromFunction(parts: CloudParts, res: ServerResponse, body: Record<string, unknown>, caller: InvocationContext) {
  const name = String(body.function_name ?? '')
  const text = body.request_data ? String(body.request_data) : ''
  if (text && jsonTooDeep(text)) return invalid(res, `request_data is nested deeper than ${MAX_JSON_DEPTH} levels`)
  let data: unknown = {}
  try {
    data = text ? JSON.parse(text) : {}
  } catch {
    return invalid(res, 'request_data is not JSON')
  }
  const source = caller.source ? `${caller.source},scf` : 'scf'
  const r = await parts.invoke(name, data, { ...caller, source })
  if (r.ok) return sendJson(res, 200, { data: { response_data: JSON.stringify(r.result) }, requestId: r.requestId })
  sendJson(res, 200, {
    code: r.errCode === -501000 ? 'FUNCTIONS_NOT_EXIST' : 'FUNCTIONS_EXECUTE_FAIL',
    message: r.errMsg,
    requestId: r.requestId,
  })
}
