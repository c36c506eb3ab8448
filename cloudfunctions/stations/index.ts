/**
 * stations — 红色加油站 and partner stations: nearest-first list, detail, rider problem reports,
 * QR check-in, and the staff/town console.
 * Actions: listStations, getStation, reportProblem, myProblems, checkIn (anyone);
 *   listManaged, setServiceState, setHours, verifyStation, listProblems, confirmProblem,
 *   resolveProblem, stationStats, issueCheckinCode (station staff of that station, town);
 *   createStation, updateStation, closeStation, reopenStation (town).
 * Collections: stations (2dsphere on location), station_problems (openKey unique while open),
 *   station_checkins (one per rider, station and Shanghai hour), users, groups (read), notifications.
 * Storage: station photos (getTempFileURL; deleteFile when the town removes one).
 * Openapi permissions: subscribeMessage.send, security.msgSecCheck.
 * Environment: STATION_CHECKIN_SECRET (≥ 16 chars) signs the printable check-in codes.
 */

import { randomBytes } from 'node:crypto'
import { _, cloud, db, row, rows } from '../_lib/cloud'
import { AppError, conflict, denied, invalid, notFound, precondition } from '../_lib/errors'
import { isStationStaff, isTown } from '../_lib/guard'
import { dateKey, dayStart, hoursText, validateExceptions, validateWeekly, type WeeklyHours } from '../_domain/hours'
import { notify, templateId } from '../_lib/notify'
import { type ActionContext, action, createMain } from '../_lib/router'
import { isServiceKey, problemLabel, STATION_PROBLEM_LABEL, serviceCatalogue } from '../_domain/station-services'
import { isoShanghai, shanghai } from '../_lib/time'
import { checkinSecret, makeCode, readCode } from './checkin-code'
import {
  type CheckInResult,
  type CheckinCode,
  checkInInput,
  closeStationInput,
  createStationInput,
  getStationInput,
  issueCheckinCodeInput,
  listManagedInput,
  listProblemsInput,
  listStationsInput,
  type ManagedStation,
  myProblemsInput,
  type ProblemKind,
  type ProblemView,
  problemIdInput,
  type ReportResult,
  reportProblemInput,
  resolveProblemInput,
  type ServiceKey,
  type StationDetail,
  type StationList,
  type StationStats,
  setHoursInput,
  setServiceStateInput,
  stationIdInput,
  stationStatsInput,
  updateStationInput,
} from './contract'
import { nearestStations } from '../_domain/station-search'
import { hoursOf, presentStation, TOWN_CENTRE, TOWN_CENTRE_NOTE } from '../_domain/station-view'

type Doc = Record<string, unknown>
const DAY = 86_400_000
const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback)
const iso = (v: unknown) => (v instanceof Date ? isoShanghai(v) : null)
const ACTIVE = ['open', 'confirmed']

const stations = () => db.collection('stations')
const problems = () => db.collection('station_problems')
const checkins = () => db.collection('station_checkins')

async function stationById(stationId: string): Promise<Doc> {
  const doc = await row(stations().where({ _id: stationId }))
  if (!doc || doc.status === 'removed') throw notFound('没有找到这个驿站')
  return doc
}

function isDuplicateKey(err: unknown): boolean {
  const e = err as { errMsg?: unknown; message?: unknown }
  return /E11000|duplicate key/i.test(`${e?.errMsg ?? ''} ${e?.message ?? ''}`)
}

function checkHours(hours: WeeklyHours[] | undefined, exceptions: unknown[] | undefined) {
  const errors = [...(hours ? validateWeekly(hours) : []), ...(exceptions ? validateExceptions(exceptions as never) : [])]
  if (errors.length) throw invalid(`营业时间有误：${errors[0]}`, { field: 'hours', errors })
}

/** Monday (YYYY-MM-DD) of the Shanghai week containing `t`. */
function weekKey(t: number): string {
  const start = dayStart(t)
  const wd = new Date(start + 8 * 3_600_000).getUTCDay() || 7
  return dateKey(start - (wd - 1) * DAY)
}

const STATE_TEXT: Record<ProblemView['state'], string> = {
  open: '待确认',
  confirmed: '已确认，处理中',
  fixed: '已修好',
  dismissed: '经核实无此问题',
}

function problemView(p: Doc, photoUrl: string | null = null): ProblemView {
  const state = (Object.hasOwn(STATE_TEXT, str(p.state)) ? p.state : 'open') as ProblemView['state']
  return {
    id: str(p._id),
    stationId: str(p.stationId),
    stationName: str(p.stationName),
    service: (isServiceKey(p.service) ? p.service : null) as ServiceKey | null,
    kind: str(p.kind) as ProblemKind,
    label: str(p.label),
    state,
    stateText: STATE_TEXT[state],
    count: typeof p.count === 'number' ? p.count : 1,
    note: typeof p.note === 'string' && p.note ? p.note : null,
    photoUrl,
    createdAt: iso(p.createdAt) ?? '',
    confirmedAt: iso(p.confirmedAt),
    resolvedAt: iso(p.resolvedAt),
    outcomeNote: typeof p.outcomeNote === 'string' && p.outcomeNote ? p.outcomeNote : null,
  }
}

async function tempUrls(fileIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (!fileIds.length) return out
  try {
    const res = (await cloud.getTempFileURL({ fileList: fileIds })) as { fileList?: { fileID: string; tempFileURL?: string }[] }
    for (const f of res.fileList ?? []) if (f.tempFileURL) out.set(f.fileID, f.tempFileURL)
  } catch (err) {
    console.warn('[stations] getTempFileURL failed', err)
  }
  return out
}

async function ridersThisWeek(stationId: string, now: Date): Promise<number> {
  const res = (await checkins()
    .aggregate()
    .match({ stationId, weekKey: weekKey(now.getTime()) })
    .group({ _id: '$openid' })
    .count('n')
    .end()) as { list: { n: number }[] }
  return res.list[0]?.n ?? 0
}

/** Station staff and the liaison of the station's group; failures never fail the caller's action. */
async function tellStation(station: Doc, text: string, label: string, now: Date) {
  try {
    const stationId = str(station._id)
    const staff = await rows(db.collection('users').where({ roles: 'staff', 'staffOf.station': stationId }).limit(10))
    const to = new Set(staff.map((u) => str(u._id)).filter(Boolean))
    if (typeof station.groupId === 'string') {
      const group = await row(db.collection('groups').where({ _id: station.groupId }))
      if (group && typeof group.liaisonOpenid === 'string') to.add(group.liaisonOpenid)
    }
    for (const openid of to) {
      await notify(
        {
          to: openid,
          template: 'stationProblem',
          text,
          page: `pkg-stations/console/index?stationId=${stationId}`,
          data: {
            thing1: { value: str(station.name).slice(0, 20) },
            thing2: { value: label.slice(0, 20) },
            time3: { value: shanghai(now).format('YYYY-MM-DD HH:mm') },
          },
        },
        now,
      )
    }
  } catch (err) {
    console.warn('[stations] notifying station staff failed', err)
  }
}

async function tellReporters(problem: Doc, outcome: 'fixed' | 'dismissed', note: string | undefined, now: Date) {
  const reporters = (Array.isArray(problem.reporters) ? (problem.reporters as string[]) : []).slice(0, 50)
  const label = str(problem.label)
  const result = outcome === 'fixed' ? '已修好' : '未发现问题'
  for (const openid of reporters) {
    try {
      await notify(
        {
          to: openid,
          template: 'stationProblemResolved',
          text: `你反映的“${str(problem.stationName)}：${label}”${outcome === 'fixed' ? '已修好，谢谢你' : '经工作人员核实未发现问题'}${note ? `（${note}）` : ''}`,
          page: `pkg-stations/detail/index?stationId=${str(problem.stationId)}`,
          data: {
            thing1: { value: str(problem.stationName).slice(0, 20) },
            thing2: { value: label.slice(0, 20) },
            phrase3: { value: result },
          },
        },
        now,
      )
    } catch (err) {
      console.warn('[stations] notifying a reporter failed', err)
    }
  }
}

async function contentOk(text: string, openid: string): Promise<boolean> {
  try {
    const r = (await cloud.openapi.security.msgSecCheck({ content: text, version: 2, scene: 1, openid })) as {
      result?: { suggest?: string }
    }
    return r.result?.suggest !== 'risky'
  } catch (err) {
    console.warn('[stations] msgSecCheck failed; accepting the note', err)
    return true
  }
}

/** Storage path of a cloud file id (cloud://<env>.<bucket>/<path>), or null when malformed. */
function storagePath(fileId: string): string | null {
  const path = fileId.replace(/^cloud:\/\/[^/]+\//, '')
  return path === fileId || path.includes('..') || path.includes('//') ? null : path
}

/**
 * Station photos the town may save: photos the station already has, files under
 * `stations/<stationId>/`, or the caller's own uploads (`uploads/<openid>/…`, where the H5 upload
 * and the weapp edit page put them). Anything else (another person's upload, a forged id) is refused.
 */
function checkPhotos(photos: string[], caller: { openid: string }, stationId: string | null, current: string[]) {
  if (new Set(photos).size !== photos.length) throw invalid('照片重复了', { field: 'photos' })
  for (const p of photos) {
    if (current.includes(p)) continue
    const path = storagePath(p)
    const ok =
      path !== null && (path.startsWith(`uploads/${caller.openid}/`) || (stationId !== null && path.startsWith(`stations/${stationId}/`)))
    if (!ok) throw invalid('照片文件不正确，请重新上传', { field: 'photos' })
  }
}

async function checkGroup(groupId: string | null | undefined) {
  if (!groupId) return
  const group = await row(db.collection('groups').where({ _id: groupId }))
  if (!group || group.status === 'removed') throw invalid('没有找到这个微阵地（群）', { field: 'groupId' })
}

async function deletePhotos(fileIds: string[]) {
  if (!fileIds.length) return
  try {
    await cloud.deleteFile({ fileList: fileIds })
  } catch (err) {
    // A file that cannot be deleted now does not undo the saved change; it is logged.
    console.warn('[stations] deleteFile failed', err)
  }
}

const stationScope = (input: { stationId: string }, { caller }: ActionContext) => isStationStaff(caller, input.stationId)

async function problemScope(input: { problemId: string }, { caller }: ActionContext) {
  const p = await row(problems().where({ _id: input.problemId }))
  if (!p) throw notFound('没有找到这条问题反映')
  return isStationStaff(caller, str(p.stationId))
}

// ---------------- rider actions ----------------

const listStations = action({
  summary: '附近驿站：按距离由近到远（一次 geoNear 查询），可按服务、现在开放、夜间开放筛选；拒绝定位时按镇中心排序',
  roles: ['anyone'],
  openidOnly: true,
  input: listStationsInput,
  async handler(input, { now }): Promise<StationList> {
    const origin = input.location ?? TOWN_CENTRE
    const limit = input.limit ?? 20
    const byHours = Boolean(input.openNow || input.openAtNight)
    const query: Doc = { status: _.in(['open', 'closed']) }
    if (input.service) query.services = input.service
    const rowsOut = []
    for (const doc of await nearestStations(origin, query, byHours ? 200 : limit)) {
      const r = presentStation(doc, now, typeof doc.distance === 'number' ? doc.distance : 0)
      if (input.openNow && !r.openNow) continue
      if (input.openAtNight && !r.openAtNight) continue
      const { state: _state, openAtNight: _night, ...view } = r
      rowsOut.push(view)
      if (rowsOut.length >= limit) break
    }
    return {
      now: isoShanghai(now),
      origin: { ...origin, source: input.location ? 'rider' : 'town_centre' },
      originNote: input.location ? null : TOWN_CENTRE_NOTE,
      stations: rowsOut,
      catalogue: serviceCatalogue(),
    }
  },
})

const getStation = action({
  summary: '驿站详情：各项服务当前状态、开放时间与例外、照片、电话、本周签到人数、待处理问题、我的反映',
  roles: ['anyone'],
  errors: ['NOT_FOUND'],
  input: getStationInput,
  async handler({ stationId }, { caller, now }): Promise<StationDetail> {
    const doc = await stationById(stationId)
    const [week, active, mine] = await Promise.all([
      ridersThisWeek(stationId, now),
      rows(
        problems()
          .where({ stationId, state: _.in(ACTIVE) })
          .orderBy('createdAt', 'desc')
          .limit(20),
      ),
      rows(problems().where({ stationId, reporters: caller.openid }).orderBy('createdAt', 'desc').limit(5)),
    ])
    const photos = Array.isArray(doc.photos) ? (doc.photos as string[]).filter((p) => typeof p === 'string') : []
    const problemPhotos = active.map((p) => (Array.isArray(p.photos) ? str(p.photos[0]) : '')).filter(Boolean)
    const urls = await tempUrls([...photos, ...problemPhotos])
    const r = presentStation(doc, now, 0)
    const { state, openAtNight: _night, ...view } = r
    const today = dateKey(now.getTime())
    return {
      ...view,
      distanceM: 0,
      distanceText: '',
      phone: typeof doc.phone === 'string' ? doc.phone : null,
      photos: photos.map((p) => urls.get(p)).filter((u): u is string => Boolean(u)),
      capacityNote: typeof doc.capacityNote === 'string' ? doc.capacityNote : null,
      hours: hoursOf(doc).hours,
      exceptions: (hoursOf(doc).exceptions ?? []).filter((e) => e.date >= today).slice(0, 10),
      closure: state.closure
        ? { reason: state.closure.reason, until: state.closure.until ? isoShanghai(state.closure.until) : null }
        : null,
      todayNote: state.todayNote,
      lastVerified:
        doc.lastVerifiedAt instanceof Date
          ? { at: isoShanghai(doc.lastVerifiedAt), by: str(doc.lastVerifiedByName, '驿站工作人员') }
          : null,
      checkinsThisWeek: week,
      problems: active.map((p) => problemView(p, Array.isArray(p.photos) ? (urls.get(str(p.photos[0])) ?? null) : null)),
      myReports: mine.map((p) => problemView(p)),
      reportOptions: [
        { service: null, kind: 'closed' as ProblemKind, label: STATION_PROBLEM_LABEL },
        ...serviceCatalogue()
          .filter((c) => view.services.some((v) => v.key === c.key))
          .flatMap((c) => c.problems.map((p) => ({ service: c.key, kind: p.kind, label: `${c.label}：${p.label}` }))),
      ],
      canManage: isStationStaff(caller, stationId),
      manage: isTown(caller)
        ? { photoFileIds: photos.filter((p) => urls.has(p)), groupId: typeof doc.groupId === 'string' ? doc.groupId : null }
        : null,
      templates: { problemResolved: templateId('stationProblemResolved'), problem: templateId('stationProblem') },
    }
  },
})

const reportProblem = action({
  summary: '骑手反映问题（到点没开门、微波炉坏了、药品过期、没有水、充电器坏了…，可附照片）；同一未处理问题合并，每人只算一次',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  input: reportProblemInput,
  async handler(input, { caller, now }): Promise<ReportResult> {
    const station = await stationById(input.stationId)
    const offered = Array.isArray(station.services) ? (station.services as string[]) : []
    if (input.service && !offered.includes(input.service)) throw invalid('这个驿站没有这项服务', { field: 'service' })
    const label = problemLabel(input.kind, input.service)
    if (!label) throw invalid('这项服务不能这样反映', { field: 'kind' })
    if (!input.service && !presentStation(station, now, 0).openNow)
      throw precondition('按开放时间，这个驿站现在本来就不开门；开门时间见驿站详情')
    if (input.note && !(await contentOk(input.note, caller.openid)))
      throw new AppError('CONTENT_REJECTED', '补充说明含有不适宜的内容，请修改后再提交')
    const openKey = `${input.stationId}|${input.service ?? '_station'}|${input.kind}`
    const summaryKey = (id: string) => `openProblems.${id}`

    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const added = (await problems().add({
          data: {
            stationId: input.stationId,
            stationName: str(station.name),
            service: input.service,
            kind: input.kind,
            label,
            openKey,
            state: 'open',
            reporters: [caller.openid],
            count: 1,
            note: input.note ?? '',
            photos: input.photoFileId ? [input.photoFileId] : [],
            createdAt: now,
            lastReportedAt: now,
          },
        })) as { _id: string }
        const id = added._id
        await stations()
          .doc(input.stationId)
          .update({ data: { [summaryKey(id)]: { service: input.service, kind: input.kind, label, count: 1, confirmed: false } } })
        await tellStation(station, `${str(station.name)}：${label}（骑手反映，请尽快确认）`, label, now)
        return { problemId: id, outcome: 'created', count: 1 }
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
      }
      // An open report of the same problem exists: +1 only if this rider is not among its reporters.
      const more: Doc = { reporters: _.push([caller.openid]), count: _.inc(1), lastReportedAt: now }
      if (input.photoFileId) more.photos = _.push([input.photoFileId])
      const res = (await problems()
        .where({ openKey, reporters: _.nin([caller.openid]) })
        .update({ data: more })) as { stats: { updated: number } }
      const existing = await row(problems().where({ openKey }))
      if (!existing) continue // resolved in between: report afresh
      const id = str(existing._id)
      const count = typeof existing.count === 'number' ? existing.count : 1
      if (res.stats.updated === 1) {
        await stations()
          .doc(input.stationId)
          .update({ data: { [`${summaryKey(id)}.count`]: _.inc(1) } })
        return { problemId: id, outcome: 'merged', count }
      }
      return { problemId: id, outcome: 'already', count }
    }
    throw conflict('提交的人太多了，请稍后再试')
  },
})

const myProblems = action({
  summary: '我反映过的问题和处理结果',
  roles: ['anyone'],
  input: myProblemsInput,
  async handler(_input, { caller }) {
    const list = await rows(problems().where({ reporters: caller.openid }).orderBy('createdAt', 'desc').limit(30))
    return { problems: list.map((p) => problemView(p)) }
  },
})

const checkIn = action({
  summary: '扫驿站二维码签到（每人每站每小时一次），用于镇里的统计和以后的公益积分',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  input: checkInInput,
  async handler({ code }, { caller, now }): Promise<CheckInResult> {
    const secret = checkinSecret()
    if (!secret) throw precondition('驿站签到暂未开通')
    const read = readCode(secret, code)
    if (!read) throw invalid('这不是驿站的签到二维码', { field: 'code' })
    const station = await stationById(read.stationId)
    const current = (station.checkin ?? {}) as { version?: number }
    if (current.version !== read.version) throw precondition('这张二维码已作废，请扫描驿站现场的最新二维码')
    if (hoursOf(station).status === 'closed' && presentStation(station, now, 0).temporarilyClosed)
      throw precondition('驿站暂停开放，暂时不能签到')
    const t = now.getTime()
    let outcome: CheckInResult['outcome'] = 'recorded'
    try {
      await checkins().add({
        data: {
          openid: caller.openid,
          stationId: read.stationId,
          hourKey: shanghai(now).format('YYYY-MM-DDTHH'),
          date: dateKey(t),
          weekKey: weekKey(t),
          codeVersion: read.version,
          at: now,
        },
      })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      outcome = 'already'
    }
    return {
      stationId: read.stationId,
      stationName: str(station.name),
      outcome,
      checkinsThisWeek: await ridersThisWeek(read.stationId, now),
    }
  },
})

// ---------------- station staff (their own station) and town ----------------

const listManaged = action({
  summary: '我管理的驿站（站点工作人员：自己的驿站；镇里：全部）',
  roles: ['staff', 'town'],
  input: listManagedInput,
  async handler(_input, { caller }) {
    const town = isTown(caller)
    const ids = caller.staffOf.station.slice(0, 50)
    if (!town && !ids.length) return { stations: [], isTown: false }
    const list = await rows(
      (town
        ? stations().where({ status: _.in(['open', 'closed']) })
        : stations().where({ _id: _.in(ids), status: _.in(['open', 'closed']) })
      )
        .field({ name: true, status: true, openProblems: true, lastVerifiedAt: true })
        .limit(100),
    )
    const out: ManagedStation[] = list.map((s) => ({
      id: str(s._id),
      name: str(s.name),
      status: str(s.status),
      openProblems: Object.values((s.openProblems ?? {}) as Record<string, unknown>).filter(Boolean).length,
      lastVerifiedAt: iso(s.lastVerifiedAt),
    }))
    return { stations: out, isTown: town }
  },
})

const setServiceState = action({
  summary: '更新某项服务的状态（正常 / 暂停 / 故障），仅限本站工作人员',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND'],
  input: setServiceStateInput,
  scope: stationScope,
  async handler(input, { caller, now }) {
    const station = await stationById(input.stationId)
    if (!(station.services as string[] | undefined)?.includes(input.service)) throw invalid('这个驿站没有这项服务', { field: 'service' })
    await stations()
      .doc(input.stationId)
      .update({
        data: {
          [`serviceState.${input.service}`]: _.set({
            state: input.state,
            note: input.note ?? '',
            updatedAt: now,
            updatedBy: caller.openid,
          }),
        },
      })
    return { ok: true as const }
  },
})

const setHours = action({
  summary: '修改每周开放时间和例外日期（节假日、临时调整），仅限本站工作人员；重叠或结束早于开始的时间会被拒绝',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND'],
  input: setHoursInput,
  scope: stationScope,
  async handler(input, { caller, now }) {
    checkHours(input.hours, input.exceptions)
    await stationById(input.stationId)
    const text = hoursText(input.hours)
    const data: Doc = { hours: _.set(input.hours), hoursText: text, updatedAt: now, updatedBy: caller.openid }
    if (input.exceptions) data.exceptions = _.set(input.exceptions)
    await stations().doc(input.stationId).update({ data })
    return { hoursText: text }
  },
})

const verifyStation = action({
  summary: '标记“信息今日已核实”',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND'],
  input: stationIdInput,
  scope: stationScope,
  async handler({ stationId }, { caller, now }) {
    await stationById(stationId)
    const name = str(caller.profile?.nickname, '驿站工作人员')
    await stations()
      .doc(stationId)
      .update({ data: { lastVerifiedAt: now, lastVerifiedBy: caller.openid, lastVerifiedByName: name } })
    return { lastVerifiedAt: isoShanghai(now) }
  },
})

const listProblems = action({
  summary: '本站收到的问题反映（默认只看未处理的）',
  roles: ['staff', 'town'],
  input: listProblemsInput,
  scope: stationScope,
  async handler({ stationId, state }) {
    const where = state === 'all' ? { stationId } : { stationId, state: _.in(ACTIVE) }
    const list = await rows(problems().where(where).orderBy('createdAt', 'desc').limit(50))
    const urls = await tempUrls(list.map((p) => (Array.isArray(p.photos) ? str(p.photos[0]) : '')).filter(Boolean))
    return { problems: list.map((p) => problemView(p, Array.isArray(p.photos) ? (urls.get(str(p.photos[0])) ?? null) : null)) }
  },
})

const confirmProblem = action({
  summary: '确认骑手反映的问题属实（服务显示“已确认，处理中”）',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  input: problemIdInput,
  scope: problemScope,
  async handler({ problemId }, { caller, now }) {
    const res = (await problems()
      .where({ _id: problemId, state: 'open' })
      .update({ data: { state: 'confirmed', confirmedAt: now, confirmedBy: caller.openid } })) as { stats: { updated: number } }
    const p = (await row(problems().where({ _id: problemId }))) as Doc
    if (res.stats.updated === 1) {
      await stations()
        .doc(str(p.stationId))
        .update({ data: { [`openProblems.${problemId}.confirmed`]: true } })
    } else if (p.state !== 'confirmed') throw precondition('这个问题已经处理完了')
    return problemView(p)
  },
})

const resolveProblem = action({
  summary: '处理完问题：已修好 / 核实无此问题；反映的骑手会收到结果',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  input: resolveProblemInput,
  scope: problemScope,
  async handler({ problemId, outcome, note }, { caller, now }) {
    const before = (await row(problems().where({ _id: problemId }))) as Doc
    const res = (await problems()
      .where({ _id: problemId, state: _.in(ACTIVE) })
      .update({
        data: {
          state: outcome,
          resolvedAt: now,
          resolvedBy: caller.openid,
          outcomeNote: note ?? '',
          confirmedAt: before.confirmedAt instanceof Date ? before.confirmedAt : now,
          // Frees the open-problem key so a new report starts a new problem.
          openKey: `${str(before.openKey)}#${problemId}`,
        },
      })) as { stats: { updated: number } }
    if (res.stats.updated !== 1) throw precondition('这个问题已经处理完了')
    await stations()
      .doc(str(before.stationId))
      .update({ data: { [`openProblems.${problemId}`]: _.remove() } })
    const after = (await row(problems().where({ _id: problemId }))) as Doc
    await tellReporters(after, outcome, note, now)
    return problemView(after)
  },
})

function median(list: number[]): number | null {
  if (!list.length) return null
  const s = [...list].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return Math.round(s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2)
}

const stationStats = action({
  summary: '每日签到人次 / 人数，问题数量和响应时间（确认、处理用时的中位数，分钟）',
  roles: ['staff', 'town'],
  input: stationStatsInput,
  scope: stationScope,
  async handler({ stationId, days = 14 }, { now }): Promise<StationStats> {
    const since = new Date(dayStart(now.getTime()) - (days - 1) * DAY)
    const [perDay, plist] = await Promise.all([
      checkins()
        .aggregate()
        .match({ stationId, at: _.gte(since) })
        .group({ _id: '$date', checkins: db.command.aggregate.sum(1), riders: db.command.aggregate.addToSet('$openid') })
        .limit(days + 1)
        .end() as Promise<{ list: { _id: string; checkins: number; riders: string[] }[] }>,
      rows(
        problems()
          .where({ stationId, createdAt: _.gte(new Date(now.getTime() - 30 * DAY)) })
          .field({ state: true, createdAt: true, confirmedAt: true, resolvedAt: true })
          .limit(500),
      ),
    ])
    const byDate = new Map(perDay.list.map((d) => [d._id, d]))
    const out: StationStats['days'] = []
    for (let i = days - 1; i >= 0; i--) {
      const date = dateKey(now.getTime() - i * DAY)
      const d = byDate.get(date)
      out.push({ date, checkins: d?.checkins ?? 0, riders: d?.riders.length ?? 0 })
    }
    const minutes = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? (b.getTime() - a.getTime()) / 60000 : null)
    const confirm = plist.map((p) => minutes(p.createdAt, p.confirmedAt)).filter((x): x is number => x !== null)
    const resolve = plist.map((p) => minutes(p.createdAt, p.resolvedAt)).filter((x): x is number => x !== null)
    return {
      stationId,
      days: out,
      problems: {
        total: plist.length,
        active: plist.filter((p) => ACTIVE.includes(str(p.state))).length,
        medianConfirmMinutes: median(confirm),
        medianResolveMinutes: median(resolve),
      },
    }
  },
})

const issueCheckinCode = action({
  summary: '驿站签到二维码的内容（打印张贴）；镇里可换新码，旧码随即作废',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONFLICT'],
  input: issueCheckinCodeInput,
  scope: stationScope,
  async handler({ stationId, rotate }, { caller, now }): Promise<CheckinCode> {
    if (rotate && !isTown(caller)) throw denied('只有镇里可以更换二维码')
    const secret = checkinSecret()
    if (!secret) throw precondition('签到二维码未配置（缺少 STATION_CHECKIN_SECRET）')
    const station = await stationById(stationId)
    const current = (station.checkin ?? null) as { version: number; issuedOn: string } | null
    let checkin = current
    if (!current || rotate) {
      checkin = { version: (current?.version ?? 0) + 1, issuedOn: dateKey(now.getTime()) }
      const guard: Doc = current ? { _id: stationId, 'checkin.version': current.version } : { _id: stationId, checkin: _.exists(false) }
      const res = (await stations()
        .where(guard)
        .update({ data: { checkin: _.set(checkin) } })) as { stats: { updated: number } }
      if (res.stats.updated !== 1) throw conflict('二维码刚被更换过，请刷新后再试')
    }
    const c = checkin as { version: number; issuedOn: string }
    return {
      stationId,
      stationName: str(station.name),
      code: makeCode(secret, stationId, c.version, c.issuedOn),
      version: c.version,
      issuedOn: c.issuedOn,
    }
  },
})

// ---------------- town ----------------

function geo(p: { lat: number; lng: number }) {
  return new db.Geo.Point(p.lng, p.lat)
}

const createStation = action({
  summary: '新建驿站（镇里）',
  roles: ['town'],
  input: createStationInput,
  async handler(input, { caller, now }) {
    checkHours(input.hours, input.exceptions)
    checkPhotos(input.photos ?? [], caller, null, [])
    await checkGroup(input.groupId)
    const stationId = `st-${randomBytes(6).toString('hex')}`
    await stations().add({
      data: {
        _id: stationId,
        name: input.name,
        provider: input.provider,
        address: input.address,
        location: geo(input.location),
        services: [...new Set(input.services)],
        serviceState: {},
        openProblems: {},
        hours: input.hours,
        exceptions: input.exceptions ?? [],
        hoursText: hoursText(input.hours),
        status: 'open',
        phone: input.phone ?? null,
        photos: input.photos ?? [],
        capacityNote: input.capacityNote ?? null,
        groupId: input.groupId ?? null,
        lastVerifiedAt: now,
        lastVerifiedBy: caller.openid,
        lastVerifiedByName: str(caller.profile?.nickname, '镇服务中心'),
        createdAt: now,
        createdBy: caller.openid,
      },
    })
    return { stationId }
  },
})

const updateStation = action({
  summary:
    '修改驿站资料（名称、类型、地址、位置、服务、时间、电话、照片（最多 6 张，去掉的照片从存储删除）、容纳说明、所属微阵地）（镇里）',
  roles: ['town'],
  errors: ['NOT_FOUND'],
  input: updateStationInput,
  async handler({ stationId, ...input }, { caller, now }) {
    checkHours(input.hours, input.exceptions)
    const before = await stationById(stationId)
    const current = Array.isArray(before.photos) ? (before.photos as unknown[]).filter((p): p is string => typeof p === 'string') : []
    if (input.photos) checkPhotos(input.photos, caller, stationId, current)
    await checkGroup(input.groupId)
    const data: Doc = { updatedAt: now, updatedBy: caller.openid }
    for (const k of ['name', 'provider', 'address', 'phone', 'capacityNote', 'groupId'] as const)
      if (input[k] !== undefined) data[k] = input[k]
    if (input.location) data.location = geo(input.location)
    if (input.services) data.services = _.set([...new Set(input.services)])
    if (input.photos) data.photos = _.set(input.photos)
    if (input.hours) {
      data.hours = _.set(input.hours)
      data.hoursText = hoursText(input.hours)
    }
    if (input.exceptions) data.exceptions = _.set(input.exceptions)
    await stations().doc(stationId).update({ data })
    // Photos taken off the station are deleted from storage once the change is saved.
    if (input.photos) await deletePhotos(current.filter((p) => !input.photos?.includes(p)))
    return { ok: true as const }
  },
})

const closeStation = action({
  summary: '暂停开放（可设恢复时间）或永久关闭驿站（镇里）',
  roles: ['town'],
  errors: ['NOT_FOUND'],
  input: closeStationInput,
  async handler({ stationId, mode, reason, until }, { caller, now }) {
    await stationById(stationId)
    const untilDate = until ? new Date(until) : null
    if (untilDate && untilDate.getTime() <= now.getTime()) throw invalid('恢复开放时间应晚于现在', { field: 'until' })
    await stations()
      .doc(stationId)
      .update({
        data: {
          status: mode === 'permanent' ? 'removed' : 'closed',
          closedReason: reason,
          closedUntil: untilDate,
          updatedAt: now,
          updatedBy: caller.openid,
        },
      })
    return { ok: true as const }
  },
})

const reopenStation = action({
  summary: '恢复开放（镇里）',
  roles: ['town'],
  errors: ['NOT_FOUND'],
  input: stationIdInput,
  async handler({ stationId }, { caller, now }) {
    const doc = await row(stations().where({ _id: stationId }))
    if (!doc) throw notFound('没有找到这个驿站')
    await stations()
      .doc(stationId)
      .update({ data: { status: 'open', closedReason: null, closedUntil: null, updatedAt: now, updatedBy: caller.openid } })
    return { ok: true as const }
  },
})

export const actions = {
  listStations,
  getStation,
  reportProblem,
  myProblems,
  checkIn,
  listManaged,
  setServiceState,
  setHours,
  verifyStation,
  listProblems,
  confirmProblem,
  resolveProblem,
  stationStats,
  issueCheckinCode,
  createStation,
  updateStation,
  closeStation,
  reopenStation,
}
export const main = createMain('stations', actions)
