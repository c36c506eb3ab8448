/**
 * Contract of the `stations` function (issue "Service stations"): schemas for the function,
 * types for the client (`import type` only).
 */
import { z } from 'zod'
import type { HoursException, WeeklyHours } from '../_domain/hours'
import { PROBLEM_KINDS, type ProblemKind, SERVICE_KEYS, type ServiceKey } from '../_domain/station-services'

export type { HoursException, ProblemKind, ServiceKey, WeeklyHours }

export const MAX_STATION_PHOTOS = 6

export const PROVIDERS = ['town', 'union', 'partner_shop', 'store_24h'] as const
export type Provider = (typeof PROVIDERS)[number]

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/)
const point = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict()
const serviceKey = z.enum(SERVICE_KEYS)
const hhmm = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/)
const weeklyRule = z
  .object({ days: z.array(z.number().int()).min(1).max(7), open: hhmm, close: hhmm, overnight: z.boolean().optional() })
  .strict()
const exception = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    closed: z.boolean().optional(),
    open: hhmm.optional(),
    close: hhmm.optional(),
    overnight: z.boolean().optional(),
    note: z.string().max(30).optional(),
  })
  .strict()
const fileId = z
  .string()
  .min(8)
  .max(300)
  .regex(/^cloud:\/\//)
const text = (max: number) => z.string().trim().max(max)

export const listStationsInput = z
  .object({
    /** The rider's (fuzzy) location; absent = location refused, sorted from the town centre. */
    location: point.optional(),
    service: serviceKey.optional(),
    openNow: z.boolean().optional(),
    openAtNight: z.boolean().optional(),
    limit: z.number().int().min(1).max(50).optional(),
  })
  .strict()

export const getStationInput = z.object({ stationId: id }).strict()

export const reportProblemInput = z
  .object({
    stationId: id,
    /** null = the station itself ("closed when it should be open"). */
    service: serviceKey.nullable(),
    kind: z.enum(PROBLEM_KINDS),
    note: text(100).optional(),
    photoFileId: fileId.optional(),
  })
  .strict()

export const myProblemsInput = z.object({}).strict()

export const checkInInput = z.object({ code: z.string().min(1).max(160) }).strict()

export const stationIdInput = z.object({ stationId: id }).strict()

export const setServiceStateInput = z
  .object({ stationId: id, service: serviceKey, state: z.enum(['ok', 'paused', 'broken']), note: text(40).optional() })
  .strict()

export const setHoursInput = z
  .object({ stationId: id, hours: z.array(weeklyRule).max(14), exceptions: z.array(exception).max(60).optional() })
  .strict()

export const listProblemsInput = z.object({ stationId: id, state: z.enum(['active', 'all']).optional() }).strict()

export const problemIdInput = z.object({ problemId: id }).strict()

export const resolveProblemInput = z.object({ problemId: id, outcome: z.enum(['fixed', 'dismissed']), note: text(60).optional() }).strict()

export const stationStatsInput = z.object({ stationId: id, days: z.number().int().min(1).max(31).optional() }).strict()

export const listManagedInput = z.object({}).strict()

const stationFields = {
  name: text(40).min(2),
  provider: z.enum(PROVIDERS),
  address: text(80).min(4),
  location: point,
  services: z.array(serviceKey).max(20),
  hours: z.array(weeklyRule).max(14),
  exceptions: z.array(exception).max(60).optional(),
  phone: z
    .string()
    .regex(/^[\d-]{5,20}$/)
    .optional(),
  /** Cloud file ids: the caller's own uploads (`uploads/<openid>/…`), `stations/<stationId>/…`, or photos the station already has. */
  photos: z.array(fileId).max(MAX_STATION_PHOTOS).optional(),
  capacityNote: text(60).optional(),
  /** The group (微阵地) whose liaison is told of problems here; null clears it. */
  groupId: id.nullable().optional(),
}

export const createStationInput = z.object(stationFields).strict()

export const updateStationInput = z.object(stationFields).partial().extend({ stationId: id }).strict()

export const closeStationInput = z
  .object({
    stationId: id,
    /** temporary: shown as 暂停开放 until `until` (or reopened); permanent: removed from the lists. */
    mode: z.enum(['temporary', 'permanent']),
    reason: text(30).min(2),
    until: z.string().datetime({ offset: true }).optional(),
  })
  .strict()

export const issueCheckinCodeInput = z.object({ stationId: id, rotate: z.boolean().optional() }).strict()

// ---------- answers ----------

export type ServiceState = 'ok' | 'reported' | 'confirmed' | 'broken' | 'paused'

export interface ServiceView {
  key: ServiceKey
  label: string
  glyph: string
  /** ok; reported = riders reported a problem not yet confirmed; confirmed/broken = known broken; paused by staff. */
  state: ServiceState
  /** e.g. "充电器坏了（3 人反映，待确认）" */
  stateText: string | null
}

export interface StationRow {
  id: string
  name: string
  provider: Provider
  providerLabel: string
  address: string
  location: { lat: number; lng: number }
  distanceM: number
  /** "1.2 公里" / "350 米" */
  distanceText: string
  openNow: boolean
  /** "还有 45 分钟关门" / "明天 08:00 开门" / "暂停开放：装修" */
  hint: string
  minutesToClose: number | null
  hoursText: string
  services: ServiceView[]
  /** A station-level report ("到点没开门") still open. */
  stationProblem: string | null
  temporarilyClosed: boolean
}

export interface ServiceOption {
  key: ServiceKey
  label: string
  glyph: string
  problems: { kind: ProblemKind; label: string }[]
}

export interface StationList {
  /** Business time "now", ISO with +08:00. */
  now: string
  origin: { lat: number; lng: number; source: 'rider' | 'town_centre' }
  /** Shown when the list is not sorted from the rider: 未获取到你的位置，按周浦镇中心排序. */
  originNote: string | null
  stations: StationRow[]
  catalogue: ServiceOption[]
}

export interface ProblemView {
  id: string
  stationId: string
  stationName: string
  service: ServiceKey | null
  kind: ProblemKind
  label: string
  state: 'open' | 'confirmed' | 'fixed' | 'dismissed'
  stateText: string
  count: number
  note: string | null
  photoUrl: string | null
  createdAt: string
  confirmedAt: string | null
  resolvedAt: string | null
  outcomeNote: string | null
}

export interface StationDetail extends StationRow {
  phone: string | null
  photos: string[]
  capacityNote: string | null
  hours: WeeklyHours[]
  /** Exceptions from today on. */
  exceptions: HoursException[]
  closure: { reason: string; until: string | null } | null
  todayNote: string | null
  lastVerified: { at: string; by: string } | null
  checkinsThisWeek: number
  problems: ProblemView[]
  myReports: ProblemView[]
  /** What a rider can report here: 到点没开门 plus each offered service's problems. */
  reportOptions: { service: ServiceKey | null; kind: ProblemKind; label: string }[]
  canManage: boolean
  /** Town only (the edit page): the photos' file ids, in the order of `photos`, and the station's group. */
  manage: { photoFileIds: string[]; groupId: string | null } | null
  /** Subscribe-message template ids to ask for before reporting (outcome) / in the console (new problems). */
  templates: { problemResolved: string; problem: string }
}

export interface ReportResult {
  problemId: string
  /** created: first report; merged: +1 on an open report; already: this rider had reported it. */
  outcome: 'created' | 'merged' | 'already'
  count: number
}

export interface CheckInResult {
  stationId: string
  stationName: string
  outcome: 'recorded' | 'already'
  checkinsThisWeek: number
}

export interface ManagedStation {
  id: string
  name: string
  status: string
  openProblems: number
  lastVerifiedAt: string | null
}

export interface StationStats {
  stationId: string
  days: { date: string; checkins: number; riders: number }[]
  problems: { total: number; active: number; medianConfirmMinutes: number | null; medianResolveMinutes: number | null }
}

export interface CheckinCode {
  stationId: string
  stationName: string
  code: string
  version: number
  issuedOn: string
}

type P<S extends z.ZodTypeAny> = z.input<S>

export interface StationsApi {
  listStations: { params: P<typeof listStationsInput>; result: StationList }
  getStation: { params: P<typeof getStationInput>; result: StationDetail }
  reportProblem: { params: P<typeof reportProblemInput>; result: ReportResult }
  myProblems: { params: P<typeof myProblemsInput>; result: { problems: ProblemView[] } }
  checkIn: { params: P<typeof checkInInput>; result: CheckInResult }
  listManaged: { params: P<typeof listManagedInput>; result: { stations: ManagedStation[]; isTown: boolean } }
  setServiceState: { params: P<typeof setServiceStateInput>; result: { ok: true } }
  setHours: { params: P<typeof setHoursInput>; result: { hoursText: string } }
  verifyStation: { params: P<typeof stationIdInput>; result: { lastVerifiedAt: string } }
  listProblems: { params: P<typeof listProblemsInput>; result: { problems: ProblemView[] } }
  confirmProblem: { params: P<typeof problemIdInput>; result: ProblemView }
  resolveProblem: { params: P<typeof resolveProblemInput>; result: ProblemView }
  stationStats: { params: P<typeof stationStatsInput>; result: StationStats }
  createStation: { params: P<typeof createStationInput>; result: { stationId: string } }
  updateStation: { params: P<typeof updateStationInput>; result: { ok: true } }
  closeStation: { params: P<typeof closeStationInput>; result: { ok: true } }
  reopenStation: { params: P<typeof stationIdInput>; result: { ok: true } }
  issueCheckinCode: { params: P<typeof issueCheckinCodeInput>; result: CheckinCode }
}
