/**
 * QR check-in: riders scan the printed code (signed, versioned: checkin-code.ts) once per station
 * per Shanghai hour (unique index); staff print the current code, the town replaces it (the old
 * print is revoked at once) — a new version is audited.
 */

import { openState } from '../../_domain/hours'
import { hoursOf } from '../../_domain/station-view'
import { _ } from '../../_lib/cloud'
import { conflict, denied, invalid, precondition } from '../../_lib/errors'
import { isTown } from '../../_lib/guard'
import { actionsOf } from '../../_lib/router'
import { businessDate, hourKey, weekKey } from '../../_lib/time'
import { isDuplicateKey, num, str, updatedCount } from '../../_lib/values'
import { auditStation, deniedAtStation } from '../audit'
import { checkinSecret, makeCode, readCode } from '../checkin-code'
import { stationsContract } from '../contract'
import { checkins, ridersThisWeek, stationById, stationScope, stations } from '../store'

const act = actionsOf(stationsContract)

export const checkIn = act('checkIn', {
  summary: '扫驿站二维码签到（每人每站每小时一次），用于镇里的统计和以后的公益积分',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  async handler({ code }, { caller, now }) {
    const secret = checkinSecret()
    if (!secret) throw precondition('驿站签到暂未开通')
    const read = readCode(secret, code)
    if (!read) throw invalid('这不是驿站的签到二维码', { field: 'code' })
    const station = await stationById(read.stationId)
    if (num((station.checkin as { version?: unknown } | undefined)?.version, -1) !== read.version)
      throw precondition('这张二维码已作废，请扫描驿站现场的最新二维码')
    if (openState(hoursOf(station), now).closure) throw precondition('驿站暂停开放，暂时不能签到')
    let outcome: 'recorded' | 'already' = 'recorded'
    try {
      await checkins().add({
        data: {
          openid: caller.openid,
          stationId: read.stationId,
          hourKey: hourKey(now),
          date: businessDate(now),
          weekKey: weekKey(now),
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

interface CodeVersion {
  version: number
  issuedOn: string
}

export const issueCheckinCode = act('issueCheckinCode', {
  summary: '驿站签到二维码的内容（打印张贴）；镇里可换新码，旧码随即作废',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONFLICT'],
  scope: stationScope,
  onDenied: deniedAtStation,
  async handler({ stationId, rotate }, ctx) {
    if (rotate && !isTown(ctx.caller)) throw denied('只有镇里可以更换二维码')
    const secret = checkinSecret()
    if (!secret) throw precondition('签到二维码未配置（缺少 STATION_CHECKIN_SECRET）')
    const station = await stationById(stationId)
    const current = (station.checkin ?? null) as CodeVersion | null
    let code = current
    if (!current || rotate) {
      code = { version: (current?.version ?? 0) + 1, issuedOn: businessDate(ctx.now) }
      const guard = current ? { _id: stationId, 'checkin.version': current.version } : { _id: stationId, checkin: _.exists(false) }
      if (
        updatedCount(
          await stations()
            .where(guard)
            .update({ data: { checkin: _.set(code) } }),
        ) !== 1
      )
        throw conflict('二维码刚被更换过，请刷新后再试')
      await auditStation(ctx, stationId, { before: current ? { ...current } : null, after: { ...code } })
    }
    const c = code as CodeVersion
    return {
      stationId,
      stationName: str(station.name),
      code: makeCode(secret, stationId, c.version, c.issuedOn),
      version: c.version,
      issuedOn: c.issuedOn,
    }
  },
})
