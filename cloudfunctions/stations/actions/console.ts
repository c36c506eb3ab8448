/**
 * The station console (staff of that station, and the town): my stations, service states, hours,
 * "信息今日已核实". Every change is audited with the station's scope; refusals are recorded.
 */

import { type HoursException, hoursIndex, hoursText } from '../../_domain/hours'
import { knownServices } from '../../_domain/station-services'
import { openProblemsOf } from '../../_domain/station-view'
import { _, rows } from '../../_lib/cloud'
import { checkTexts } from '../../_lib/content'
import { invalid } from '../../_lib/errors'
import { isTown } from '../../_lib/guard'
import { actionsOf } from '../../_lib/router'
import { isoShanghai } from '../../_lib/time'
import { type Doc, iso, str } from '../../_lib/values'
import { auditStation, deniedAtStation } from '../audit'
import { stationsContract } from '../contract'
import { checkHours, exceptionNotes } from '../hours-rules'
import { stationById, stationScope, stations } from '../store'

const act = actionsOf(stationsContract)
const LISTED = ['open', 'closed']

export const listManaged = act('listManaged', {
  summary: '我管理的驿站（站点工作人员：自己的驿站；镇里：全部）',
  roles: ['staff', 'town'],
  async handler(_input, { caller }) {
    const town = isTown(caller)
    const ids = caller.staffOf.station.slice(0, 50)
    if (!town && !ids.length) return { stations: [], isTown: false }
    const where = town ? { status: _.in(LISTED) } : { _id: _.in(ids), status: _.in(LISTED) }
    const list = await rows(
      stations().where(where).field({ name: true, status: true, openProblems: true, lastVerifiedAt: true }).limit(100),
    )
    return {
      stations: list.map((s) => ({
        id: str(s._id),
        name: str(s.name),
        status: s.status === 'closed' ? ('closed' as const) : ('open' as const),
        openProblems: openProblemsOf(s).length,
        lastVerifiedAt: iso(s.lastVerifiedAt),
      })),
      isTown: town,
    }
  },
})

export const setServiceState = act('setServiceState', {
  summary: '更新某项服务的状态（正常 / 暂停 / 故障，可附说明），仅限本站工作人员；说明经内容安全检查',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND', 'CONTENT_REJECTED'],
  scope: stationScope,
  onDenied: deniedAtStation,
  async handler(input, ctx) {
    const station = await stationById(input.stationId)
    if (!knownServices(station.services).includes(input.service)) throw invalid('这个驿站没有这项服务', { field: 'service' })
    await checkTexts({ note: input.note }, { openid: ctx.caller.openid, scene: 'comment' })
    const before = ((station.serviceState ?? {}) as Doc)[input.service] ?? null
    const after = { state: input.state, note: input.note ?? '', updatedAt: ctx.now, updatedBy: ctx.caller.openid }
    await stations()
      .doc(input.stationId)
      .update({ data: { [`serviceState.${input.service}`]: _.set(after) } })
    await auditStation(ctx, input.stationId, { before: { [input.service]: before }, after: { [input.service]: after } })
    return { ok: true as const }
  },
})

export const setHours = act('setHours', {
  summary: '修改每周开放时间和例外日期（节假日、临时调整），仅限本站工作人员；重叠或结束早于开始的时间会被拒绝，例外说明经内容安全检查',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND', 'CONTENT_REJECTED'],
  scope: stationScope,
  onDenied: deniedAtStation,
  async handler(input, ctx) {
    checkHours(input.hours, input.exceptions)
    const station = await stationById(input.stationId)
    await checkTexts(exceptionNotes(input.exceptions), { openid: ctx.caller.openid, scene: 'profile' })
    const text = hoursText(input.hours)
    const data: Doc = { hours: _.set(input.hours), hoursText: text, updatedAt: ctx.now, updatedBy: ctx.caller.openid }
    if (input.exceptions) data.exceptions = _.set(input.exceptions)
    const index = hoursIndex(input.hours, input.exceptions ?? (station.exceptions as HoursException[] | undefined))
    Object.assign(data, { openWeek: _.set(index.openWeek), nightOpen: index.nightOpen })
    await stations().doc(input.stationId).update({ data })
    const before = { hours: station.hours ?? [], exceptions: station.exceptions ?? [] }
    await auditStation(ctx, input.stationId, { before, after: { hours: input.hours, exceptions: input.exceptions ?? before.exceptions } })
    return { hoursText: text }
  },
})

export const verifyStation = act('verifyStation', {
  summary: '标记“信息今日已核实”',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND'],
  scope: stationScope,
  onDenied: deniedAtStation,
  async handler({ stationId }, ctx) {
    const station = await stationById(stationId)
    const name = str(ctx.caller.profile?.nickname, '驿站工作人员')
    await stations()
      .doc(stationId)
      .update({ data: { lastVerifiedAt: ctx.now, lastVerifiedBy: ctx.caller.openid, lastVerifiedByName: name } })
    await auditStation(ctx, stationId, { before: { lastVerifiedAt: station.lastVerifiedAt ?? null }, after: { lastVerifiedAt: ctx.now } })
    return { lastVerifiedAt: isoShanghai(ctx.now) }
  },
})
