/**
 * CloudIDs and open data (`cloud.getOpenData`, and CloudIDs inside callFunction data replaced by
 * `{cloudID, data}` before the function runs). Local CloudIDs are signed, carry the group, the
 * caller they were issued to and their time; valid five minutes ("cloudID 有效期五分钟").
 */
import { createHmac, randomBytes } from 'node:crypto'

export interface OpenApiCaller {
  openid: string
  appid: string
  groupOpengid?: string
}

/**
 * The local wire form of `wx.cloud.CloudID(id)` inside callFunction data. The real base library
 * serialises its CloudID object internally (not documented); our H5 client stand-in sends this.
 */
export const CLOUD_ID_KEY = '__cloudID__'
export const wrapCloudId = (cloudID: string): Record<string, string> => ({ [CLOUD_ID_KEY]: cloudID })

const CLOUD_ID_TTL_SECONDS = 5 * 60
/** "一次调用最多可替换 5 个 cloudID" */
const MAX_CLOUD_IDS_PER_CALL = 5

const ERR_INVALID_CLOUDID = { errCode: -601005, errMsg: 'invalid cloudID.' }
const ERR_CLOUDID_EXPIRED = { errCode: -601006, errMsg: 'cloudID expired.' }
const ERR_CLOUDID_USER = { errCode: -601007, errMsg: 'cloudID and calling user does not match.' }

interface CloudIdPayload {
  k: 'groupEnter' | 'share'
  g: string
  o?: string
  a: string
  t: number
}

/** Flatten nested CloudID markers to their plain string, iteratively (no depth of data can overflow the stack). */
function flatten(value: unknown, markerOf: (v: unknown) => string | undefined): unknown {
  const root: Record<string, unknown> = { v: value }
  const stack: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [{ holder: root, key: 'v' }]
  while (stack.length) {
    const { holder, key } = stack.pop() as (typeof stack)[number]
    const h = holder as any
    const v = h[key]
    const id = markerOf(v)
    if (id !== undefined) h[key] = id
    else if (Array.isArray(v)) {
      const copy = [...v]
      h[key] = copy
      for (let i = 0; i < copy.length; i++) stack.push({ holder: copy, key: i })
    } else if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const copy = { ...(v as Record<string, unknown>) }
      h[key] = copy
      for (const k of Object.keys(copy)) stack.push({ holder: copy, key: k })
    }
  }
  return root.v
}

export class CloudIds {
  private secret = randomBytes(16)

  constructor(private appid: string) {}

  makeGroupCloudId(opengid: string, options: { openid?: string; kind?: 'groupEnter' | 'share' } = {}): string {
    const payload: CloudIdPayload = {
      k: options.kind ?? 'groupEnter',
      g: opengid,
      a: this.appid,
      t: Math.floor(Date.now() / 1000),
      ...(options.openid ? { o: options.openid } : {}),
    }
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
    // shaped like the real ones ("27_Ih-9vxDaOh..."): a version number, "_", opaque text
    return `90_${body}_${this.sig(body)}`
  }

  /** `{cloudID, data}` or `{cloudID, errCode, errMsg}` — the shapes of the docs' event examples. */
  openDataFor(cloudID: string, caller: OpenApiCaller): Record<string, unknown> {
    const p = this.parse(cloudID)
    if (!p || p.a !== (caller.appid || this.appid)) return { cloudID, ...ERR_INVALID_CLOUDID }
    if (Math.floor(Date.now() / 1000) - p.t > CLOUD_ID_TTL_SECONDS) return { cloudID, ...ERR_CLOUDID_EXPIRED }
    if (p.o && p.o !== caller.openid) return { cloudID, ...ERR_CLOUDID_USER }
    const watermark = { appid: p.a, timestamp: p.t }
    // wx.getGroupEnterInfo decrypts to {opengid}; the older wx.getShareInfo to {openGId}
    const data = p.k === 'share' ? { openGId: p.g, watermark } : { opengid: p.g, watermark }
    return { cloudID, data }
  }

  /** Called before a function runs: top-level CloudID values of `data` become open data for this caller (at most 5); nested ones arrive as the plain string. */
  resolveCloudIds(data: unknown, caller: OpenApiCaller): unknown {
    const markerOf = (v: unknown) => this.markerOf(v)
    if (!data || typeof data !== 'object' || Array.isArray(data)) return flatten(data, markerOf)
    let replaced = 0
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      const id = this.markerOf(value)
      if (id !== undefined && replaced < MAX_CLOUD_IDS_PER_CALL) {
        replaced++
        out[key] = this.openDataFor(id, caller)
      } else out[key] = flatten(value, markerOf)
    }
    return out
  }

  private sig(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('hex').slice(0, 16)
  }

  private parse(cloudID: unknown): CloudIdPayload | undefined {
    if (typeof cloudID !== 'string') return undefined
    const m = /^90_([A-Za-z0-9_-]+)_([0-9a-f]{16})$/.exec(cloudID)
    if (!m || this.sig(m[1]) !== m[2]) return undefined
    try {
      return JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')) as CloudIdPayload
    } catch {
      return undefined
    }
  }

  private markerOf(value: unknown): string | undefined {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
    const obj = value as Record<string, unknown>
    const keys = Object.keys(obj)
    if (keys.length === 1 && keys[0] === CLOUD_ID_KEY && typeof obj[CLOUD_ID_KEY] === 'string') return obj[CLOUD_ID_KEY] as string
    // a CloudID instance serialised by JSON.stringify, recognised only when we minted the id
    if (keys.length === 1 && keys[0] === 'cloudID' && this.parse(obj.cloudID)) return obj.cloudID as string
    return undefined
  }
}
