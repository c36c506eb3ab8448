/** File bytes over HTTP: the SDK's upload target (`/__storage/upload/<one-time token>`) and temp URLs (`/__storage/file/…`). */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, promises as fsp } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import * as path from 'node:path'
import type { UploadTokens } from './admin'
import type { Files } from './files'
import { MIME } from './files'
import { BodyTooLargeError, parseMultipart, readRawBody } from './http-body'

/** Largest file accepted (the client-side limit of wx.cloud.uploadFile is far above this; local only). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024

function cosError(res: ServerResponse, status: number, code: string, message: string, resource: string): void {
  const id = randomBytes(8).toString('hex')
  res.writeHead(status, { 'content-type': 'application/xml', 'x-cos-request-id': id })
  res.end(
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${message}</Message>\n` +
      `<Resource>${resource.replace(/[<&>]/g, '')}</Resource>\n<RequestId>${id}</RequestId>\n<TraceId>${id}</TraceId>\n</Error>`,
  )
}

async function serveUpload(files: Files, tokens: UploadTokens, req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
  const info = tokens.get(token)
  if (!info || info.expires < Date.now()) return cosError(res, 403, 'AccessDenied', 'Request has expired', `/${token}`)
  if (req.method !== 'PUT' && req.method !== 'POST')
    return cosError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed', `/${info.cloudPath}`)
  let data: Buffer
  try {
    data = await readRawBody(req, MAX_UPLOAD_BYTES)
  } catch (err) {
    if (err instanceof BodyTooLargeError)
      return cosError(res, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size', `/${info.cloudPath}`)
    throw err
  }
  const ct = req.headers['content-type'] ?? ''
  if (req.method === 'POST' && /multipart\/form-data/i.test(ct)) {
    const file = parseMultipart(data, ct).find((p) => p.name === 'file')
    if (!file) return cosError(res, 400, 'InvalidArgument', 'no file field', `/${info.cloudPath}`)
    data = file.data
  }
  tokens.delete(token)
  await files.write(info.cloudPath, data)
  res.writeHead(200, { 'content-length': '0', etag: `"${createHash('md5').update(data).digest('hex')}"` })
  res.end()
}

async function serveFile(files: Files, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const r = files.verifyTempUrl(url.pathname, url.searchParams)
  if ('error' in r) {
    if (r.error === 'bad') return cosError(res, 400, 'InvalidURI', 'Could not parse the specified URI', url.pathname)
    return cosError(res, 403, 'AccessDenied', r.error === 'expired' ? 'Request has expired' : 'Access Denied', `/${r.path}`)
  }
  const p = files.diskPath(r.path)
  let size: number
  try {
    const st = await fsp.stat(p)
    if (!st.isFile()) throw new Error('not a file')
    size = st.size
  } catch {
    return cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.', `/${r.path}`)
  }
  const type = MIME[path.extname(p).toLowerCase()] ?? 'application/octet-stream'
  res.writeHead(200, { 'content-type': type, 'content-length': String(size), 'cache-control': 'private, max-age=60' })
  if (req.method === 'HEAD') return void res.end()
  await new Promise<void>((resolve) => {
    const stream = createReadStream(p)
    stream.on('error', () => {
      res.destroy()
      resolve()
    })
    stream.on('end', () => resolve())
    stream.pipe(res)
  })
}

/** Any request under /__storage/. Returns true when handled. */
export async function handleStorageHttp(files: Files, tokens: UploadTokens, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://local')
  if (!url.pathname.startsWith('/__storage/')) return false
  try {
    const upload = /^\/__storage\/upload\/([0-9a-f]{32})$/.exec(url.pathname)
    if (upload) await serveUpload(files, tokens, req, res, upload[1])
    else if (url.pathname.startsWith('/__storage/file/') && (req.method === 'GET' || req.method === 'HEAD'))
      await serveFile(files, req, res, url)
    else cosError(res, 404, 'NoSuchResource', 'The specified resource does not exist.', url.pathname)
  } catch (err) {
    if (!res.headersSent) cosError(res, 500, 'InternalError', (err as Error).message, url.pathname)
    else res.destroy()
  }
  return true
}
