/** Usage and response times of a station (its staff, the town). */
import { _, db, rows } from '../../_lib/cloud'
import { actionsOf } from '../../_lib/router'
import { businessDate, DAY_MS, dayStart, MINUTE_MS } from '../../_lib/time'
import { str } from '../../_lib/values'
import { type StationStats, stationsContract } from '../contract'
import { ACTIVE, checkins, problems, stationScope } from '../store'

const act = actionsOf(stationsContract)

function median(list: number[]): number | null {
  if (!list.length) return null
  const s = [...list].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return Math.round(s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2)
}

const minutes = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? (b.getTime() - a.getTime()) / MINUTE_MS : null)
const known = (x: number | null): x is number => x !== null

async function perDay(stationId: string, since: Date, days: number) {
  const $ = db.command.aggregate
  const res = (await checkins()
    .aggregate()
    .match({ stationId, at: _.gte(since) })
    .group({ _id: '$date', checkins: $.sum(1), riders: $.addToSet('$openid') })
    .limit(days + 1)
    .end()) as { list: { _id: string; checkins: number; riders: string[] }[] }
  return new Map(res.list.map((d) => [d._id, d]))
}

export const stationStats = act('stationStats', {
  summary: '每日签到人次 / 人数，问题数量和响应时间（确认、处理用时的中位数，分钟）',
  roles: ['staff', 'town'],
  scope: stationScope,
  async handler({ stationId, days = 14 }, { now }) {
    const since = new Date(dayStart(now) - (days - 1) * DAY_MS)
    const [byDate, list] = await Promise.all([
      perDay(stationId, since, days),
      rows(
        problems()
          .where({ stationId, createdAt: _.gte(new Date(now.getTime() - 30 * DAY_MS)) })
          .field({ state: true, createdAt: true, confirmedAt: true, resolvedAt: true })
          .limit(500),
      ),
    ])
    const out: StationStats['days'] = []
    for (let i = days - 1; i >= 0; i--) {
      const date = businessDate(now.getTime() - i * DAY_MS)
      const d = byDate.get(date)
      out.push({ date, checkins: d?.checkins ?? 0, riders: d?.riders.length ?? 0 })
    }
    return {
      stationId,
      days: out,
      problems: {
        total: list.length,
        active: list.filter((p) => ACTIVE.includes(str(p.state))).length,
        medianConfirmMinutes: median(list.map((p) => minutes(p.createdAt, p.confirmedAt)).filter(known)),
        medianResolveMinutes: median(list.map((p) => minutes(p.createdAt, p.resolvedAt)).filter(known)),
      },
    }
  },
})
