/**
 * The shapes of the `wx.*` admin actions on the wire (read from wx-server-sdk 4.0.2,
 * node_modules/wx-server-sdk/index.js, and @cloudbase/node-sdk dist/wx):
 * `cloud.openapi.<ns>.<api>(data)` POSTs multipart/form-data to the admin URL — `action=wx.openApi`,
 * `apiName=<ns>.<api>`, `requestData=<protobuf CommApiData, octet-stream>` — and expects HTTP 200
 * with a protobuf `CommOpenApiResp{respData: JSON bytes}`; exactly the content type
 * 'application/json; charset=utf-8' makes the SDK read the body as a TCB error `{code, message}`.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { jsonTooDeep, MAX_JSON_DEPTH } from '../http/json'
import { parseMultipart, readRawBody } from '../storage/http-body'
import { type CommApiData, decodeCommApiData, encodeCommOpenApiResp } from './pb'

export interface AdminAnswer {
  status: number
  headers: Record<string, string>
  body: Buffer | string
}

/** Read a POST /admin body: JSON (database/storage/functions actions) or multipart (wx.openApi, wx.wxPayApi). Binary parts stay Buffers. */
export async function readAdminBody(req: IncomingMessage): Promise<Record<string, any>> {
  const raw = await readRawBody(req)
  const ct = String(req.headers['content-type'] ?? '')
  if (/multipart\/form-data/i.test(ct)) {
    const out: Record<string, any> = {}
    for (const part of parseMultipart(raw, ct)) {
      const binary = part.filename !== undefined || /octet-stream/i.test(part.contentType ?? '')
      out[part.name] = binary ? part.data : part.data.toString('utf8')
    }
    return out
  }
  if (raw.length === 0) return {}
  if (jsonTooDeep(raw)) throw new Error(`request body is nested deeper than ${MAX_JSON_DEPTH} levels`)
  return JSON.parse(raw.toString('utf8')) as Record<string, any>
}

export const tcbError = (code: string, message: string): AdminAnswer => ({
  status: 200,
  // exactly this content-type makes the SDK parse the body as a TCB JSON error
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ code, message, requestId: randomBytes(8).toString('hex') }),
})

export const pbAnswer = (buf: Buffer): AdminAnswer => ({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: buf })

/** An openapi answer (JSON object) as the protobuf envelope the SDK expects. */
export const openApiAnswer = (answer: unknown): AdminAnswer =>
  pbAnswer(
    encodeCommOpenApiResp({ respData: Buffer.from(JSON.stringify(answer)), contentType: 'application/json; charset=UTF-8', httpCode: 200 }),
  )

export function toBuffer(v: unknown): Buffer | undefined {
  if (Buffer.isBuffer(v)) return v
  if (v instanceof Uint8Array) return Buffer.from(v)
  return undefined
}

export function decodeRequest(body: Record<string, any>): CommApiData | undefined {
  const requestData = toBuffer(body.requestData)
  return requestData ? decodeCommApiData(requestData) : undefined
}

/** The API parameters of an OPEN_API CommApiData: each pair's value is JSON (file parts stay bytes). */
export function openApiParams(msg: CommApiData): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const pair of msg.openapiData?.pairs ?? []) {
    if (pair.contenttype) {
      params[pair.key] = { contentType: pair.contenttype, filename: pair.filename, value: pair.value }
      continue
    }
    const text = pair.value.toString('utf8')
    if (jsonTooDeep(text)) {
      params[pair.key] = null
      continue
    }
    try {
      params[pair.key] = JSON.parse(text)
    } catch {
      params[pair.key] = text
    }
  }
  return params
}

/** rid / trace_id look like "62987eb8-18ca076c-37fc373b" in real answers. */
export const traceId = (): string =>
  `${Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`

export type WxJson = Record<string, unknown> & { errcode: number; errmsg: string }
export const wxError = (errcode: number, errmsg: string): WxJson => ({ errcode, errmsg: `${errmsg} rid: ${traceId()}` })
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined)
