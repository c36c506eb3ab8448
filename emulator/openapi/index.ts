/**
 * Local stand-in of the WeChat openapi ("云调用") as wx-server-sdk 4.0.2 reaches it.
 *
 * Wire (read from node_modules/wx-server-sdk/index.js and @cloudbase/node-sdk dist/wx):
 * `cloud.openapi.<ns>.<api>(data)` converts `data` keys camelCase → snake_case, JSON-encodes
 * every top-level value into a protobuf `CommApiData{apiType: OPEN_API, openapiData:{pairs:
 * [{key, value: JSON bytes}]}, appid}` and POSTs it as multipart/form-data to the admin URL:
 * fields `action=wx.openApi`, `apiName=<ns>.<api>`, `requestData=<protobuf, octet-stream>`,
 * `envName`, `wxCloudApiToken`, ... The answer must be HTTP 200 with a protobuf
 * `CommOpenApiResp{respData: JSON bytes, contentType: 'application/json...'}` body (any
 * content-type but exactly 'application/json; charset=utf-8', which the SDK reads as a TCB
 * error `{code, message}`). A JSON respData with `errcode` ≠ 0 becomes a thrown CloudSDKError
 * `{errCode: errcode, errMsg: 'openapi.<api>:fail <errmsg>'}`; otherwise errcode/errmsg are
 * dropped, keys are converted back to camelCase (trace_id → traceId) and
 * `{errCode: 0, errMsg: 'openapi.<api>:ok'}` is added.
 * `cloud.getOpenData({list})` uses the same action with `CommApiData{apiType: SVRKIT_API,
 * svrkitData:{apiName:'ApiGetOpenDataByCloudId', reqData: ApiGetOpenDataByCloudIdReq}}` and
 * expects `CommOpenApiResp{svrkitErrorCode:0, respData: ApiGetOpenDataByCloudIdResp}` whose items
 * carry `json` = JSON text of `{cloudID, data}`.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import * as path from 'node:path'
import { parseMultipart, readRawBody } from '../storage/http-body'
import builtInRules from './content-rules.json'
import { ApiType, decodeCommApiData, decodeGetOpenDataReq, encodeCommOpenApiResp, encodeGetOpenDataResp } from './pb'

export interface OpenApiCaller {
  openid: string
  appid: string
  groupOpengid?: string
}

export interface OutboxEntry {
  at: string
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
}

export interface LocalOpenApi {
  /** POST /admin bodies whose action starts with "wx." (openapi, getOpenData...). `caller` = the WX context of the invoking function call. Returns {status, headers, body} to send. Never throws. */
  handleAdmin(
    body: Record<string, any>,
    caller: OpenApiCaller,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer | string }>
  /** Called by the gateway before a function runs: replace every CloudID value in `data` by `{ cloudID, data }` open data for this caller (group info → { opengid } of caller.groupOpengid). Returns new data. */
  resolveCloudIds(data: unknown, caller: OpenApiCaller): unknown
  /** Local stand-in of wx.requestSubscribeMessage: record that openid accepted these template ids (one-time: each accept allows one send, like the real one-time subscription). */
  recordSubscription(openid: string, templateIds: string[]): void
  outbox(): OutboxEntry[]
  clearOutbox(): void
  /** Make a CloudID string for tests and the H5 client (opaque string that resolveCloudIds recognises for this caller's group). */
  makeGroupCloudId(opengid: string, options?: { openid?: string; kind?: 'groupEnter' | 'share' }): string
}

export interface ContentRule {
  /** substring, or "/regex/flags" */
  pattern: string
  /** msgSecCheck label: 10001 广告, 20001 时政, 20002 色情, 20003 辱骂, 20006 违法犯罪, 20008 欺诈, 20012 低俗, 20013 版权, 21000 其他 */
  label: number
  suggest: 'risky' | 'review'
}

/**
 * The local wire form of `wx.cloud.CloudID(id)` inside callFunction data. The real base library
 * serialises its CloudID object internally (not documented); our H5 client stand-in sends this.
 */
export const CLOUD_ID_KEY = '__cloudID__'
export const wrapCloudId = (cloudID: string): Record<string, string> => ({ [CLOUD_ID_KEY]: cloudID })

/** CloudIDs are valid five minutes ("cloudID 有效期五分钟"). */
const CLOUD_ID_TTL_SECONDS = 5 * 60
/** "一次调用最多可替换 5 个 cloudID" */
const MAX_CLOUD_IDS_PER_CALL = 5

const ERR_INVALID_CLOUDID = { errCode: -601005, errMsg: 'invalid cloudID.' }
const ERR_CLOUDID_EXPIRED = { errCode: -601006, errMsg: 'cloudID expired.' }
const ERR_CLOUDID_USER = { errCode: -601007, errMsg: 'cloudID and calling user does not match.' }

/** rid / trace_id look like "62987eb8-18ca076c-37fc373b" in real answers. */
const traceId = (): string =>
  `${Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`

type WxJson = Record<string, unknown> & { errcode: number; errmsg: string }
const wxError = (errcode: number, errmsg: string): WxJson => ({ errcode, errmsg: `${errmsg} rid: ${traceId()}` })

/** Read a POST /admin body: JSON (database/storage/functions actions) or multipart (wx.openApi, wx.wxPayApi). Binary parts stay Buffers. */
export async function readAdminBody(req: IncomingMessage): Promise<Record<string, any>> {
  const raw = await readRawBody(req)
  const ct = String(req.headers['content-type'] ?? '')
  if (/multipart\/form-data/i.test(ct)) {
    const out: Record<string, any> = {}
    for (const part of parseMultipart(raw, ct)) {
      const binary = part.filename !== undefined || /octet-stream/i.test(part.contentType ?? '')
      out[part.name] = binary ? part.data : part.data.toString('utf8')
    }
    return out
  }
  if (raw.length === 0) return {}
  return JSON.parse(raw.toString('utf8')) as Record<string, any>
}

function compileRule(rule: ContentRule): ((text: string) => string | undefined) | undefined {
  if (!rule || typeof rule.pattern !== 'string' || rule.pattern === '') return undefined
  const m = /^\/(.+)\/([a-z]*)$/s.exec(rule.pattern)
  if (m) {
    let re: RegExp
    try {
      re = new RegExp(m[1], m[2].replace('g', ''))
    } catch {
      return undefined
    }
    return (text) => re.exec(text)?.[0]
  }
  return (text) => (text.includes(rule.pattern) ? rule.pattern : undefined)
}

/** Subscribe-message value limits by keyword type ("订阅消息参数值内容限制说明"), checked loosely. */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
const chars = (s: string): number => [...s].length
const KEYWORD_CHECKS: Record<string, (v: string) => boolean> = {
  thing: (v) => chars(v) <= 20,
  number: (v) => /^[+-]?\d+(\.\d+)?$/.test(v) && v.replace(/\D/g, '').length <= 32,
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  symbol: (v) => chars(v) <= 5 && !/[A-Za-z0-9]/.test(v) && !CJK.test(v),
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  time: (v) => chars(v) <= 64 && /\d/.test(v),
  date: (v) => chars(v) <= 64 && /\d/.test(v),
  amount: (v) => /^[^\d\s]?\d{1,10}(\.\d+)?元?$/.test(v),
  phone_number: (v) => chars(v) <= 17 && /^[\d+\-() ]+$/.test(v),
  car_number: (v) => chars(v) <= 8,
  name: (v) => (CJK.test(v) ? chars(v) <= 10 : chars(v) <= 20),
  phrase: (v) => chars(v) <= 5 && [...v].every((c) => CJK.test(c)),
}

function keywordType(key: string): string | undefined {
  const m = /^([a-z_]+?)_?(\d+)$/.exec(key)
  return m ? m[1] : undefined
}

interface CloudIdPayload {
  k: 'groupEnter' | 'share'
  g: string
  o?: string
  a: string
  t: number
}

export function createOpenApi(opts: { rulesFile?: string; appid: string }): LocalOpenApi {
  const secret = randomBytes(16)
  const subscriptions = new Map<string, Map<string, number>>()
  let sent: OutboxEntry[] = []

  // ---- content rules (re-read when the editable file changes) ----------------------------
  const rulesFile =
    opts.rulesFile ??
    [
      typeof __dirname === 'string' ? path.join(__dirname, 'content-rules.json') : '',
      path.resolve('emulator/openapi/content-rules.json'),
    ].find((p) => {
      try {
        return p !== '' && statSync(p).isFile()
      } catch {
        return false
      }
    })
  let rulesMtime = -1
  let compiled: { rule: ContentRule; test: (t: string) => string | undefined }[] = []
  function setRules(list: unknown): void {
    compiled = (Array.isArray(list) ? (list as ContentRule[]) : []).flatMap((rule) => {
      const test = compileRule(rule)
      return test ? [{ rule, test }] : []
    })
  }
  setRules(builtInRules)
  function rules(): typeof compiled {
    if (!rulesFile) return compiled
    try {
      const m = statSync(rulesFile).mtimeMs
      if (m !== rulesMtime) {
        setRules(JSON.parse(readFileSync(rulesFile, 'utf8')))
        rulesMtime = m
      }
    } catch {
      // a half-written or broken file keeps the previous rules
    }
    return compiled
  }

  // ---- CloudID -------------------------------------------------------------------------
  const sig = (payload: string): string => createHmac('sha256', secret).update(payload).digest('hex').slice(0, 16)

  function makeGroupCloudId(opengid: string, options: { openid?: string; kind?: 'groupEnter' | 'share' } = {}): string {
    const payload: CloudIdPayload = {
      k: options.kind ?? 'groupEnter',
      g: opengid,
      a: opts.appid,
      t: Math.floor(Date.now() / 1000),
      ...(options.openid ? { o: options.openid } : {}),
    }
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
    // shaped like the real ones ("27_Ih-9vxDaOh..."): a version number, "_", opaque text
    return `90_${body}_${sig(body)}`
  }

  function parseCloudId(cloudID: unknown): CloudIdPayload | undefined {
    if (typeof cloudID !== 'string') return undefined
    const m = /^90_([A-Za-z0-9_-]+)_([0-9a-f]{16})$/.exec(cloudID)
    if (!m || sig(m[1]) !== m[2]) return undefined
    try {
      return JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')) as CloudIdPayload
    } catch {
      return undefined
    }
  }

  /** `{cloudID, data}` or `{cloudID, errCode, errMsg}` — the shapes of the docs' event examples. */
  function openDataFor(cloudID: string, caller: OpenApiCaller): Record<string, unknown> {
    const p = parseCloudId(cloudID)
    if (!p || p.a !== (caller.appid || opts.appid)) return { cloudID, ...ERR_INVALID_CLOUDID }
    if (Math.floor(Date.now() / 1000) - p.t > CLOUD_ID_TTL_SECONDS) return { cloudID, ...ERR_CLOUDID_EXPIRED }
    if (p.o && p.o !== caller.openid) return { cloudID, ...ERR_CLOUDID_USER }
    const watermark = { appid: p.a, timestamp: p.t }
    // wx.getGroupEnterInfo decrypts to {opengid}; the older wx.getShareInfo to {openGId}
    const data = p.k === 'share' ? { openGId: p.g, watermark } : { opengid: p.g, watermark }
    return { cloudID, data }
  }

  function markerOf(value: unknown): string | undefined {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
    const obj = value as Record<string, unknown>
    const keys = Object.keys(obj)
    if (keys.length === 1 && keys[0] === CLOUD_ID_KEY && typeof obj[CLOUD_ID_KEY] === 'string') return obj[CLOUD_ID_KEY] as string
    // a CloudID instance serialised by JSON.stringify, recognised only when we minted the id
    if (keys.length === 1 && keys[0] === 'cloudID' && parseCloudId(obj.cloudID)) return obj.cloudID as string
    return undefined
  }

  /** Nested CloudIDs are not replaced: they arrive as the plain string. */
  function flatten(value: unknown): unknown {
    const id = markerOf(value)
    if (id !== undefined) return id
    if (Array.isArray(value)) return value.map(flatten)
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, flatten(v)]))
    }
    return value
  }

  function resolveCloudIds(data: unknown, caller: OpenApiCaller): unknown {
    if (!data || typeof data !== 'object' || Array.isArray(data)) return flatten(data)
    let replaced = 0
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      const id = markerOf(value)
      if (id !== undefined && replaced < MAX_CLOUD_IDS_PER_CALL) {
        replaced++
        out[key] = openDataFor(id, caller)
      } else {
        out[key] = flatten(value)
      }
    }
    return out
  }

  // ---- subscriptions ---------------------------------------------------------------------
  function recordSubscription(openid: string, templateIds: string[]): void {
    const mine = subscriptions.get(openid) ?? new Map<string, number>()
    subscriptions.set(openid, mine)
    for (const id of templateIds) mine.set(id, (mine.get(id) ?? 0) + 1)
  }

  // ---- APIs ----------------------------------------------------------------------------
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined)

  function checkTextMsg(params: Record<string, unknown>): WxJson {
    if (Number(params.version) !== 2) {
      // v1 (content only, errcode 87014) is frozen since 2021-09-01; the project uses v2 only.
      return wxError(47001, 'data format error: local emulator serves msgSecCheck v2 only, call it with version: 2, scene and openid')
    }
    const openid = str(params.openid)
    if (!openid) return wxError(40003, 'invalid openid')
    const scene = Number(params.scene)
    if (![1, 2, 3, 4].includes(scene)) return wxError(40129, 'invalid scene')
    const content = str(params.content)
    if (!content) return wxError(44002, 'empty post data')
    if (chars(content) > 2500) return wxError(47001, 'data format error: content longer than 2500')
    const text = [params.title, params.nickname, scene === 1 ? params.signature : undefined, content].map((v) => str(v) ?? '').join('\n')
    const hits: { suggest: 'risky' | 'review'; label: number; keyword: string }[] = []
    for (const { rule, test } of rules()) {
      const keyword = test(text)
      if (keyword !== undefined) hits.push({ suggest: rule.suggest === 'review' ? 'review' : 'risky', label: Number(rule.label), keyword })
    }
    const worst = hits.find((h) => h.suggest === 'risky') ?? hits[0]
    const detail: Record<string, unknown>[] = [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }]
    if (hits.length === 0) detail.push({ strategy: 'keyword', errcode: 0 })
    for (const h of hits)
      detail.push({ strategy: 'keyword', errcode: 0, suggest: h.suggest, label: h.label, level: 20, keyword: h.keyword })
    return {
      errcode: 0,
      errmsg: 'ok',
      result: worst ? { suggest: worst.suggest, label: worst.label } : { suggest: 'pass', label: 100 },
      detail,
      trace_id: traceId(),
    }
  }

  function checkMediaAsync(params: Record<string, unknown>): WxJson {
    if (Number(params.version) !== 2) {
      return wxError(47001, 'data format error: local emulator serves mediaCheckAsync v2 only, call it with version: 2, scene and openid')
    }
    const mediaUrl = str(params.media_url)
    if (!mediaUrl) return wxError(44002, 'empty post data')
    if (![1, 2].includes(Number(params.media_type))) return wxError(47001, 'data format error: media_type must be 1 (audio) or 2 (image)')
    if (!str(params.openid)) return wxError(40003, 'invalid openid')
    if (![1, 2, 3, 4].includes(Number(params.scene))) return wxError(40129, 'invalid scene')
    // The verdict is pushed later as a wxa_media_check event; the local cloud sends none.
    return { errcode: 0, errmsg: 'ok', trace_id: traceId() }
  }

  function sendSubscribe(params: Record<string, unknown>): WxJson {
    const touser = str(params.touser)
    if (!touser) return wxError(40003, 'invalid openid hint')
    const templateId = str(params.template_id)
    if (!templateId) return wxError(40037, 'invalid template_id hint')
    const state = params.miniprogram_state
    if (state !== undefined && !['developer', 'trial', 'formal'].includes(String(state))) {
      return wxError(47003, 'argument invalid! miniprogram_state invalid')
    }
    const page = params.page === undefined ? undefined : str(params.page)
    const raw = params.data
    if (!raw || typeof raw !== 'object' || Array.isArray(raw) || Object.keys(raw).length === 0) {
      return wxError(47003, 'argument invalid! data is empty')
    }
    const data: Record<string, { value: string }> = {}
    for (const [key, entry] of Object.entries(raw as Record<string, unknown>)) {
      const value = entry && typeof entry === 'object' ? str((entry as { value?: unknown }).value) : undefined
      if (value === undefined || value.trim() === '') return wxError(47003, `argument invalid! data.${key}.value is empty`)
      const type = keywordType(key)
      const check = type ? KEYWORD_CHECKS[type] : undefined
      if (check && !check(value)) return wxError(47003, `argument invalid! data.${key}.value invalid`)
      data[key] = { value }
    }
    const mine = subscriptions.get(touser)
    const left = mine?.get(templateId) ?? 0
    if (left <= 0) return wxError(43101, 'user refuse to accept the msg')
    mine?.set(templateId, left - 1)
    sent.push({ at: new Date().toISOString(), touser, templateId, ...(page !== undefined ? { page } : {}), data })
    return { errcode: 0, errmsg: 'ok' }
  }

  function callApi(apiName: string, params: Record<string, unknown>): WxJson {
    switch (apiName) {
      case 'security.msgSecCheck':
        return checkTextMsg(params)
      case 'security.mediaCheckAsync':
        return checkMediaAsync(params)
      case 'subscribeMessage.send':
        return sendSubscribe(params)
      default:
        return wxError(-1, `local emulator does not implement openapi.${apiName}`)
    }
  }

  // ---- HTTP shapes ---------------------------------------------------------------------
  const tcbError = (code: string, message: string) => ({
    status: 200,
    // exactly this content-type makes the SDK parse the body as a TCB JSON error
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ code, message, requestId: randomBytes(8).toString('hex') }),
  })
  const pbAnswer = (buf: Buffer) => ({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: buf })

  function toBuffer(v: unknown): Buffer | undefined {
    if (Buffer.isBuffer(v)) return v
    if (v instanceof Uint8Array) return Buffer.from(v)
    return undefined
  }

  async function handleOpenApi(body: Record<string, any>, caller: OpenApiCaller) {
    const requestData = toBuffer(body.requestData)
    if (!requestData)
      return tcbError('INVALID_PARAM', 'requestData must be the protobuf bytes (multipart part with content-type application/octet-stream)')
    const msg = decodeCommApiData(requestData)
    if (msg.apiType === ApiType.SVRKIT_API && msg.svrkitData) {
      if (msg.svrkitData.apiName !== 'ApiGetOpenDataByCloudId') {
        return pbAnswer(encodeCommOpenApiResp({ svrkitErrorCode: -1 }))
      }
      const req = decodeGetOpenDataReq(msg.svrkitData.reqData)
      const items = req.cloudidList.map((id) => ({ cloudId: id, json: JSON.stringify(openDataFor(id, caller)) }))
      return pbAnswer(encodeCommOpenApiResp({ svrkitErrorCode: 0, respData: encodeGetOpenDataResp(items) }))
    }
    if (msg.apiType !== ApiType.OPEN_API || !msg.openapiData) {
      return tcbError('INVALID_PARAM', `local emulator does not implement CommApiData apiType ${msg.apiType}`)
    }
    const params: Record<string, unknown> = {}
    for (const pair of msg.openapiData.pairs) {
      if (pair.contenttype) {
        params[pair.key] = { contentType: pair.contenttype, filename: pair.filename, value: pair.value }
        continue
      }
      try {
        params[pair.key] = JSON.parse(pair.value.toString('utf8'))
      } catch {
        params[pair.key] = pair.value.toString('utf8')
      }
    }
    const apiName = String(body.apiName ?? '')
    const answer = callApi(apiName, params)
    return pbAnswer(
      encodeCommOpenApiResp({
        respData: Buffer.from(JSON.stringify(answer)),
        contentType: 'application/json; charset=UTF-8',
        httpCode: 200,
      }),
    )
  }

  /** `cloud.callOpenAPI` (action wx.api): JSON in, `{data:{responseData: JSON text}}` out. */
  function handleJsonApi(body: Record<string, any>) {
    let params: Record<string, unknown> = {}
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

  async function handleAdmin(body: Record<string, any>, caller: OpenApiCaller) {
    try {
      switch (body?.action) {
        case 'wx.openApi':
          return await handleOpenApi(body, caller)
        case 'wx.api':
          return handleJsonApi(body)
        default:
          return tcbError('INVALID_PARAM', `local emulator does not implement action ${String(body?.action)}`)
      }
    } catch (err) {
      return tcbError('SYS_ERR', `local openapi: ${(err as Error).message}`)
    }
  }

  return {
    handleAdmin,
    resolveCloudIds,
    recordSubscription,
    outbox: () => sent.map((e) => ({ ...e, data: { ...e.data } })),
    clearOutbox: () => {
      sent = []
    },
    makeGroupCloudId,
  }
}
