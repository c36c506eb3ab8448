/**
 * Helpers shared by the users tests: a group CloudID as the client would send it, an H5 upload,
 * whether a storage file exists, and a snapshot of collections to assert "nothing changed".
 */
import type { Envelope } from '../../cloudfunctions/_lib/envelope'
import type { CloudIdRef } from '../../cloudfunctions/users/contract'
import type { TestCloud } from '../helpers/local-cloud'

/** What `Taro.cloud.CloudID(id)` becomes on the local wire, minted for `openid` opening from `opengid`. */
export function groupCloudId(cloud: TestCloud, opengid: string, openid?: string): CloudIdRef {
  return { __cloudID__: cloud.openapi.makeGroupCloudId(opengid, { openid, kind: 'groupEnter' }) } as unknown as CloudIdRef
}

/** POST /api/storage/upload as `openid` (raw body): the H5 client's upload. Returns the fileID. */
export async function upload(cloud: TestCloud, openid: string, bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])): Promise<string> {
  const res = await fetch(`${cloud.url}/api/storage/upload`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', 'x-local-openid': openid },
    body: bytes,
  })
  const body = (await res.json()) as { fileID: string }
  if (!body.fileID) throw new Error(`upload failed: ${JSON.stringify(body)}`)
  return body.fileID
}

export async function fileExists(cloud: TestCloud, fileID: string): Promise<boolean> {
  const res = (await cloud.storage.handleAdmin({ action: 'storage.batchGetDownloadUrl', file_list: [{ fileid: fileID }] })) as {
    data: { download_list: { code: string }[] }
  }
  return res.data.download_list[0]?.code === 'SUCCESS'
}

export function snapshot(cloud: TestCloud, collections: string[] = ['users', 'groups', 'verifications', 'group_invites']): unknown {
  return Object.fromEntries(collections.map((c) => [c, cloud.db.find(c, {}, { limit: 1000 })]))
}

export function code(r: Envelope<unknown> | { body: unknown }): string {
  const env = ('body' in r ? r.body : r) as Envelope<unknown>
  return env.ok ? 'OK' : env.error.code
}

export function data<T>(r: Envelope<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`)
  return r.data
}

export function auditOf(cloud: TestCloud, query: Record<string, unknown>): Record<string, any>[] {
  return cloud.db.find('audit_log', query, { limit: 1000 })
}
