/**
 * The few protobuf messages wx-server-sdk 4.0.2 exchanges with the platform on the
 * `wx.openApi` path. Field numbers are those of the SDK's own generated code
 * (node_modules/wx-server-sdk/index.js, module "./src/protobuf/openapi.js"); the SDK ships
 * no .proto file and its classes live inside its webpack bundle, so a tiny proto3 wire codec
 * is kept here instead of depending on a hoisted protobufjs.
 */

type FieldValue = number | Buffer
type Fields = Map<number, FieldValue[]>

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0
  let shift = 0
  let byte: number
  do {
    if (pos >= buf.length) throw new Error('protobuf: truncated varint')
    byte = buf[pos++]
    // Values above 2^53 never occur in these messages; multiply instead of shifting so that
    // bits beyond 32 do not wrap.
    if (shift < 56) result += (byte & 0x7f) * 2 ** shift
    shift += 7
  } while (byte & 0x80)
  return [result, pos]
}

function decodeFields(buf: Buffer): Fields {
  const fields: Fields = new Map()
  let pos = 0
  while (pos < buf.length) {
    let tag: number
    ;[tag, pos] = readVarint(buf, pos)
    const field = Math.floor(tag / 8)
    const wire = tag & 7
    let value: FieldValue
    if (wire === 0) {
      ;[value, pos] = readVarint(buf, pos)
    } else if (wire === 2) {
      let len: number
      ;[len, pos] = readVarint(buf, pos)
      if (pos + len > buf.length) throw new Error('protobuf: truncated bytes')
      value = buf.subarray(pos, pos + len)
      pos += len
    } else if (wire === 1) {
      value = buf.subarray(pos, pos + 8)
      pos += 8
    } else if (wire === 5) {
      value = buf.subarray(pos, pos + 4)
      pos += 4
    } else {
      throw new Error(`protobuf: unsupported wire type ${wire}`)
    }
    const list = fields.get(field)
    if (list) list.push(value)
    else fields.set(field, [value])
  }
  return fields
}

const last = (f: Fields, n: number): FieldValue | undefined => {
  const l = f.get(n)
  return l ? l[l.length - 1] : undefined
}
const str = (f: Fields, n: number): string => {
  const v = last(f, n)
  return Buffer.isBuffer(v) ? v.toString('utf8') : ''
}
const bytes = (f: Fields, n: number): Buffer => {
  const v = last(f, n)
  return Buffer.isBuffer(v) ? v : Buffer.alloc(0)
}
const num = (f: Fields, n: number): number => {
  const v = last(f, n)
  return typeof v === 'number' ? v : 0
}
const all = (f: Fields, n: number): Buffer[] => (f.get(n) ?? []).filter((v): v is Buffer => Buffer.isBuffer(v))

function writeVarint(out: number[], value: number): void {
  let v = value
  if (v < 0) {
    // int32 negatives are sign-extended to 64 bits (10 bytes)
    const big = BigInt.asUintN(64, BigInt(v))
    let b = big
    while (b > 0x7fn) {
      out.push(Number((b & 0x7fn) | 0x80n))
      b >>= 7n
    }
    out.push(Number(b))
    return
  }
  while (v > 0x7f) {
    out.push((v % 128) | 0x80)
    v = Math.floor(v / 128)
  }
  out.push(v)
}

class Writer {
  private parts: Buffer[] = []
  varint(field: number, value: number): this {
    if (!value) return this // proto3 default values are not written
    const out: number[] = []
    writeVarint(out, field * 8)
    writeVarint(out, value)
    this.parts.push(Buffer.from(out))
    return this
  }
  bytes(field: number, value: Buffer | string | undefined): this {
    if (value === undefined) return this
    const buf = typeof value === 'string' ? Buffer.from(value, 'utf8') : value
    if (buf.length === 0) return this
    const out: number[] = []
    writeVarint(out, field * 8 + 2)
    writeVarint(out, buf.length)
    this.parts.push(Buffer.from(out), buf)
    return this
  }
  finish(): Buffer {
    return Buffer.concat(this.parts)
  }
}

// ---- messages -------------------------------------------------------------------------

export const ApiType = { OPEN_API: 0, INNER_API: 1, SVRKIT_API: 2, TOKEN_API: 3 } as const

export interface KeyValuePair {
  key: string
  value: Buffer
  contenttype: string
  filename: string
}

export interface CommApiData {
  apiType: number
  openapiData?: { pairs: KeyValuePair[] }
  svrkitData?: { apiName: string; reqData: Buffer }
  appid: string
}

/** CommApiData: 1 apiType, 2 openapiData{1 pairs[]}, 3 innerData, 4 svrkitData{1 apiName, 2 reqData}, 5 tokenData, 6 appid */
export function decodeCommApiData(buf: Buffer): CommApiData {
  const f = decodeFields(buf)
  const out: CommApiData = { apiType: num(f, 1), appid: str(f, 6) }
  if (f.has(2)) {
    const od = decodeFields(bytes(f, 2))
    out.openapiData = {
      pairs: all(od, 1).map((p) => {
        const kv = decodeFields(p)
        return { key: str(kv, 1), value: bytes(kv, 2), contenttype: str(kv, 3), filename: str(kv, 4) }
      }),
    }
  }
  if (f.has(4)) {
    const sd = decodeFields(bytes(f, 4))
    out.svrkitData = { apiName: str(sd, 1), reqData: bytes(sd, 2) }
  }
  return out
}

/** ApiGetOpenDataByCloudIdReq: 2 cloudidList[], 3 appid */
export function decodeGetOpenDataReq(buf: Buffer): { cloudidList: string[]; appid: string } {
  const f = decodeFields(buf)
  return { cloudidList: all(f, 2).map((b) => b.toString('utf8')), appid: str(f, 3) }
}

/** ApiGetOpenDataByCloudIdResp: 1 dataList[] of OpDataItem{1 cloudId, 2 json} */
export function encodeGetOpenDataResp(items: { cloudId: string; json: string }[]): Buffer {
  const w = new Writer()
  for (const item of items) {
    w.bytes(1, new Writer().bytes(1, item.cloudId).bytes(2, item.json).finish())
  }
  return w.finish()
}

export interface CommOpenApiResp {
  respData?: Buffer
  contentType?: string
  errorCode?: number
  httpCode?: number
  headers?: { key: string; value: string }[]
  svrkitErrorCode?: number
}

/** CommOpenApiResp: 1 respData, 2 contentType, 3 errorCode, 4 httpCode, 5 headers[]{1 key, 2 value}, 6 svrkitErrorCode */
export function encodeCommOpenApiResp(m: CommOpenApiResp): Buffer {
  const w = new Writer()
    .bytes(1, m.respData)
    .bytes(2, m.contentType)
    .varint(3, m.errorCode ?? 0)
    .varint(4, m.httpCode ?? 0)
  for (const h of m.headers ?? []) w.bytes(5, new Writer().bytes(1, h.key).bytes(2, h.value).finish())
  w.varint(6, m.svrkitErrorCode ?? 0)
  return w.finish()
}

/** For tests: decode what encodeCommOpenApiResp produced. */
export function decodeCommOpenApiResp(buf: Buffer): Required<Omit<CommOpenApiResp, 'headers'>> {
  const f = decodeFields(buf)
  return {
    respData: bytes(f, 1),
    contentType: str(f, 2),
    errorCode: num(f, 3),
    httpCode: num(f, 4),
    svrkitErrorCode: num(f, 6),
  }
}
