/**
 * Files of the local storage on disk, and the ids and URLs that name them:
 * - file ids look like the real ones: `cloud://<env>.<hex of env's first 2 chars>-<env>-1250000000/<cloudPath>`;
 * - files live at `<dir>/<cloudPath>` (written to a temp file then renamed: never half a file);
 * - temp URLs are `<base>/__storage/file/<cloudPath>?sign=<hmac>&t=<expiry>`, the raw path as the
 *   real cloud gives it (the SDK calls encodeURI before the GET);
 * - cloud paths with `..`, `.` or empty segments, a leading `/`, `\`, `?`, `#` or NUL are refused.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { promises as fsp } from 'node:fs'
import * as path from 'node:path'

/** Temp URLs live one day unless max_age says otherwise, like the real default. */
export const DEFAULT_MAX_AGE = 86400

export const MIME: Record<string, string> = {
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
export const EXT_BY_MIME: Record<string, string> = {}
for (const [ext, mime] of Object.entries(MIME)) EXT_BY_MIME[mime.split(';')[0]] ??= ext

/** Check a cloud path the way we need it to map safely onto the disk. Returns the path or an error text. */
export function validateCloudPath(cloudPath: unknown): { ok: true; path: string } | { ok: false; message: string } {
  if (typeof cloudPath !== 'string' || cloudPath.length === 0) return { ok: false, message: 'cloudPath 不能为空' }
  if (cloudPath.length > 850) return { ok: false, message: 'cloudPath 过长' }
  if (cloudPath.startsWith('/')) return { ok: false, message: 'cloudPath 不能以 / 开头' }
  if (/[\\\0?#]/.test(cloudPath)) return { ok: false, message: 'cloudPath 含有非法字符' }
  const segments = cloudPath.split('/')
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return { ok: false, message: 'cloudPath 不能含有空段、. 或 ..' }
  return { ok: true, path: cloudPath }
}

export interface FilesOptions {
  /** absolute folder for files; tests pass a temp dir */
  dir: string
  envId: string
  /** e.g. http://127.0.0.1:PORT, known after listen */
  baseUrl: () => string
}

export class Files {
  readonly root: string
  private bucket: string
  private secret = randomBytes(16)

  constructor(private opts: FilesOptions) {
    this.root = path.resolve(opts.dir)
    // Bucket names look like `<hex of the env's first two chars>-<env>-<appid-ish number>` (cloud://env-id.7465-env-id-1250000000/a.png).
    this.bucket = `${Buffer.from(opts.envId.slice(0, 2)).toString('hex')}-${opts.envId}-1250000000`
  }

  fileIdOf(cloudPath: string): string {
    return `cloud://${this.opts.envId}.${this.bucket}/${cloudPath}`
  }

  /** cloud://<env>.<bucket>/<path> → path, or undefined when the id is not of this env. */
  cloudPathOf(fileID: unknown): string | undefined {
    if (typeof fileID !== 'string') return undefined
    const m = /^cloud:\/\/([^./]+)\.([^/]+)\/(.+)$/.exec(fileID)
    if (!m || m[1] !== this.opts.envId) return undefined
    const v = validateCloudPath(m[3])
    return v.ok ? v.path : undefined
  }

  diskPath(cloudPath: string): string {
    const p = path.resolve(this.root, ...cloudPath.split('/'))
    if (p !== this.root && !p.startsWith(this.root + path.sep)) throw new Error('path escapes the storage root')
    return p
  }

  async exists(cloudPath: string): Promise<boolean> {
    try {
      return (await fsp.stat(this.diskPath(cloudPath))).isFile()
    } catch {
      return false
    }
  }

  async write(cloudPath: string, data: Buffer): Promise<void> {
    const p = this.diskPath(cloudPath)
    await fsp.mkdir(path.dirname(p), { recursive: true })
    const tmp = `${p}.${randomBytes(4).toString('hex')}.part`
    await fsp.writeFile(tmp, data)
    await fsp.rename(tmp, p)
  }

  tempUrl(cloudPath: string, maxAge: number): string {
    const expires = Math.floor(Date.now() / 1000) + maxAge
    return `${this.opts.baseUrl()}/__storage/file/${cloudPath}?sign=${this.sign(cloudPath, expires)}&t=${expires}`
  }

  /** The cloud path of a signed temp URL's pathname + query, or why not (`denied`, `expired`, `bad`). */
  verifyTempUrl(pathname: string, query: URLSearchParams): { path: string } | { error: 'bad' | 'denied' | 'expired'; path: string } {
    let cloudPath: string
    try {
      cloudPath = decodeURIComponent(pathname.slice('/__storage/file/'.length))
    } catch {
      return { error: 'bad', path: pathname }
    }
    const v = validateCloudPath(cloudPath)
    const expires = Number(query.get('t'))
    if (!v.ok || !Number.isFinite(expires) || (query.get('sign') ?? '') !== this.sign(cloudPath, expires))
      return { error: 'denied', path: cloudPath }
    if (expires < Math.floor(Date.now() / 1000)) return { error: 'expired', path: cloudPath }
    return { path: v.path }
  }

  /** The bytes behind a temp URL this storage issued (any encoding of it), or null. */
  async readByTempUrl(url: string): Promise<Buffer | null> {
    let u: URL
    let base: URL
    try {
      u = new URL(encodeURI(decodeURI(url)))
      base = new URL(this.opts.baseUrl())
    } catch {
      return null
    }
    if (u.origin !== base.origin || !u.pathname.startsWith('/__storage/file/')) return null
    const r = this.verifyTempUrl(u.pathname, u.searchParams)
    if ('error' in r) return null
    try {
      return await fsp.readFile(this.diskPath(r.path))
    } catch {
      return null
    }
  }

  private sign(cloudPath: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${cloudPath}\n${expires}`).digest('hex').slice(0, 32)
  }
}
