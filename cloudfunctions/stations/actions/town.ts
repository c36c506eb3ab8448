/**
 * The town's own station actions: create, edit (photos: own uploads for stations or already on the
 * station; a removed photo is deleted from storage; a new one is shown to riders once its content
 * check passes), close for a while or for good, reopen. Each is audited with the station's scope.
 */

import { type HoursException, hoursIndex, hoursText, type WeeklyHours } from '../../_domain/hours'
import { _ } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { checkTexts, recordMediaChecks } from '../../_lib/content'
import { invalid } from '../../_lib/errors'
import { deleteFiles } from '../../_lib/files'
import { newId } from '../../_lib/ids'
import { actionsOf } from '../../_lib/router'
import { type Doc, str, strings } from '../../_lib/values'
import { auditStation, deniedAtStation } from '../audit'
import { stationsContract } from '../contract'
import { checkEdit } from '../edit'
import { geoPoint, stationById, stations } from '../store'

const act = actionsOf(stationsContract)
const photoChecks = (id: string, author: string) => ({ collection: COLLECTION.stations, id, field: 'photos', author })

export const createStation = act('createStation', {
  summary: '新建驿站（镇里）；名称、地址等经内容安全检查，照片审核通过后小哥才看得到',
  roles: ['town'],
  errors: ['CONTENT_REJECTED'],
  onDenied: deniedAtStation,
  async handler(input, ctx) {
    const { caller, now } = ctx
    const started = await checkEdit(input, caller, [])
    const stationId = newId('st-')
    const { location, services, hours, exceptions = [], photos = [] } = input
    const data = {
      name: input.name,
      provider: input.provider,
      address: input.address,
      location: geoPoint(location),
      services: [...new Set(services)],
      hours,
      exceptions,
      hoursText: hoursText(hours),
      ...hoursIndex(hours, exceptions),
      photos,
      pendingMedia: started.map((s) => s.fileId),
      phone: input.phone ?? null,
      capacityNote: input.capacityNote ?? null,
      groupId: input.groupId ?? null,
      serviceState: {},
      openProblems: {},
      status: 'open',
      lastVerifiedAt: now,
      lastVerifiedBy: caller.openid,
      lastVerifiedByName: str(caller.profile?.nickname, '镇服务中心'),
      createdAt: now,
      createdBy: caller.openid,
    }
    await stations().add({ data: { _id: stationId, ...data } })
    await recordMediaChecks(started, photoChecks(stationId, caller.openid), now)
    await auditStation(ctx, stationId, { after: { ...input } })
    return { stationId }
  },
})

const PLAIN_FIELDS = ['name', 'provider', 'address', 'phone', 'capacityNote', 'groupId'] as const

export const updateStation = act('updateStation', {
  summary:
    '修改驿站资料（名称、类型、地址、位置、服务、时间、电话、照片（最多 6 张，去掉的照片从存储删除）、容纳说明、所属微阵地）（镇里）',
  roles: ['town'],
  errors: ['NOT_FOUND', 'CONTENT_REJECTED'],
  onDenied: deniedAtStation,
  async handler({ stationId, ...input }, ctx) {
    const before = await stationById(stationId)
    const current = strings(before.photos)
    const started = await checkEdit(input, ctx.caller, current)
    const data: Doc = { updatedAt: ctx.now, updatedBy: ctx.caller.openid }
    for (const k of PLAIN_FIELDS) if (input[k] !== undefined) data[k] = input[k]
    if (input.location) data.location = geoPoint(input.location)
    if (input.services) data.services = _.set([...new Set(input.services)])
    if (input.photos) data.photos = _.set(input.photos)
    if (started.length) data.pendingMedia = _.push(started.map((s) => s.fileId))
    if (input.hours) Object.assign(data, { hours: _.set(input.hours), hoursText: hoursText(input.hours) })
    if (input.exceptions) data.exceptions = _.set(input.exceptions)
    if (input.hours || input.exceptions) {
      const index = hoursIndex(
        input.hours ?? (before.hours as WeeklyHours[]),
        input.exceptions ?? (before.exceptions as HoursException[] | undefined),
      )
      Object.assign(data, { openWeek: _.set(index.openWeek), nightOpen: index.nightOpen })
    }
    await stations().doc(stationId).update({ data })
    await recordMediaChecks(started, photoChecks(stationId, ctx.caller.openid), ctx.now)
    // Photos taken off the station are deleted from storage once the change is saved.
    if (input.photos) await deleteFiles(current.filter((p) => !input.photos?.includes(p)))
    const changed = Object.keys(input) as (keyof typeof input)[]
    await auditStation(ctx, stationId, { before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])), after: { ...input } })
    return { ok: true as const }
  },
})

export const closeStation = act('closeStation', {
  summary: '暂停开放（写明原因，可设恢复时间）或永久关闭驿站（镇里）；原因经内容安全检查',
  roles: ['town'],
  errors: ['NOT_FOUND', 'CONTENT_REJECTED'],
  onDenied: deniedAtStation,
  async handler({ stationId, mode, reason, until }, ctx) {
    const before = await stationById(stationId)
    if (until && until.getTime() <= ctx.now.getTime()) throw invalid('恢复开放时间应晚于现在', { field: 'until' })
    await checkTexts({ reason }, { openid: ctx.caller.openid, scene: 'profile' })
    const status = mode === 'permanent' ? 'removed' : 'closed'
    const after = { status, closedReason: reason, closedUntil: until ?? null }
    await stations()
      .doc(stationId)
      .update({ data: { ...after, updatedAt: ctx.now, updatedBy: ctx.caller.openid } })
    const was = { status: before.status ?? null, closedReason: before.closedReason ?? null, closedUntil: before.closedUntil ?? null }
    await auditStation(ctx, stationId, { before: was, after })
    return { ok: true as const }
  },
})

export const reopenStation = act('reopenStation', {
  summary: '恢复开放（镇里）',
  roles: ['town'],
  errors: ['NOT_FOUND'],
  onDenied: deniedAtStation,
  async handler({ stationId }, ctx) {
    const before = await stationById(stationId)
    const after = { status: 'open', closedReason: null, closedUntil: null }
    await stations()
      .doc(stationId)
      .update({ data: { ...after, updatedAt: ctx.now, updatedBy: ctx.caller.openid } })
    await auditStation(ctx, stationId, { before: { status: before.status ?? null, closedReason: before.closedReason ?? null }, after })
    return { ok: true as const }
  },
})
