/**
 * Local stand-in of the WeChat openapi ("云调用") as wx-server-sdk 4.0.2 reaches it (wire.ts):
 * `security.msgSecCheck` (security.ts), `security.mediaCheckAsync` with its pushed verdict
 * (media-check.ts), `subscribeMessage.send` into an outbox (subscribe.ts), and `cloud.getOpenData`
 * / CloudIDs in function data (cloud-id.ts). `cloud.getOpenData({list})` uses the same action with
 * `CommApiData{apiType: SVRKIT_API, svrkitData:{apiName:'ApiGetOpenDataByCloudId'}}` and expects
 * `CommOpenApiResp{svrkitErrorCode:0, respData: ApiGetOpenDataByCloudIdResp}`.
 */
import { randomBytes } from 'node:crypto'
import { jsonTooDeep } from '../http/json'
import { CloudIds, type OpenApiCaller } from './cloud-id'
import { contentRules } from './content-rules'
import { type MediaCheck, MediaChecks } from './media-check'
import { ApiType, decodeGetOpenDataReq, encodeCommOpenApiResp, encodeGetOpenDataResp } from './pb'
import { checkTextMsg } from './security'
import { createSubscriptions, type OutboxEntry } from './subscribe'
import { type AdminAnswer, decodeRequest, openApiAnswer, openApiParams, pbAnswer, tcbError, type WxJson, wxError } from './wire'

export { CLOUD_ID_KEY, type OpenApiCaller, wrapCloudId } from './cloud-id'
export type { ContentRule, MediaRule } from './content-rules'
export type { MediaCheck } from './media-check'
export type { OutboxEntry } from './subscribe'
export { readAdminBody } from './wire'

export interface LocalOpenApi {
  /** POST /admin bodies whose action starts with "wx." (openapi, getOpenData...). `caller` = the WX context of the invoking function call. Never throws. */
  handleAdmin(body: Record<string, any>, caller: OpenApiCaller): Promise<AdminAnswer>
  /** Called by the gateway before a function runs: replace every CloudID value in `data` by `{ cloudID, data }` open data for this caller. */
  resolveCloudIds(data: unknown, caller: OpenApiCaller): unknown
  /** Local stand-in of wx.requestSubscribeMessage: one accept allows one send. */
  recordSubscription(openid: string, templateIds: string[]): void
  outbox(): OutboxEntry[]
  clearOutbox(): void
  /** A CloudID for tests and the H5 client (recognised by resolveCloudIds for this caller's group). */
  makeGroupCloudId(opengid: string, options?: { openid?: string; kind?: 'groupEnter' | 'share' }): string
  /** Every mediaCheckAsync call and what became of its verdict. */
  mediaChecks(): MediaCheck[]
  /** Hold verdict pushes until flushMediaVerdicts() (tests); false lets them go on their delay again. */
  holdMediaVerdicts(on: boolean): void
  /** Push every pending verdict now; resolves when the receiving functions have run. */
  flushMediaVerdicts(): Promise<MediaCheck[]>
  stop(): void
}

export interface OpenApiOptions {
  appid: string
  /** content rules file (see content-rules.ts); none = every check passes */
  rulesFile?: string
  /** delay before a mediaCheckAsync verdict is pushed (default 300 ms; 0 = next tick) */
  mediaVerdictDelayMs?: number
  /** The bytes behind a temp URL this local cloud issued (for media checks). */
  readMedia?: (url: string) => Promise<Buffer | null>
  /** Message push delivery (the server routes an event to the function the app names). */
  push?: (event: Record<string, unknown>) => Promise<{ state: 'delivered' | 'kept' | 'failed'; note: string }>
}

export function createOpenApi(opts: OpenApiOptions): LocalOpenApi {
  const rules = contentRules(opts.rulesFile)
  const cloudIds = new CloudIds(opts.appid)
  const subs = createSubscriptions()
  const media = new MediaChecks({
    appid: opts.appid,
    delayMs: opts.mediaVerdictDelayMs ?? 300,
    rules: () => rules().media,
    readMedia: opts.readMedia ?? (async () => null),
    push: opts.push ?? (async () => ({ state: 'kept', note: 'no message push target' })),
  })

  function callApi(apiName: string, params: Record<string, unknown>): WxJson {
    switch (apiName) {
      case 'security.msgSecCheck':
        return checkTextMsg(params, rules().text)
      case 'security.mediaCheckAsync':
        return media.submit(params)
      case 'subscribeMessage.send':
        return subs.send(params)
      default:
        return wxError(-1, `local emulator does not implement openapi.${apiName}`)
    }
  }

  function handleOpenApi(body: Record<string, any>, caller: OpenApiCaller): AdminAnswer {
    const msg = decodeRequest(body)
    if (!msg)
      return tcbError('INVALID_PARAM', 'requestData must be the protobuf bytes (multipart part with content-type application/octet-stream)')
    if (msg.apiType === ApiType.SVRKIT_API && msg.svrkitData) {
      if (msg.svrkitData.apiName !== 'ApiGetOpenDataByCloudId') return pbAnswer(encodeCommOpenApiResp({ svrkitErrorCode: -1 }))
      const req = decodeGetOpenDataReq(msg.svrkitData.reqData)
      const items = req.cloudidList.map((id) => ({ cloudId: id, json: JSON.stringify(cloudIds.openDataFor(id, caller)) }))
      return pbAnswer(encodeCommOpenApiResp({ svrkitErrorCode: 0, respData: encodeGetOpenDataResp(items) }))
    }
    if (msg.apiType !== ApiType.OPEN_API || !msg.openapiData)
      return tcbError('INVALID_PARAM', `local emulator does not implement CommApiData apiType ${msg.apiType}`)
    return openApiAnswer(callApi(String(body.apiName ?? ''), openApiParams(msg)))
  }

  /** `cloud.callOpenAPI` (action wx.api): JSON in, `{data:{responseData: JSON text}}` out. */
  function handleJsonApi(body: Record<string, any>): AdminAnswer {
    let params: Record<string, unknown> = {}
    if (typeof body.requestData === 'string' && jsonTooDeep(body.requestData))
      return tcbError('INVALID_PARAM', 'requestData is nested too deep')
    try {
      params = typeof body.requestData === 'string' && body.requestData ? JSON.parse(body.requestData) : {}
    } catch {
      return tcbError('INVALID_PARAM', 'requestData is not JSON')
    }
    const answer = callApi(String(body.apiName ?? ''), params)
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requestId: randomBytes(8).toString('hex'), data: { responseData: JSON.stringify(answer) } }),
    }
  }

  return {
    async handleAdmin(body, caller) {
      try {
        if (body?.action === 'wx.openApi') return handleOpenApi(body, caller)
        if (body?.action === 'wx.api') return handleJsonApi(body)
        return tcbError('INVALID_PARAM', `local emulator does not implement action ${String(body?.action)}`)
      } catch (err) {
        return tcbError('SYS_ERR', `local openapi: ${(err as Error).message}`)
      }
    },
    resolveCloudIds: (data, caller) => cloudIds.resolveCloudIds(data, caller),
    recordSubscription: subs.record,
    outbox: subs.outbox,
    clearOutbox: subs.clear,
    makeGroupCloudId: (opengid, options) => cloudIds.makeGroupCloudId(opengid, options),
    mediaChecks: () => media.list(),
    holdMediaVerdicts: (on) => media.hold(on),
    flushMediaVerdicts: () => media.flush(),
    stop: () => media.stop(),
  }
}
