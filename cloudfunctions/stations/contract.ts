/**
 * Contract of the `stations` function: the input and output schema of every action (validated by
 * the router, checked by the compiler through `actionsOf`, checked at run time in the local cloud)
 * and the types the client imports (`import type` only). Result types are `z.infer` of the output
 * schemas, built on the shared station view (`_domain/station-view.ts`).
 */
import { z } from 'zod'
import type { HoursException, WeeklyHours } from '../_domain/hours'
import { PROBLEM_KINDS, type ProblemKind, type ServiceKey } from '../_domain/station-services'
import { PROVIDERS, type Provider, type ServiceView, serviceKeySchema, stationRow } from '../_domain/station-view'
import { type ApiOf, defineContract } from '../_lib/contract'
import { dateKey, fileId, instant, isoTime, key, latLng, ok, out, text } from '../_lib/schema'

export type { HoursException, ProblemKind, Provider, ServiceKey, ServiceView, WeeklyHours }

export const MAX_STATION_PHOTOS = 6

// ---- fields ------------------------------------------------------------------------------------

const hhmm = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, '时间格式应为 HH:mm')

/** A weekly opening rule: days 1 (Monday) … 7, HH:mm–HH:mm, `overnight` when it closes the next day. */
export const weeklyRule = z
  .object({ days: z.array(z.number().int()).min(1).max(7), open: hhmm, close: hhmm, overnight: z.boolean().optional() })
  .strict()

/** A dated exception (holiday, special hours) replacing that date's weekly rules. */
export const hoursException = z
  .object({
    date: dateKey,
    closed: z.boolean().optional(),
    open: hhmm.optional(),
    close: hhmm.optional(),
    overnight: z.boolean().optional(),
    note: text(30).optional().describe('给小哥看的说明，如 春节休息（经内容安全检查）'),
  })
  .strict()

const hoursList = z.array(weeklyRule).max(14)
const exceptionList = z.array(hoursException).max(60)

/** A phone number as text: digits and dashes, e.g. 021-58110000 (the dash is kept). */
const phone = z
  .string()
  .trim()
  .regex(/^[\d-]{5,20}$/, '电话只能填数字和短横线，如 021-58110000')
  .describe('电话（文本），如 021-58110000')

const stationId = key.describe('驿站 id')
const problemId = key.describe('问题反映 id')
const SERVICE_SETTINGS = ['ok', 'paused', 'broken'] as const
const PROBLEM_STATES = ['open', 'confirmed', 'fixed', 'dismissed'] as const

// ---- inputs ------------------------------------------------------------------------------------

export const listStationsInput = z
  .object({
    location: latLng.optional().describe('小哥的模糊位置；不给时按镇中心排序'),
    service: serviceKeySchema.optional(),
    openNow: z.boolean().optional(),
    openAtNight: z.boolean().optional(),
    limit: z.number().int().min(1).max(50).optional(),
  })
  .strict()

export const stationIdInput = z.object({ stationId }).strict()

export const reportProblemInput = z
  .object({
    stationId,
    service: serviceKeySchema.nullable().describe('null = 驿站本身（到点没开门）'),
    kind: z.enum(PROBLEM_KINDS),
    note: text(100).optional().describe('补充说明（经内容安全检查）'),
    photoFileId: fileId.optional().describe('照片：自己上传到 reports/<openid>/ 的文件；审核通过前只有自己看得到'),
  })
  .strict()

export const checkInInput = z.object({ code: z.string().min(1).max(160) }).strict()

export const setServiceStateInput = z
  .object({ stationId, service: serviceKeySchema, state: z.enum(SERVICE_SETTINGS), note: text(40).optional() })
  .strict()

export const setHoursInput = z.object({ stationId, hours: hoursList, exceptions: exceptionList.optional() }).strict()

export const listProblemsInput = z.object({ stationId, state: z.enum(['active', 'all']).optional() }).strict()

export const problemIdInput = z.object({ problemId }).strict()

export const resolveProblemInput = z
  .object({ problemId, outcome: z.enum(['fixed', 'dismissed']), note: text(60).optional().describe('处理说明（告诉反映的小哥）') })
  .strict()

export const stationStatsInput = z.object({ stationId, days: z.number().int().min(1).max(31).optional() }).strict()

const stationFields = {
  name: text(40).min(2, '名称至少 2 个字'),
  provider: z.enum(PROVIDERS),
  address: text(80).min(4, '地址至少 4 个字'),
  location: latLng,
  services: z.array(serviceKeySchema).max(20),
  hours: hoursList,
  exceptions: exceptionList.optional(),
  photos: z
    .array(fileId)
    .max(MAX_STATION_PHOTOS)
    .optional()
    .describe('照片：自己上传到 stations/<openid>/ 的文件或驿站已有的照片；新照片审核通过前小哥看不到'),
  capacityNote: text(60).optional(),
  groupId: key.nullable().optional().describe('所属微阵地（群），有问题时通知它的联络员；null 清除'),
}

export const createStationInput = z.object({ ...stationFields, phone: phone.optional() }).strict()

export const updateStationInput = z
  .object(stationFields)
  .partial()
  .extend({ stationId, phone: phone.nullable().optional().describe('电话（文本）；null 清除') })
  .strict()

export const closeStationInput = z
  .object({
    stationId,
    mode: z.enum(['temporary', 'permanent']).describe('temporary：暂停开放（可设恢复时间）；permanent：永久关闭，从列表中去掉'),
    reason: text(30).min(2, '请写明原因'),
    until: instant.optional(),
  })
  .strict()

export const issueCheckinCodeInput = z.object({ stationId, rotate: z.boolean().optional().describe('换新码（仅镇里），旧码作废') }).strict()

// ---- outputs -----------------------------------------------------------------------------------

export const serviceOption = out({
  key: serviceKeySchema,
  label: z.string(),
  glyph: z.string(),
  problems: z.array(out({ kind: z.enum(PROBLEM_KINDS), label: z.string() })),
})

export const stationList = out({
  now: isoTime,
  origin: out({ lat: z.number(), lng: z.number(), source: z.enum(['rider', 'town_centre']) }),
  /** 未获取到你的位置，按周浦镇中心排序 — when the list is not sorted from the rider. */
  originNote: z.string().nullable(),
  stations: z.array(stationRow),
  catalogue: z.array(serviceOption),
})

export const problemView = out({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  service: serviceKeySchema.nullable(),
  kind: z.enum(PROBLEM_KINDS),
  label: z.string(),
  state: z.enum(PROBLEM_STATES),
  stateText: z.string(),
  count: z.number().int(),
  note: z.string().nullable(),
  photoUrl: z.string().nullable().describe('审核通过的照片（自己的照片审核中也给自己看）'),
  createdAt: isoTime,
  confirmedAt: isoTime.nullable(),
  resolvedAt: isoTime.nullable(),
  outcomeNote: z.string().nullable(),
})

/** What a rider can report now: nothing while the station is closed; 到点没开门 only when its hours say open. */
export const reportOption = out({ service: serviceKeySchema.nullable(), kind: z.enum(PROBLEM_KINDS), label: z.string() })

export const stationDetail = stationRow.extend({
  phone: z.string().nullable(),
  photos: z.array(z.string()).describe('照片链接（审核通过的；镇里编辑时也含审核中的）'),
  capacityNote: z.string().nullable(),
  hours: z.array(weeklyRule),
  exceptions: z.array(hoursException).describe('今天起的例外日期'),
  closure: out({ reason: z.string(), until: isoTime.nullable() }).nullable(),
  todayNote: z.string().nullable(),
  lastVerified: out({ at: isoTime, by: z.string() }).nullable(),
  checkinsThisWeek: z.number().int(),
  problems: z.array(problemView),
  myReports: z.array(problemView),
  reportOptions: z.array(reportOption),
  canManage: z.boolean(),
  manage: out({
    photoFileIds: z.array(z.string()).describe('与 photos 同序的文件 id'),
    pendingFileIds: z.array(z.string()).describe('其中还在内容审核中的'),
    groupId: z.string().nullable(),
  })
    .nullable()
    .describe('仅镇里（编辑页）'),
  templates: out({ problemResolved: z.string(), problem: z.string() }),
})

export const reportResult = out({
  problemId: z.string(),
  outcome: z.enum(['created', 'merged', 'already']).describe('created 首次反映；merged 已有人反映，+1；already 你反映过了'),
  count: z.number().int(),
})

export const checkInResult = out({
  stationId: z.string(),
  stationName: z.string(),
  outcome: z.enum(['recorded', 'already']),
  checkinsThisWeek: z.number().int(),
})

export const managedStation = out({
  id: z.string(),
  name: z.string(),
  status: z.enum(['open', 'closed']),
  openProblems: z.number().int(),
  lastVerifiedAt: isoTime.nullable(),
})

export const stationStats = out({
  stationId: z.string(),
  days: z.array(out({ date: z.string(), checkins: z.number().int(), riders: z.number().int() })),
  problems: out({
    total: z.number().int(),
    active: z.number().int(),
    medianConfirmMinutes: z.number().nullable(),
    medianResolveMinutes: z.number().nullable(),
  }),
})

export const checkinCode = out({
  stationId: z.string(),
  stationName: z.string(),
  code: z.string(),
  version: z.number().int(),
  issuedOn: z.string(),
})

const problems = out({ problems: z.array(problemView) })

export const stationsContract = defineContract({
  listStations: { input: listStationsInput, output: stationList },
  getStation: { input: stationIdInput, output: stationDetail },
  reportProblem: { input: reportProblemInput, output: reportResult },
  myProblems: { input: z.object({}).strict(), output: problems },
  checkIn: { input: checkInInput, output: checkInResult },
  listManaged: { input: z.object({}).strict(), output: out({ stations: z.array(managedStation), isTown: z.boolean() }) },
  setServiceState: { input: setServiceStateInput, output: ok },
  setHours: { input: setHoursInput, output: out({ hoursText: z.string() }) },
  verifyStation: { input: stationIdInput, output: out({ lastVerifiedAt: isoTime }) },
  listProblems: { input: listProblemsInput, output: problems },
  confirmProblem: { input: problemIdInput, output: problemView },
  resolveProblem: { input: resolveProblemInput, output: problemView },
  stationStats: { input: stationStatsInput, output: stationStats },
  issueCheckinCode: { input: issueCheckinCodeInput, output: checkinCode },
  createStation: { input: createStationInput, output: out({ stationId: z.string() }) },
  updateStation: { input: updateStationInput, output: ok },
  closeStation: { input: closeStationInput, output: ok },
  reopenStation: { input: stationIdInput, output: ok },
})

export type StationsApi = ApiOf<typeof stationsContract>

export type ServiceOption = z.infer<typeof serviceOption>
export type StationList = z.infer<typeof stationList>
export type StationRow = StationList['stations'][number]
export type ProblemView = z.infer<typeof problemView>
export type ReportOption = z.infer<typeof reportOption>
export type StationDetail = z.infer<typeof stationDetail>
export type ReportResult = z.infer<typeof reportResult>
export type CheckInResult = z.infer<typeof checkInResult>
export type ManagedStation = z.infer<typeof managedStation>
export type StationStats = z.infer<typeof stationStats>
export type CheckinCode = z.infer<typeof checkinCode>
