/**
 * Turning a stored station into what a rider sees: distance, open/closed computed by the hours
 * engine at `now` (Asia/Shanghai), services with Chinese labels and their current state (staff
 * state + the open problem summary kept on the station document, so a list needs no second query).
 * Shared by `stations` and `home` (bundled into each).
 */
import { z } from 'zod'
import { type LatLng, latLng, out } from '../_lib/schema'
import { type Doc, str } from '../_lib/values'
import {
  type HoursException,
  type HoursInput,
  hoursText,
  type OpenState,
  openAtNight,
  openState,
  stateHint,
  type WeeklyHours,
} from './hours'
import { knownServices, SERVICE_KEYS, type ServiceKey, STATION_SERVICES } from './station-services'

export const PROVIDERS = ['town', 'union', 'partner_shop', 'store_24h'] as const
export type Provider = (typeof PROVIDERS)[number]

export const serviceKeySchema = z.enum(SERVICE_KEYS)
export const SERVICE_STATES = ['ok', 'reported', 'confirmed', 'broken', 'paused'] as const
export type ServiceState = (typeof SERVICE_STATES)[number]

/** A service as a rider sees it. */
export const serviceView = out({
  key: serviceKeySchema,
  label: z.string(),
  glyph: z.string(),
  state: z.enum(SERVICE_STATES).describe('ok 正常；reported 有小哥反映、待确认；confirmed 已确认在修；broken 故障；paused 暂停'),
  stateText: z.string().nullable().describe('如 充电器坏了（3 人反映，待确认）'),
})
export type ServiceView = z.infer<typeof serviceView>

/** A station in a list (nearest first). */
export const stationRow = out({
  id: z.string(),
  name: z.string(),
  provider: z.enum(PROVIDERS),
  providerLabel: z.string(),
  address: z.string(),
  location: latLng,
  distanceM: z.number(),
  distanceText: z.string().describe('如 1.2 公里 / 350 米'),
  openNow: z.boolean(),
  hint: z.string().describe('如 还有 45 分钟关门 / 明天 08:00 开门 / 暂停开放：装修'),
  minutesToClose: z.number().nullable(),
  hoursText: z.string(),
  services: z.array(serviceView),
  stationProblem: z.string().nullable().describe('驿站本身未处理的反映，如 到点没开门（2 人反映，待确认）'),
  temporarilyClosed: z.boolean().describe('暂停开放中（此时不提供服务，也不能反映问题）'),
})
export type StationRow = z.infer<typeof stationRow>

export const PROVIDER_LABEL: Record<Provider, string> = {
  town: '红色加油站',
  union: '工会驿站',
  partner_shop: '合作商户',
  store_24h: '24 小时便利店',
}

/** 周浦镇 centre (镇政府附近): where the list is sorted from when the rider's location is refused. */
export const TOWN_CENTRE: LatLng = { lat: 31.117, lng: 121.572 }
export const TOWN_CENTRE_NOTE = '未获取到你的位置，按周浦镇中心由近到远排列'

export interface OpenProblemSummary {
  service: string | null
  kind: string
  label: string
  count: number
  confirmed: boolean
}

export function hoursOf(doc: Doc): HoursInput {
  return {
    hours: Array.isArray(doc.hours) ? (doc.hours as WeeklyHours[]) : [],
    exceptions: Array.isArray(doc.exceptions) ? (doc.exceptions as HoursException[]) : [],
    status: str(doc.status, 'open'),
    closedReason: typeof doc.closedReason === 'string' ? doc.closedReason : null,
    closedUntil: doc.closedUntil instanceof Date ? doc.closedUntil : null,
  }
}

export function openProblemsOf(doc: Doc): [string, OpenProblemSummary][] {
  const map = (doc.openProblems ?? {}) as Record<string, OpenProblemSummary | null>
  return Object.entries(map).filter((e): e is [string, OpenProblemSummary] => Boolean(e[1] && typeof e[1] === 'object'))
}

/** GeoJSON from an aggregate, or the SDK's Geo.Point (longitude/latitude) from a get. */
export function pointOf(v: unknown): LatLng {
  const p = (v ?? {}) as { coordinates?: unknown; longitude?: unknown; latitude?: unknown }
  if (Array.isArray(p.coordinates)) return { lng: Number(p.coordinates[0]), lat: Number(p.coordinates[1]) }
  return { lng: Number(p.longitude ?? 0), lat: Number(p.latitude ?? 0) }
}

export function distanceText(m: number): string {
  if (m < 50) return '就在附近'
  if (m < 1000) return `${Math.round(m / 10) * 10} 米`
  return `${(m / 1000).toFixed(m < 10_000 ? 1 : 0)} 公里`
}

export function serviceViews(doc: Doc): ServiceView[] {
  const staff = (doc.serviceState ?? {}) as Record<string, { state?: string; note?: string } | undefined>
  const problems = openProblemsOf(doc).map(([, p]) => p)
  return knownServices(doc.services).map((key: ServiceKey) => {
    const spec = STATION_SERVICES[key]
    const mine = problems.filter((p) => p.service === key)
    const set = staff[key]?.state
    let state: ServiceState = 'ok'
    let stateText: string | null = null
    if (set === 'paused' || set === 'broken') {
      state = set
      stateText =
        set === 'paused'
          ? `暂停${staff[key]?.note ? `：${staff[key]?.note}` : ''}`
          : `故障维修中${staff[key]?.note ? `：${staff[key]?.note}` : ''}`
    } else if (mine.some((p) => p.confirmed)) {
      const p = mine.find((x) => x.confirmed) as OpenProblemSummary
      state = 'confirmed'
      stateText = `${p.label}（已确认，处理中）`
    } else if (mine.length) {
      const p = mine[0]
      state = 'reported'
      stateText = `${p.label}（${p.count} 人反映，待确认）`
    }
    return { key, label: spec.label, glyph: spec.glyph, state, stateText }
  })
}

export function presentStation(doc: Doc, now: Date, distanceM: number): StationRow & { state: OpenState; openAtNight: boolean } {
  const input = hoursOf(doc)
  const state = openState(input, now)
  const provider = (Object.hasOwn(PROVIDER_LABEL, str(doc.provider)) ? doc.provider : 'town') as Provider
  const stationProblem = openProblemsOf(doc).find(([, p]) => p.service === null)?.[1]
  return {
    id: str(doc._id),
    name: str(doc.name),
    provider,
    providerLabel: PROVIDER_LABEL[provider],
    address: str(doc.address),
    location: pointOf(doc.location),
    distanceM: Math.round(distanceM),
    distanceText: distanceText(distanceM),
    openNow: state.openNow,
    hint: stateHint(state, now),
    minutesToClose: state.minutesToClose,
    hoursText: hoursText(input.hours),
    services: serviceViews(doc),
    stationProblem: stationProblem
      ? `${stationProblem.label}（${stationProblem.count} 人反映${stationProblem.confirmed ? '，已确认' : '，待确认'}）`
      : null,
    temporarilyClosed: Boolean(state.closure),
    state,
    openAtNight: openAtNight(input, now),
  }
}
