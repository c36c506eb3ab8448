/**
 * The timer (every 10 minutes, Asia/Shanghai): remind admins the evening before their term starts
 * (or at once when it starts within three hours and nobody has reminded them), warn the liaison of
 * questions about to breach (or past) their first-reply target, let swaps lapse whose term began.
 * Each reminder happens once: a unique mark in `front_marks` is written before telling anyone.
 */
import { _, rows } from '../../_lib/cloud'
import { dutyPeriodsOf } from '../../_lib/duty'
import { actionsOf } from '../../_lib/router'
import { businessDate, DAY_MS, dateTimeText, dayStart, HOUR_MS, minuteOfDay } from '../../_lib/time'
import { isDuplicateKey, str, strings, updatedCount } from '../../_lib/values'
import { frontsContract } from '../contract'
import { dueOf } from '../question-model'
import { frontOf, groupsOfIds, marks, questions, swaps, users } from '../store'
import { QUESTION_PAGE, TERM_PAGE, tell, tellAdmin, tellInApp, thing } from '../tell'

const act = actionsOf(frontsContract)
const EVENING = 18 * 60

/** Write the mark `id`; false when it was already there (someone did it before). */
async function markOnce(id: string, now: Date): Promise<boolean> {
  try {
    await marks().add({ data: { _id: id, at: now } })
    return true
  } catch (err) {
    if (isDuplicateKey(err)) return false
    throw err
  }
}

async function dutyReminders(now: Date): Promise<number> {
  const horizon = new Date(dayStart(now) + 2 * DAY_MS)
  // someone with a period starting after now and one (checked below: the same) before the horizon
  const people = await rows(
    users()
      .where(_.and([{ dutyPeriods: _.elemMatch({ start: _.gt(now) }) }, { 'dutyPeriods.start': _.lt(horizon) }]))
      .limit(500),
  )
  const tomorrow = businessDate(now.getTime() + DAY_MS)
  const groups = await groupsOfIds(people.flatMap((u) => strings(u.adminOf)))
  let sent = 0
  for (const u of people) {
    for (const p of dutyPeriodsOf(u)) {
      if (!strings(u.adminOf).includes(p.groupId) || p.start <= now || p.start >= horizon) continue
      const soon = p.start.getTime() - now.getTime() <= 3 * HOUR_MS
      const eveningBefore = minuteOfDay(now) >= EVENING && businessDate(p.start) === tomorrow
      if (!soon && !eveningBefore) continue
      if (!(await markOnce(`remind-${p.id}-${p.start.getTime()}`, now))) continue
      const name = str(groups.get(p.groupId)?.name, '小哥群')
      const when = soon ? `${dateTimeText(p.start).slice(11)} 起` : `明天 ${dateTimeText(p.start).slice(11)} 起`
      await tellAdmin(
        str(u._id),
        name,
        p.start,
        soon ? '马上开始值班' : '明天开始值班',
        `${when}你在“${name}”值班。上一班的交接和值班要做的事在「我的值班」里。`,
        now,
      )
      sent++
    }
  }
  return sent
}

async function breachWarnings(now: Date): Promise<number> {
  const list = await rows(
    questions()
      .where({ state: 'waiting', dueAt: _.lte(new Date(now.getTime() + 12 * HOUR_MS)) })
      .orderBy('dueAt', 'asc')
      .limit(500),
  )
  const groups = await groupsOfIds(list.map((q) => str(q.groupId)))
  let sent = 0
  for (const q of list) {
    const group = groups.get(str(q.groupId))
    const { serviceHours, replyTargetMinutes } = frontOf(group).settings
    const due = dueOf(q, now, serviceHours, replyTargetMinutes)
    const liaison = str(group?.liaisonOpenid)
    if ((due !== 'soon' && due !== 'breached') || !liaison) continue
    if (!(await markOnce(`due-${str(q._id)}-${(q.dueAt as Date).getTime()}`, now))) continue
    await tell(
      {
        to: liaison,
        template: 'frontQuestion',
        text: `${due === 'breached' ? '已超过' : '快到'}首次回复时间：“${thing(str(q.text))}”（${str(q.askerName)}）`,
        page: `${QUESTION_PAGE}?id=${str(q._id)}`,
        data: {
          thing1: { value: thing(str(q.text)) },
          time2: { value: dateTimeText(q.createdAt as Date) },
          phrase3: { value: due === 'breached' ? '已超时' : '快超时' },
        },
      },
      now,
    )
    sent++
  }
  return sent
}

async function lapseSwaps(now: Date): Promise<number> {
  const stale = await rows(
    swaps()
      .where({ state: _.in(['proposed', 'accepted']), 'give.start': _.lte(now) })
      .limit(200),
  )
  let n = 0
  for (const s of stale) {
    const res = await swaps()
      .where({ _id: str(s._id), state: _.in(['proposed', 'accepted']) })
      .update({ data: { state: 'expired', decidedAt: now } })
    if (updatedCount(res) !== 1) continue
    n++
    await tellInApp(str(s.fromOpenid), '换班已失效', '要换的班已经开始了，这次换班没有生效', TERM_PAGE, now)
  }
  return n
}

export const sweep = act('sweep', {
  summary: '定时任务（每 10 分钟）：值班前一晚提醒轮值管理员，快超时的问题提醒联络员，过期的换班作废；每件事只做一次',
  roles: ['system'],
  allowSystem: true,
  async handler(_input, { now }) {
    const [dutyReminders_, breachWarnings_, swapsExpired] = [await dutyReminders(now), await breachWarnings(now), await lapseSwaps(now)]
    return { dutyReminders: dutyReminders_, breachWarnings: breachWarnings_, swapsExpired }
  },
})
