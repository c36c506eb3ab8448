/**
 * H5 stand-ins of the client APIs a mini-program has and a browser does not:
 * - `POST /api/subscribe` — wx.requestSubscribeMessage (`{tmplIds}`): records the accepts;
 * - `POST /api/local/group-enter-info` — wx.getGroupEnterInfo: a CloudID for the `X-Local-Group` group;
 * - `POST /api/storage/upload[?cloudPath=…]` — wx.cloud.uploadFile, under the storage security rule.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { groupOf, identityOf } from './gateway'
import { type BodyError, readJson } from './json'
import type { CloudParts } from './parts'
import { sendJson } from './util'

export async function handleSubscribe(parts: CloudParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: { tmplIds?: unknown }
  try {
    body = ((await readJson(req)) ?? {}) as { tmplIds?: unknown }
  } catch (e) {
    return sendJson(res, (e as BodyError).status ?? 400, { errMsg: `requestSubscribeMessage:fail ${(e as Error).message}` })
  }
  const openid = identityOf(parts, req, res)
  const ids = Array.isArray(body.tmplIds) ? body.tmplIds.filter((x): x is string => typeof x === 'string').slice(0, 3) : []
  parts.openapi.recordSubscription(openid, ids)
  sendJson(res, 200, Object.fromEntries([['errMsg', 'requestSubscribeMessage:ok'], ...ids.map((id) => [id, 'accept'])]))
}

export function handleGroupEnterInfo(parts: CloudParts, req: IncomingMessage, res: ServerResponse): void {
  req.resume()
  const openid = identityOf(parts, req, res)
  const group = groupOf(req)
  if (!group) {
    sendJson(res, 200, { errMsg: 'getGroupEnterInfo:fail not opened from a group chat', errCode: -1 })
    return
  }
  sendJson(res, 200, { errMsg: 'getGroupEnterInfo:ok', cloudID: parts.openapi.makeGroupCloudId(group, { openid, kind: 'groupEnter' }) })
}

export function handleUpload(parts: CloudParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  return parts.storage.handleClientUpload(req, res, identityOf(parts, req, res))
}
