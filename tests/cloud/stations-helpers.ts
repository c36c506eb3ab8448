/**
 * Helpers of the stations tests (one place; the general ones — `code`, `data`, `fileExists`,
 * `auditOf` — are imported from the shared test helpers): stations with hours relative to the real
 * Shanghai minute, uploads into a given folder, the content check's verdict delivered as WeChat
 * pushes it, and the content check made to fail.
 */
import { DEMO } from '../../scripts/local-cloud/seed/demo'
import type { TestCloud } from '../helpers/local-cloud'

export { auditOf, code, data, fileExists } from './users-helpers'
export { DEMO }

export const SECRET = 'test-checkin-secret-0123456789'
export const RIDER = DEMO.rider.zhang
export const OTHER_RIDER = DEMO.rider.chen
export const STAFF = DEMO.staff.station // staff of st-wanda
export const TOWN = DEMO.town
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7]

/** Minutes since Shanghai midnight, now. */
export const shanghaiMinute = () => {
  const d = new Date(Date.now() + 8 * 3_600_000)
  return d.getUTCHours() * 60 + d.getUTCMinutes()
}
const pad = (n: number) => String(n).padStart(2, '0')
export const hhmm = (m: number) => {
  const x = ((m % 1440) + 1440) % 1440
  return `${pad(Math.floor(x / 60))}:${pad(x % 60)}`
}

/** An every-day rule from `open` to `close` minutes after Shanghai midnight (may wrap past midnight). */
export function rule(open: number, close: number) {
  const o = ((open % 1440) + 1440) % 1440
  const c = ((close % 1440) + 1440) % 1440
  if (c === 0) return { days: EVERY_DAY, open: hhmm(o), close: '24:00' }
  return c < o ? { days: EVERY_DAY, open: hhmm(o), close: hhmm(c), overnight: true } : { days: EVERY_DAY, open: hhmm(o), close: hhmm(c) }
}

/** Wait until the current minute has at least 10 seconds left, so hours relative to "now" stay certain. */
export async function stableMinute(): Promise<void> {
  while (new Date().getSeconds() > 50) await new Promise((r) => setTimeout(r, 1000))
}

/** A station document for `cloud.db.insert` (24 h, heating / water / phone charging unless told). */
export function stationDoc(id: string, lng: number, lat: number, extra: Record<string, unknown> = {}) {
  return {
    _id: id,
    name: `测试驿站 ${id}`,
    address: '周浦镇测试路 1 号',
    location: { type: 'Point', coordinates: [lng, lat] },
    provider: 'town',
    services: ['heating', 'water', 'phone_charging'],
    serviceState: {},
    openProblems: {},
    hours: [{ days: EVERY_DAY, open: '00:00', close: '24:00' }],
    exceptions: [],
    status: 'open',
    checkin: { version: 1, issuedOn: '2026-11-01' },
    createdAt: new Date(),
    ...extra,
  }
}

export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d8c2a90000000049454e44ae426082',
  'hex',
)

/** Upload as `openid` to `cloudPath` (the client's own choice of folder), as the H5 client does. */
export async function uploadTo(cloud: TestCloud, openid: string, cloudPath: string): Promise<string> {
  const res = await fetch(`${cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', 'x-local-openid': openid },
    body: PNG,
  })
  const body = (await res.json()) as { fileID?: string }
  if (!body.fileID) throw new Error(`upload failed: ${JSON.stringify(body)}`)
  return body.fileID
}

let uploads = 0
/** A fresh photo in `openid`'s own folder for `purpose`. */
export const uploadOwn = (cloud: TestCloud, openid: string, purpose: string) =>
  uploadTo(cloud, openid, `${purpose}/${openid}/photo-${++uploads}.png`)

/** Deliver WeChat's `wxa_media_check` verdict for the check started on `fileId` (contentcheck, no user). */
export async function deliverVerdict(cloud: TestCloud, fileId: string, suggest: 'pass' | 'risky' | 'review'): Promise<void> {
  const [check] = cloud.db.find('media_checks', { fileId }, { limit: 1 })
  if (!check) throw new Error(`no media check started for ${fileId}`)
  const label = suggest === 'pass' ? 100 : 20002
  const event = { Event: 'wxa_media_check', trace_id: check._id, version: 2, result: { suggest, label } }
  const r = await cloud.invoke('contentcheck', event, { openid: '' })
  if (!r.ok || !(r.result as { ok?: boolean }).ok) throw new Error(`contentcheck failed: ${JSON.stringify(r)}`)
}

/** While `work` runs, every openapi call (content checks, subscribe messages) fails as if WeChat were down. */
export async function withOpenapiDown<T>(cloud: TestCloud, work: () => Promise<T>): Promise<T> {
  const original = cloud.openapi.handleAdmin
  cloud.openapi.handleAdmin = async () => ({ status: 502, headers: { 'content-type': 'text/plain' }, body: 'openapi down' })
  try {
    return await work()
  } finally {
    cloud.openapi.handleAdmin = original
  }
}

/** The stored documents of some collections, to assert that a refused call changed nothing. */
export function snapshot(cloud: TestCloud, collections = ['stations', 'station_problems', 'station_checkins', 'media_checks']): string {
  return JSON.stringify(Object.fromEntries(collections.map((c) => [c, cloud.db.find(c, {}, { limit: 1000 })])))
}
