/**
 * `POST /api/storage/upload[?cloudPath=…]` — the H5 stand-in of `wx.cloud.uploadFile`, a client
 * write: multipart (`file`, optional `cloudPath` field) or the raw bytes. Without a cloud path the
 * file goes to `uploads/<openid>/<time>-<random><ext>`. The storage security rule (rules.ts) is
 * evaluated for the `write` with `auth.openid` = the caller and `resource` = `{path, openid}`,
 * `openid` being the path's owner as the app defines it, else the file's uploader (a new file
 * belongs to whoever uploads it).
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import * as path from 'node:path'
import { EXT_BY_MIME, type Files, validateCloudPath } from './files'
import { MAX_UPLOAD_BYTES } from './http'
import { BodyTooLargeError, parseMultipart, readRawBody } from './http-body'
import type { compileRules } from './rules'

export interface UploadRules {
  rules: ReturnType<typeof compileRules>
  ownerOf?: (cloudPath: string) => string | null
}

export interface Owners {
  get(cloudPath: string): string | undefined
  set(cloudPath: string, openid: string): void
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) })
  res.end(text)
}

/** The bytes, the cloud path asked for (if any) and the file's type, from a multipart or raw body. */
function readUpload(
  req: IncomingMessage,
  raw: Buffer,
): { data: Buffer; cloudPath: string | null; mime: string; filename?: string } | string {
  const url = new URL(req.url ?? '/', 'http://local')
  const ct = req.headers['content-type'] ?? ''
  const asked = url.searchParams.get('cloudPath')
  if (!/multipart\/form-data/i.test(ct)) return { data: raw, cloudPath: asked, mime: ct.split(';')[0].trim() }
  const parts = parseMultipart(raw, ct)
  const file = parts.find((p) => p.name === 'file') ?? parts.find((p) => p.filename !== undefined)
  if (!file) return '缺少 file 字段'
  const cp = parts.find((p) => p.name === 'cloudPath')
  return {
    data: file.data,
    cloudPath: cp ? cp.data.toString('utf8') : asked,
    mime: (file.contentType ?? '').split(';')[0].trim(),
    filename: file.filename,
  }
}

export async function handleClientUpload(
  files: Files,
  security: UploadRules | undefined,
  owners: Owners,
  req: IncomingMessage,
  res: ServerResponse,
  openid: string,
): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { errCode: -1, errMsg: 'uploadFile:fail method not allowed' })
  let raw: Buffer
  try {
    raw = await readRawBody(req, MAX_UPLOAD_BYTES)
  } catch (err) {
    if (err instanceof BodyTooLargeError) return sendJson(res, 413, { errCode: -1, errMsg: 'uploadFile:fail file too large' })
    throw err
  }
  const up = readUpload(req, raw)
  if (typeof up === 'string') return sendJson(res, 400, { errCode: -1, errMsg: `uploadFile:fail ${up}` })
  let cloudPath = up.cloudPath
  if (!cloudPath) {
    const ext = (up.filename && path.extname(up.filename).toLowerCase()) || EXT_BY_MIME[up.mime] || ''
    const who = openid.replace(/[^A-Za-z0-9_-]/g, '') || 'anonymous'
    cloudPath = `uploads/${who}/${Date.now()}-${randomBytes(4).toString('hex')}${ext}`
  }
  const v = validateCloudPath(cloudPath)
  if (!v.ok) return sendJson(res, 400, { errCode: -1, errMsg: `uploadFile:fail ${v.message}` })
  if (security) {
    const owner = security.ownerOf ? security.ownerOf(v.path) : (owners.get(v.path) ?? ((await files.exists(v.path)) ? null : openid))
    const ctx = { auth: { openid, loginType: 'WECHAT' }, resource: { openid: owner, path: v.path } }
    if (!security.rules.allows('write', ctx))
      return sendJson(res, 403, { errCode: -1, errMsg: `uploadFile:fail permission denied by the storage security rule (${v.path})` })
  }
  await files.write(v.path, up.data)
  owners.set(v.path, openid)
  sendJson(res, 200, { fileID: files.fileIdOf(v.path) })
}
