/**
 * Local stand-in of CloudBase storage: files on disk (files.ts), the SDK's admin actions
 * (admin.ts), file bytes over HTTP (http.ts) and client uploads under the storage security rule
 * (client-upload.ts, rules.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { handleStorageAdmin, type UploadTokens } from './admin'
import { handleClientUpload, type Owners } from './client-upload'
import { Files } from './files'
import { handleStorageHttp } from './http'
import { compileRules } from './rules'

export { validateCloudPath } from './files'
export { compileRules, type RuleContext } from './rules'

export interface LocalStorage {
  /** POST /admin bodies whose action starts with "storage.". Returns the JSON body (HTTP 200). Never throws. */
  handleAdmin(body: Record<string, any>): Promise<unknown>
  /** Any HTTP request whose path starts with "/__storage/" (upload target, download, temp URLs). Returns true when handled. */
  handleHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean>
  /** Upload from the client (POST /api/storage/upload), under the security rule; answers {fileID}. */
  handleClientUpload(req: IncomingMessage, res: ServerResponse, openid: string): Promise<void>
  /** The bytes behind a temp URL this storage issued, or null (expired, forged, missing, foreign). */
  readByTempUrl(url: string): Promise<Buffer | null>
}

export interface StorageOptions {
  /** absolute folder for files; tests pass a temp dir */
  dir: string
  envId: string
  /** e.g. http://127.0.0.1:PORT, known after listen */
  baseUrl: () => string
  /** The storage security rule client uploads must pass (none: clients may write anywhere). */
  rules?: { json: unknown; ownerOf?: (cloudPath: string) => string | null }
  /** Where the uploader of each client-uploaded file is remembered (`resource.openid`); in memory when omitted. */
  ownersFile?: string
}

function ownerRecord(file: string | undefined): Owners {
  const map = new Map<string, string>(
    file && existsSync(file) ? Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : [],
  )
  return {
    get: (p) => map.get(p),
    set(p, openid) {
      if (map.get(p) === openid) return
      map.set(p, openid)
      if (file) writeFileSync(file, JSON.stringify(Object.fromEntries(map)))
    },
  }
}

export function createStorage(opts: StorageOptions): LocalStorage {
  const files = new Files(opts)
  const tokens: UploadTokens = new Map()
  const security = opts.rules ? { rules: compileRules(opts.rules.json), ownerOf: opts.rules.ownerOf } : undefined
  const owners = ownerRecord(opts.ownersFile)
  return {
    handleAdmin: (body) => handleStorageAdmin(files, tokens, opts.baseUrl(), body),
    handleHttp: (req, res) => handleStorageHttp(files, tokens, req, res),
    handleClientUpload: (req, res, openid) =>
      handleClientUpload(files, security, owners, req, res, openid).catch((err: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
          res.end(JSON.stringify({ errCode: -1, errMsg: `uploadFile:fail ${(err as Error).message}` }))
        }
      }),
    readByTempUrl: (url) => files.readByTempUrl(url),
  }
}
