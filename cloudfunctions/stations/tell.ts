/**
 * Telling people about problems: the station's staff and its group's liaison when a rider reports
 * one, every reporter when the staff resolve it. In-app notice always, subscribe message when they
 * subscribed. A failure to notify never fails the action that caused it (it is logged).
 */
import { db, row, rows } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { notify } from '../_lib/notify'
import { dateTimeText } from '../_lib/time'
import { type Doc, str, strings } from '../_lib/values'

async function stationPeople(station: Doc): Promise<Set<string>> {
  const stationId = str(station._id)
  const staff = await rows(db.collection(COLLECTION.users).where({ roles: 'staff', 'staffOf.station': stationId }).limit(10))
  const to = new Set(staff.map((u) => str(u._id)).filter(Boolean))
  if (typeof station.groupId === 'string' && station.groupId) {
    const group = await row(db.collection(COLLECTION.groups).where({ _id: station.groupId }))
    if (group && typeof group.liaisonOpenid === 'string') to.add(group.liaisonOpenid)
  }
  return to
}

export async function tellStation(station: Doc, label: string, now: Date): Promise<void> {
  try {
    const stationId = str(station._id)
    for (const openid of await stationPeople(station)) {
      await notify(
        {
          to: openid,
          template: 'stationProblem',
          text: `${str(station.name)}：${label}（骑手反映，请尽快确认）`,
          page: `pkg-stations/console/index?stationId=${stationId}`,
          data: {
            thing1: { value: str(station.name).slice(0, 20) },
            thing2: { value: label.slice(0, 20) },
            time3: { value: dateTimeText(now) },
          },
        },
        now,
      )
    }
  } catch (err) {
    console.warn('[stations] notifying station staff failed', err)
  }
}

export async function tellReporters(problem: Doc, outcome: 'fixed' | 'dismissed', note: string | undefined, now: Date): Promise<void> {
  const label = str(problem.label)
  const name = str(problem.stationName)
  const said = outcome === 'fixed' ? '已修好，谢谢你' : '经工作人员核实未发现问题'
  for (const openid of strings(problem.reporters).slice(0, 50)) {
    try {
      await notify(
        {
          to: openid,
          template: 'stationProblemResolved',
          text: `你反映的“${name}：${label}”${said}${note ? `（${note}）` : ''}`,
          page: `pkg-stations/detail/index?stationId=${str(problem.stationId)}`,
          data: {
            thing1: { value: name.slice(0, 20) },
            thing2: { value: label.slice(0, 20) },
            phrase3: { value: outcome === 'fixed' ? '已修好' : '未发现问题' },
          },
        },
        now,
      )
    } catch (err) {
      console.warn('[stations] notifying a reporter failed', err)
    }
  }
}
