/**
 * Files in cloud storage. Clients upload to `<purpose>/<their openid>/<name>` (the storage security
 * rule lets nobody write elsewhere); a function accepts a file id from a client only when it lies in
 * the caller's own folder for that purpose, or is already attached to the record being edited.
 * Without this guard a rider could attach another rider's verification photo to a public report.
 */
import { cloud } from './cloud'
import { invalid } from './errors'

/** Upload folders, one per purpose. The client names the folder (`import type { UploadPurpose }`). */
export const UPLOAD_PURPOSES = ['avatars', 'verification', 'reports', 'stations', 'topics', 'notices', 'questions', 'dishes'] as const
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number]

/** The storage path of `cloud://<env>.<bucket>/<path>`, or null when the id is malformed. */
export function storagePath(fileId: string): string | null {
  const m = /^cloud:\/\/[^/\s]+\/(.+)$/.exec(fileId)
  if (!m) return null
  const path = m[1]
  const parts = path.split('/')
  return parts.some((p) => p === '' || p === '.' || p === '..') ? null : path
}

/** True when `fileId` is `<purpose>/<openid>/<name>`. */
export function isOwnUpload(fileId: string, openid: string, purpose: UploadPurpose): boolean {
  const parts = storagePath(fileId)?.split('/')
  return Boolean(parts && parts.length >= 3 && parts[0] === purpose && parts[1] === openid && openid)
}

/**
 * Refuse (INVALID_ARGUMENT naming `field`) unless every id is the caller's own upload for `purpose`
 * or one of `attached` (the files the record already has). Duplicates are refused too.
 */
export function assertOwnFiles(
  fileIds: readonly (string | null | undefined)[],
  opts: { openid: string; purpose: UploadPurpose; field: string; attached?: readonly string[] },
): void {
  const list = fileIds.filter((f): f is string => typeof f === 'string')
  if (new Set(list).size !== list.length) throw invalid('照片重复了', { field: opts.field })
  for (const f of list) {
    if (opts.attached?.includes(f)) continue
    if (!isOwnUpload(f, opts.openid, opts.purpose)) throw invalid('照片文件不正确，请重新上传', { field: opts.field })
  }
}

/** Delete files; a file that cannot be deleted now never fails the caller's action (it is logged). */
export async function deleteFiles(fileIds: readonly (string | null | undefined)[]): Promise<void> {
  const list = [...new Set(fileIds.filter((f): f is string => typeof f === 'string' && storagePath(f) !== null))]
  if (!list.length) return
  try {
    await cloud.deleteFile({ fileList: list })
  } catch (err) {
    console.warn('[files] deleteFile failed', (err as { errCode?: number })?.errCode ?? err)
  }
}

/** Short-lived download links (default one hour) by file id; files that fail are left out. */
export async function tempUrls(fileIds: readonly (string | null | undefined)[], maxAge = 3600): Promise<Map<string, string>> {
  const list = [...new Set(fileIds.filter((f): f is string => typeof f === 'string' && storagePath(f) !== null))]
  const chunks: string[][] = []
  // getTempFileURL takes at most 50 files per call
  for (let i = 0; i < list.length; i += 50) chunks.push(list.slice(i, i + 50))
  const found = await Promise.all(chunks.map((chunk) => tempUrlChunk(chunk, maxAge)))
  return new Map(found.flat())
}

async function tempUrlChunk(fileIds: string[], maxAge: number): Promise<[string, string][]> {
  try {
    const res = (await cloud.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge })) })) as unknown as {
      fileList?: { fileID: string; tempFileURL?: string; status?: number }[]
    }
    return (res.fileList ?? []).filter((f) => f.status === 0 && f.tempFileURL).map((f) => [f.fileID, f.tempFileURL as string])
  } catch (err) {
    console.warn('[files] getTempFileURL failed', (err as { errCode?: number })?.errCode ?? err)
    return []
  }
}
