/**
 * Helpers shared by the cloud tests: envelope readers (`code`, `data`), a group CloudID as the
 * client would send it, uploads into a purpose folder as the H5 client does, whether a storage
 * file exists, a snapshot of collections to assert "nothing changed", audit entries, and the
 * platform's photo-check verdict (`pushVerdict`) for a file whose check an action started.
 * Demo people and places: `DEMO` from scripts/local-cloud/seed/demo.
 */
import { randomBytes } from 'node:crypto'
import type { Envelope } from '../../cloudfunctions/_lib/envelope'
import type { UploadPurpose } from '../../cloudfunctions/_lib/files'
import type { CloudIdRef } from '../../cloudfunctions/users/contract'
import type { TestCloud } from '../helpers/local-cloud'

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])

/** What `Taro.cloud.CloudID(id)` becomes on the local wire, minted for `openid` opening from `opengid`. */
export function groupCloudId(cloud: TestCloud, opengid: string, openid?: string): CloudIdRef {
  return { __cloudID__: cloud.openapi.makeGroupCloudId(opengid, { openid, kind: 'groupEnter' }) } as unknown as CloudIdRef
}

/** POST /api/storage/upload as `openid` to `cloudPath` (raw body): the H5 client's upload. Returns the fileID. */
export async function uploadTo(cloud: TestCloud, openid: string, cloudPath: string | null, bytes: Buffer = JPEG): Promise<string> {
  const query = cloudPath ? `?cloudPath=${encodeURIComponent(cloudPath)}` : ''
  const res = await fetch(`${cloud.url}/api/storage/upload${query}`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', 'x-local-openid': openid },
    body: new Uint8Array(bytes),
  })
  const body = (await res.json()) as { fileID?: string }
  if (!body.fileID) throw new Error(`upload failed: ${JSON.stringify(body)}`)
  return body.fileID
}

/**
 * An upload of `openid` into their own folder for `purpose` (`<purpose>/<openid>/<name>`), as the
 * app's upload service does; `upload(cloud, openid, bytes)` without a purpose lands in the local
 * cloud's default folder (`uploads/<openid>/`), which no purpose accepts.
 */
export async function upload(
  cloud: TestCloud,
  openid: string,
  what: Buffer | UploadPurpose = JPEG,
  purpose?: UploadPurpose,
): Promise<string> {
  const folder = typeof what === 'string' ? what : purpose
  const bytes = typeof what === 'string' ? JPEG : what
  return uploadTo(cloud, openid, folder ? `${folder}/${openid}/${randomBytes(4).toString('hex')}.jpg` : null, bytes)
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

/**
 * The platform's `wxa_media_check` push for the check an action started on `fileId` (its trace id
 * is in `media_checks`), delivered to the `contentcheck` function as the message push does.
 */
export async function pushVerdict(cloud: TestCloud, fileId: string, suggest: 'pass' | 'risky' | 'review'): Promise<void> {
  const check = cloud.db.find('media_checks', { fileId }, { limit: 10 }).find((c) => c.docId)
  if (!check) throw new Error(`no recorded media check for ${fileId}`)
  const event = {
    ToUserName: 'gh_local',
    FromUserName: String(check.author ?? ''),
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: 'wxlocalappid',
    trace_id: check._id,
    version: 2,
    result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
  }
  const r = await cloud.invoke('contentcheck', event, { openid: '' })
  if (!r.ok || !(r.result as { ok?: boolean })?.ok) throw new Error(`contentcheck failed: ${JSON.stringify(r)}`)
}

/**
 * Denied audit entries are kept at most once per person per action per minute: checks that no two
 * of `entries` share person, action and minute, and returns the first of each person and action
 * (so a test stays exact when its attempts happen to straddle a minute).
 */
export function firstDeniedPerPerson(entries: Record<string, any>[]): Record<string, any>[] {
  const keys = entries.map((e) => `${e.actorOpenid}|${e.via}|${Math.floor((e.at as Date).getTime() / 60_000)}`)
  if (new Set(keys).size !== keys.length) throw new Error(`more than one denied entry per person, action and minute: ${keys.join(', ')}`)
  return entries.filter((e, i) => !entries.slice(0, i).some((p) => p.actorOpenid === e.actorOpenid && p.via === e.via))
}
