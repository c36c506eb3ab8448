/**
 * The hourly timer (config.json trigger `deadlines`): an accepted topic whose answer date has
 * passed gets, once, a public timeline entry "已超过答复期限，尚未答复" and its followers and liaison
 * are told; when the date is today or tomorrow the liaison is reminded, once. The clock itself is computed at read
 * time (a list is right even if the timer is late); the timer only adds the record and the messages.
 */

import { monthDay } from '../../_domain/topic-clock'
import { AWAITING_ANSWER } from '../../_domain/topic-status'
import { _, rows } from '../../_lib/cloud'
import { notify } from '../../_lib/notify'
import { actionsOf } from '../../_lib/router'
import { addDays, businessDate, shanghaiInstant } from '../../_lib/time'
import { type Doc, str, updatedCount } from '../../_lib/values'
import { topicsContract } from '../contract'
import { entry } from '../lifecycle'
import { groupInfo } from '../people'
import { topics } from '../store'
import { clip, tellFollowers, topicPage } from '../tell'

const act = actionsOf(topicsContract)
const SYSTEM = { openid: '', name: '系统', role: 'system' as const }
const BATCH = 100

async function tellLiaison(doc: Doc, title: string, text: string, now: Date): Promise<void> {
  const liaison = (await groupInfo(str(doc.groupId) || null))?.liaisonOpenid
  if (liaison) await notify({ to: liaison, title, text, page: topicPage(str(doc._id)) }, now)
}

async function markOverdue(now: Date): Promise<number> {
  const due = await rows(
    topics()
      .where({ status: _.in([...AWAITING_ANSWER]), dueAt: _.lte(now), overdueMarkedAt: null })
      .limit(BATCH),
  )
  let marked = 0
  for (const doc of due) {
    const date = str(doc.dueDate)
    const text = `已超过答复期限（${monthDay(date)}），尚未答复`
    const won = updatedCount(
      await topics()
        .where({ _id: doc._id, status: doc.status, overdueMarkedAt: null, dueDate: date })
        .update({ data: { overdueMarkedAt: now, timeline: _.push([entry('overdue', null, SYSTEM, text, now)]) } }),
    )
    if (!won) continue
    marked++
    try {
      await tellFollowers(doc, { kind: 'overdue', phrase: '已逾期', text: `${monthDay(date)}前应答复` }, now)
      await tellLiaison(doc, '议题已逾期', `《${clip(str(doc.title), 30)}》${text}，请尽快答复`, now)
    } catch (err) {
      console.warn('[topics] overdue notices failed', err)
    }
  }
  return marked
}

/** Due today or tomorrow (Shanghai): the liaison is reminded once. */
async function remindDueTomorrow(now: Date): Promise<number> {
  const dayAfterTomorrow = shanghaiInstant(addDays(businessDate(now), 2), '00:00')
  const soon = await rows(
    topics()
      .where({ status: _.in([...AWAITING_ANSWER]), dueAt: _.and(_.gt(now), _.lte(dayAfterTomorrow)), reminderSentAt: null })
      .limit(BATCH),
  )
  let reminded = 0
  for (const doc of soon) {
    const won = updatedCount(
      await topics()
        .where({ _id: doc._id, reminderSentAt: null })
        .update({ data: { reminderSentAt: now } }),
    )
    if (!won) continue
    reminded++
    await tellLiaison(doc, '议题快到答复期限', `《${clip(str(doc.title), 30)}》${monthDay(str(doc.dueDate))}前要答复`, now).catch(
      (err: unknown) => console.warn('[topics] reminder failed', err),
    )
  }
  return reminded
}

export const sweepDeadlines = act('sweepDeadlines', {
  summary: '定时（每小时）：过了答复期限的议题记入公开时间线并通知；快到期的提醒联络员',
  roles: ['system'],
  allowSystem: true,
  async handler(_input, { now }) {
    return { overdue: await markOverdue(now), reminded: await remindDueTomorrow(now) }
  },
})
