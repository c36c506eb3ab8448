/**
 * The printable check-in code of a station: `XG1.<stationId>.<version>.<issuedOn>.<signature>`,
 * signed with HMAC-SHA256 under the function environment variable STATION_CHECKIN_SECRET
 * (at least 16 characters; set it in the cloud console, never in the repository). Issuing a new
 * version revokes the printed old one: the station document keeps the current version, and a
 * code of another version is refused. Without the secret, check-in fails closed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

const FORMAT = /^XG1\.([\w-]{1,64})\.(\d{1,6})\.(\d{8})\.([\w-]{22})$/

export function checkinSecret(): string | null {
  const s = process.env.STATION_CHECKIN_SECRET ?? ''
  return s.length >= 16 ? s : null
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url').slice(0, 22)
}

export function makeCode(secret: string, stationId: string, version: number, issuedOn: string): string {
  const body = `XG1.${stationId}.${version}.${issuedOn.replace(/-/g, '')}`
  return `${body}.${sign(secret, body)}`
}

/** The signed fields of a genuine code, or null when it is malformed or its signature is wrong. */
export function readCode(secret: string, code: string): { stationId: string; version: number; issuedOn: string } | null {
  const m = FORMAT.exec(code.trim())
  if (!m) return null
  const body = `XG1.${m[1]}.${m[2]}.${m[3]}`
  const expected = Buffer.from(sign(secret, body))
  const given = Buffer.from(m[4])
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  return { stationId: m[1], version: Number(m[2]), issuedOn: `${m[3].slice(0, 4)}-${m[3].slice(4, 6)}-${m[3].slice(6)}` }
}
