/**
 * The storage actions `wx-server-sdk` 4.0.2 sends (through @cloudbase/node-sdk 3.17.2, dist/storage/index.js):
 * - `storage.getUploadMetadata {path, method:'put'}` → `{data:{url, token, authorization, fileId, cosFileId, download_url}}`;
 *   the SDK then PUTs the raw bytes to `url` (http.ts) and expects an empty body (or COS `<Error>` XML);
 * - `storage.batchGetDownloadUrl {file_list:[{fileid, max_age?}]}` → `{data:{download_list:[{fileID, tempFileURL, code, maxAge}]}}`;
 * - `storage.batchDeleteFile {fileid_list}` → `{data:{delete_list:[{fileID, code}]}}`;
 * - `storage.batchCopyFile {file_list:[{src_path, dst_path, overwrite, remove_original}]}` → `{data:{copy_list}}`.
 * Errors per file carry a node-sdk code (`STORAGE_FILE_NONEXIST`...), which wx-server-sdk maps to
 * its numeric status (-503003...). Whole-call errors are `{code, message, requestId}`.
 */
import { randomBytes } from 'node:crypto'
import { promises as fsp } from 'node:fs'
import { DEFAULT_MAX_AGE, type Files, validateCloudPath } from './files'

const UPLOAD_TOKEN_TTL_MS = 10 * 60 * 1000
const requestId = (): string => randomBytes(8).toString('hex')

export type UploadTokens = Map<string, { cloudPath: string; expires: number }>

function getUploadMetadata(files: Files, tokens: UploadTokens, base: string, body: Record<string, any>): unknown {
  const v = validateCloudPath(body.path)
  if (!v.ok) return { code: 'INVALID_PARAM', message: v.message, requestId: requestId() }
  const token = randomBytes(16).toString('hex')
  tokens.set(token, { cloudPath: v.path, expires: Date.now() + UPLOAD_TOKEN_TTL_MS })
  for (const [t, info] of tokens) if (info.expires < Date.now()) tokens.delete(t)
  return {
    requestId: requestId(),
    data: {
      url: `${base}/__storage/upload/${token}`,
      token,
      authorization: `q-sign-algorithm=sha1&q-ak=local&q-key-time=0;0&q-signature=${token}`,
      fileId: files.fileIdOf(v.path),
      cosFileId: `local-${token}`,
      download_url: `${base}/__storage/file/${v.path}`,
    },
  }
}

async function batchGetDownloadUrl(files: Files, body: Record<string, any>): Promise<unknown> {
  const list: unknown[] = Array.isArray(body.file_list) ? body.file_list : []
  const downloadList = await Promise.all(
    list.map(async (item) => {
      const it = (item ?? {}) as { fileid?: unknown; max_age?: unknown }
      const fileID = typeof it.fileid === 'string' ? it.fileid : ''
      const maxAge = typeof it.max_age === 'number' && it.max_age > 0 ? Math.floor(it.max_age) : DEFAULT_MAX_AGE
      const cloudPath = files.cloudPathOf(fileID)
      if (!cloudPath || !(await files.exists(cloudPath)))
        return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'file not exist', maxAge }
      return { fileID, tempFileURL: files.tempUrl(cloudPath, maxAge), code: 'SUCCESS', maxAge }
    }),
  )
  return { requestId: requestId(), data: { download_list: downloadList } }
}

async function batchDeleteFile(files: Files, body: Record<string, any>): Promise<unknown> {
  const list: unknown[] = Array.isArray(body.fileid_list) ? body.fileid_list : []
  const deleteList = await Promise.all(
    list.map(async (fileID) => {
      const cloudPath = files.cloudPathOf(fileID)
      const id = typeof fileID === 'string' ? fileID : ''
      if (!cloudPath) return { fileID: id, code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' }
      try {
        await fsp.unlink(files.diskPath(cloudPath))
        return { fileID: id, code: 'SUCCESS' }
      } catch {
        return { fileID: id, code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' }
      }
    }),
  )
  return { requestId: requestId(), data: { delete_list: deleteList } }
}

async function batchCopyFile(files: Files, body: Record<string, any>): Promise<unknown> {
  const list: unknown[] = Array.isArray(body.file_list) ? body.file_list : []
  const copyList = []
  const pathOf = (p: unknown) => files.cloudPathOf(p) ?? (validateCloudPath(p).ok ? (p as string) : undefined)
  for (const item of list) {
    const it = (item ?? {}) as { src_path?: unknown; dst_path?: unknown; overwrite?: unknown; remove_original?: unknown }
    // src_path/dst_path are fileIDs or plain cloud paths
    const src = pathOf(it.src_path)
    const dst = pathOf(it.dst_path)
    if (!src || !dst || !(await files.exists(src))) {
      copyList.push({ fileID: '', code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' })
      continue
    }
    if (it.overwrite === false && (await files.exists(dst))) {
      copyList.push({ fileID: files.fileIdOf(dst), code: 'STORAGE_REQUEST_FAIL', message: 'file already exists' })
      continue
    }
    await files.write(dst, await fsp.readFile(files.diskPath(src)))
    if (it.remove_original === true) await fsp.unlink(files.diskPath(src))
    copyList.push({ fileID: files.fileIdOf(dst), code: 'SUCCESS' })
  }
  return { requestId: requestId(), data: { copy_list: copyList } }
}

export async function handleStorageAdmin(files: Files, tokens: UploadTokens, base: string, body: Record<string, any>): Promise<unknown> {
  try {
    switch (body?.action) {
      case 'storage.getUploadMetadata':
        return getUploadMetadata(files, tokens, base, body)
      case 'storage.batchGetDownloadUrl':
        return await batchGetDownloadUrl(files, body)
      case 'storage.batchDeleteFile':
        return await batchDeleteFile(files, body)
      case 'storage.batchCopyFile':
        return await batchCopyFile(files, body)
      default:
        return { code: 'INVALID_PARAM', message: `local storage does not emulate action ${String(body?.action)}`, requestId: requestId() }
    }
  } catch (err) {
    return { code: 'STORAGE_REQUEST_FAIL', message: (err as Error).message, requestId: requestId() }
  }
}
