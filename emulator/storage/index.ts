/**
 * Local stand-in of CloudBase storage, as `wx-server-sdk` 4.0.2 (through
 * @cloudbase/node-sdk 3.17.2, dist/storage/index.js) reaches it:
 *
 * - `storage.getUploadMetadata {path, method:'put'}` → `{requestId, data:{url, token,
 *   authorization, fileId, cosFileId, download_url}}`; the SDK then PUTs the raw bytes to
 *   `url` and expects an empty body (or a COS `<Error>` XML) back.
 * - `storage.batchGetDownloadUrl {file_list:[{fileid, max_age?}]}` → `{requestId,
 *   data:{download_list:[{fileID, tempFileURL, code:'SUCCESS', maxAge}]}}`; `downloadFile`
 *   is that plus a GET of `encodeURI(tempFileURL)` expecting status 200.
 * - `storage.batchDeleteFile {fileid_list}` → `{requestId, data:{delete_list:[{fileID, code}]}}`.
 * - `storage.batchCopyFile {file_list:[{src_path, dst_path, overwrite, remove_original}]}`.
 * Errors per file carry a node-sdk code (`STORAGE_FILE_NONEXIST`...), which wx-server-sdk maps
 * to its numeric status (-503003...). Whole-call errors are `{code, message, requestId}`.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { createReadStream, promises as fsp } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import * as path from 'node:path'
import { BodyTooLargeError, parseMultipart, readRawBody } from './http-body'

export interface LocalStorage {
  /** POST /admin bodies whose action starts with "storage." (and any other action the SDK's storage path uses). Returns the JSON body (HTTP 200). Never throws. */
  handleAdmin(body: Record<string, any>): Promise<unknown>
  /** Any HTTP request whose path starts with "/__storage/" (upload target, download, temp URLs). Returns true when handled. */
  handleHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean>
  /** Upload from the H5 client: the gateway calls this for POST /api/storage/upload (multipart or raw body with ?cloudPath=), returns {fileID}. */
  handleClientUpload(req: IncomingMessage, res: ServerResponse, openid: string): Promise<void>
}

export interface StorageOptions {
  /** absolute folder for files; tests pass a temp dir */
  dir: string
  envId: string
  /** e.g. http://127.0.0.1:PORT, known after listen */
  baseUrl: () => string
}

/** Largest file accepted (the client-side limit of wx.cloud.uploadFile is far above this; local only). */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024
/** Temp URLs live one day unless max_age says otherwise, like the real default. */
const DEFAULT_MAX_AGE = 86400
const UPLOAD_TOKEN_TTL_MS = 10 * 60 * 1000

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}
const EXT_BY_MIME: Record<string, string> = {}
for (const [ext, mime] of Object.entries(MIME)) EXT_BY_MIME[mime.split(';')[0]] ??= ext

const requestId = (): string => randomBytes(8).toString('hex')

/** Check a cloud path the way we need it to map safely onto the disk. Returns the normalised path or an error text. */
export function validateCloudPath(cloudPath: unknown): { ok: true; path: string } | { ok: false; message: string } {
  if (typeof cloudPath !== 'string' || cloudPath.length === 0) return { ok: false, message: 'cloudPath 不能为空' }
  if (cloudPath.length > 850) return { ok: false, message: 'cloudPath 过长' }
  if (cloudPath.startsWith('/')) return { ok: false, message: 'cloudPath 不能以 / 开头' }
  if (/[\\\0?#]/.test(cloudPath)) return { ok: false, message: 'cloudPath 含有非法字符' }
  const segments = cloudPath.split('/')
  if (segments.some((s) => s === '' || s === '.' || s === '..')) {
    return { ok: false, message: 'cloudPath 不能含有空段、. 或 ..' }
  }
  return { ok: true, path: cloudPath }
}

export function createStorage(opts: StorageOptions): LocalStorage {
  const root = path.resolve(opts.dir)
  const envId = opts.envId
  // Bucket names look like `<hex of the env's first two chars>-<env>-<appid-ish number>` in
  // the real cloud (cloud://env-id.7465-env-id-1250000000/a.png).
  const bucket = `${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-1250000000`
  const secret = randomBytes(16)
  const uploadTokens = new Map<string, { cloudPath: string; expires: number }>()

  const fileIdOf = (cloudPath: string): string => `cloud://${envId}.${bucket}/${cloudPath}`

  /** cloud://<env>.<bucket>/<path> → path, or undefined when the id is not of this env. */
  function cloudPathOf(fileID: unknown): string | undefined {
    if (typeof fileID !== 'string') return undefined
    const m = /^cloud:\/\/([^./]+)\.([^/]+)\/(.+)$/.exec(fileID)
    if (!m || m[1] !== envId) return undefined
    const v = validateCloudPath(m[3])
    return v.ok ? v.path : undefined
  }

  const diskPath = (cloudPath: string): string => {
    const p = path.resolve(root, ...cloudPath.split('/'))
    if (p !== root && !p.startsWith(root + path.sep)) throw new Error('path escapes the storage root')
    return p
  }

  async function exists(cloudPath: string): Promise<boolean> {
    try {
      return (await fsp.stat(diskPath(cloudPath))).isFile()
    } catch {
      return false
    }
  }

  async function writeFile(cloudPath: string, data: Buffer): Promise<void> {
    const p = diskPath(cloudPath)
    await fsp.mkdir(path.dirname(p), { recursive: true })
    // write then rename, so a concurrent download never sees half a file
    const tmp = `${p}.${randomBytes(4).toString('hex')}.part`
    await fsp.writeFile(tmp, data)
    await fsp.rename(tmp, p)
  }

  const sign = (cloudPath: string, expires: number): string =>
    createHmac('sha256', secret).update(`${cloudPath}\n${expires}`).digest('hex').slice(0, 32)

  function tempUrl(cloudPath: string, maxAge: number): string {
    const expires = Math.floor(Date.now() / 1000) + maxAge
    // Not percent-encoded on purpose: the real tempFileURL carries the raw path and the SDK
    // calls encodeURI() on it before the GET.
    return `${opts.baseUrl()}/__storage/file/${cloudPath}?sign=${sign(cloudPath, expires)}&t=${expires}`
  }

  async function getUploadMetadata(body: Record<string, any>): Promise<unknown> {
    const v = validateCloudPath(body.path)
    if (!v.ok) return { code: 'INVALID_PARAM', message: v.message, requestId: requestId() }
    const token = randomBytes(16).toString('hex')
    uploadTokens.set(token, { cloudPath: v.path, expires: Date.now() + UPLOAD_TOKEN_TTL_MS })
    for (const [t, info] of uploadTokens) if (info.expires < Date.now()) uploadTokens.delete(t)
    return {
      requestId: requestId(),
      data: {
        url: `${opts.baseUrl()}/__storage/upload/${token}`,
        token,
        authorization: `q-sign-algorithm=sha1&q-ak=local&q-key-time=0;0&q-signature=${token}`,
        fileId: fileIdOf(v.path),
        cosFileId: `local-${token}`,
        download_url: `${opts.baseUrl()}/__storage/file/${v.path}`,
      },
    }
  }

  async function batchGetDownloadUrl(body: Record<string, any>): Promise<unknown> {
    const list: unknown[] = Array.isArray(body.file_list) ? body.file_list : []
    const downloadList = await Promise.all(
      list.map(async (item) => {
        const it = (item ?? {}) as { fileid?: unknown; max_age?: unknown }
        const fileID = typeof it.fileid === 'string' ? it.fileid : ''
        const maxAge = typeof it.max_age === 'number' && it.max_age > 0 ? Math.floor(it.max_age) : DEFAULT_MAX_AGE
        const cloudPath = cloudPathOf(fileID)
        if (!cloudPath || !(await exists(cloudPath))) {
          return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'file not exist', maxAge }
        }
        return { fileID, tempFileURL: tempUrl(cloudPath, maxAge), code: 'SUCCESS', maxAge }
      }),
    )
    return { requestId: requestId(), data: { download_list: downloadList } }
  }

  async function batchDeleteFile(body: Record<string, any>): Promise<unknown> {
    const list: unknown[] = Array.isArray(body.fileid_list) ? body.fileid_list : []
    const deleteList = await Promise.all(
      list.map(async (fileID) => {
        const cloudPath = cloudPathOf(fileID)
        const id = typeof fileID === 'string' ? fileID : ''
        if (!cloudPath) return { fileID: id, code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' }
        try {
          await fsp.unlink(diskPath(cloudPath))
          return { fileID: id, code: 'SUCCESS' }
        } catch {
          return { fileID: id, code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' }
        }
      }),
    )
    return { requestId: requestId(), data: { delete_list: deleteList } }
  }

  async function batchCopyFile(body: Record<string, any>): Promise<unknown> {
    const list: unknown[] = Array.isArray(body.file_list) ? body.file_list : []
    const copyList = []
    for (const item of list) {
      const it = (item ?? {}) as { src_path?: unknown; dst_path?: unknown; overwrite?: unknown; remove_original?: unknown }
      // src_path/dst_path are fileIDs or plain cloud paths
      const src = cloudPathOf(it.src_path) ?? (validateCloudPath(it.src_path).ok ? (it.src_path as string) : undefined)
      const dst = cloudPathOf(it.dst_path) ?? (validateCloudPath(it.dst_path).ok ? (it.dst_path as string) : undefined)
      if (!src || !dst || !(await exists(src))) {
        copyList.push({ fileID: '', code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' })
        continue
      }
      if (it.overwrite === false && (await exists(dst))) {
        copyList.push({ fileID: fileIdOf(dst), code: 'STORAGE_REQUEST_FAIL', message: 'file already exists' })
        continue
      }
      await writeFile(dst, await fsp.readFile(diskPath(src)))
      if (it.remove_original === true) await fsp.unlink(diskPath(src))
      copyList.push({ fileID: fileIdOf(dst), code: 'SUCCESS' })
    }
    return { requestId: requestId(), data: { copy_list: copyList } }
  }

  async function handleAdmin(body: Record<string, any>): Promise<unknown> {
    try {
      switch (body?.action) {
        case 'storage.getUploadMetadata':
          return await getUploadMetadata(body)
        case 'storage.batchGetDownloadUrl':
          return await batchGetDownloadUrl(body)
        case 'storage.batchDeleteFile':
          return await batchDeleteFile(body)
        case 'storage.batchCopyFile':
          return await batchCopyFile(body)
        default:
          return {
            code: 'INVALID_PARAM',
            message: `local storage does not emulate action ${String(body?.action)}`,
            requestId: requestId(),
          }
      }
    } catch (err) {
      return { code: 'STORAGE_REQUEST_FAIL', message: (err as Error).message, requestId: requestId() }
    }
  }

  function cosError(res: ServerResponse, status: number, code: string, message: string, resource: string): void {
    const id = requestId()
    res.writeHead(status, { 'content-type': 'application/xml', 'x-cos-request-id': id })
    res.end(
      `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${message}</Message>\n` +
        `<Resource>${resource.replace(/[<&>]/g, '')}</Resource>\n<RequestId>${id}</RequestId>\n<TraceId>${id}</TraceId>\n</Error>`,
    )
  }

  async function serveUpload(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
    const info = uploadTokens.get(token)
    if (!info || info.expires < Date.now()) {
      cosError(res, 403, 'AccessDenied', 'Request has expired', `/${token}`)
      return
    }
    if (req.method !== 'PUT' && req.method !== 'POST') {
      cosError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed', `/${info.cloudPath}`)
      return
    }
    let data: Buffer
    try {
      data = await readRawBody(req, MAX_UPLOAD_BYTES)
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        cosError(res, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size', `/${info.cloudPath}`)
        return
      }
      throw err
    }
    const ct = req.headers['content-type'] ?? ''
    if (req.method === 'POST' && /multipart\/form-data/i.test(ct)) {
      const file = parseMultipart(data, ct).find((p) => p.name === 'file')
      if (!file) {
        cosError(res, 400, 'InvalidArgument', 'no file field', `/${info.cloudPath}`)
        return
      }
      data = file.data
    }
    uploadTokens.delete(token)
    await writeFile(info.cloudPath, data)
    res.writeHead(200, { 'content-length': '0', etag: `"${createHash('md5').update(data).digest('hex')}"` })
    res.end()
  }

  async function serveFile(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let cloudPath: string
    try {
      cloudPath = decodeURIComponent(url.pathname.slice('/__storage/file/'.length))
    } catch {
      cosError(res, 400, 'InvalidURI', 'Could not parse the specified URI', url.pathname)
      return
    }
    const v = validateCloudPath(cloudPath)
    const expires = Number(url.searchParams.get('t'))
    const signature = url.searchParams.get('sign') ?? ''
    if (!v.ok || !Number.isFinite(expires) || signature !== sign(cloudPath, expires)) {
      cosError(res, 403, 'AccessDenied', 'Access Denied', `/${cloudPath}`)
      return
    }
    if (expires < Math.floor(Date.now() / 1000)) {
      cosError(res, 403, 'AccessDenied', 'Request has expired', `/${cloudPath}`)
      return
    }
    const p = diskPath(v.path)
    let size: number
    try {
      const st = await fsp.stat(p)
      if (!st.isFile()) throw new Error('not a file')
      size = st.size
    } catch {
      cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.', `/${cloudPath}`)
      return
    }
    const type = MIME[path.extname(p).toLowerCase()] ?? 'application/octet-stream'
    res.writeHead(200, { 'content-type': type, 'content-length': String(size), 'cache-control': 'private, max-age=60' })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
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

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://local')
    if (!url.pathname.startsWith('/__storage/')) return false
    try {
      const upload = /^\/__storage\/upload\/([0-9a-f]{32})$/.exec(url.pathname)
      if (upload) await serveUpload(req, res, upload[1])
      else if (url.pathname.startsWith('/__storage/file/') && (req.method === 'GET' || req.method === 'HEAD')) {
        await serveFile(req, res, url)
      } else cosError(res, 404, 'NoSuchResource', 'The specified resource does not exist.', url.pathname)
    } catch (err) {
      if (!res.headersSent) cosError(res, 500, 'InternalError', (err as Error).message, url.pathname)
      else res.destroy()
    }
    return true
  }

  function sendJson(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) })
    res.end(text)
  }

  async function handleClientUpload(req: IncomingMessage, res: ServerResponse, openid: string): Promise<void> {
    try {
      if (req.method !== 'POST') {
        sendJson(res, 405, { errCode: -1, errMsg: 'uploadFile:fail method not allowed' })
        return
      }
      const url = new URL(req.url ?? '/', 'http://local')
      let data: Buffer
      try {
        data = await readRawBody(req, MAX_UPLOAD_BYTES)
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          sendJson(res, 413, { errCode: -1, errMsg: 'uploadFile:fail file too large' })
          return
        }
        throw err
      }
      const ct = req.headers['content-type'] ?? ''
      let cloudPath: string | null = url.searchParams.get('cloudPath')
      let mime = ct.split(';')[0].trim()
      let filename: string | undefined
      if (/multipart\/form-data/i.test(ct)) {
        const parts = parseMultipart(data, ct)
        const file = parts.find((p) => p.name === 'file') ?? parts.find((p) => p.filename !== undefined)
        if (!file) {
          sendJson(res, 400, { errCode: -1, errMsg: 'uploadFile:fail 缺少 file 字段' })
          return
        }
        const cp = parts.find((p) => p.name === 'cloudPath')
        if (cp) cloudPath = cp.data.toString('utf8')
        data = file.data
        mime = (file.contentType ?? '').split(';')[0].trim()
        filename = file.filename
      }
      if (!cloudPath) {
        // Like wx.cloud.uploadFile the client normally chooses the path; give one when it did not.
        const ext = (filename && path.extname(filename).toLowerCase()) || EXT_BY_MIME[mime] || ''
        const who = openid.replace(/[^A-Za-z0-9_-]/g, '') || 'anonymous'
        cloudPath = `uploads/${who}/${Date.now()}-${randomBytes(4).toString('hex')}${ext}`
      }
      const v = validateCloudPath(cloudPath)
      if (!v.ok) {
        sendJson(res, 400, { errCode: -1, errMsg: `uploadFile:fail ${v.message}` })
        return
      }
      await writeFile(v.path, data)
      sendJson(res, 200, { fileID: fileIdOf(v.path) })
    } catch (err) {
      if (!res.headersSent) sendJson(res, 500, { errCode: -1, errMsg: `uploadFile:fail ${(err as Error).message}` })
    }
  }

  return { handleAdmin, handleHttp, handleClientUpload }
}
