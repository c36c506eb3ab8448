/**
 * 安全提醒 as WeChat subscribe messages: only to riders who said yes (each yes on WeChat's consent
 * sheet is good for one message, so each is one credit here), spending one credit per message.
 * The notice itself is always on the group's front; the message is the push.
 */
import { _, db, rows } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { notify } from '../_lib/notify'
import { dateTimeText } from '../_lib/time'
import { type Doc, isDuplicateKey, num, str, updatedCount } from '../_lib/values'
import { sharePathOf } from './present-notice'

const alerts = () => db.collection(COLLECTION.front_alerts)
/** WeChat keeps at most this many one-time consents per template for a person (we never ask more often). */
export const MAX_CREDITS = 20
/** Messages sent inline by one post (a bigger group's rest would go by the timer; 500 riders rarely all consent). */
const PER_POST = 200

const alertId = (groupId: string, openid: string) => `${groupId}:${openid}`

export async function addAlertCredit(groupId: string, openid: string, now: Date): Promise<number> {
  const id = alertId(groupId, openid)
  for (let attempt = 0; attempt < 3; attempt++) {
    if (
      updatedCount(
        await alerts()
          .where({ _id: id, credits: _.lt(MAX_CREDITS) })
          .update({ data: { credits: _.inc(1), updatedAt: now } }),
      ) === 1
    )
      break
    try {
      await alerts().add({ data: { _id: id, groupId, openid, credits: 1, updatedAt: now } })
      break
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      const held = await rows(alerts().where({ _id: id }).limit(1))
      if (num(held[0]?.credits) >= MAX_CREDITS) break
    }
  }
  return alertCredits(groupId, openid)
}

export async function alertCredits(groupId: string, openid: string): Promise<number> {
  const held = await rows(
    alerts()
      .where({ _id: alertId(groupId, openid) })
      .limit(1),
  )
  return num(held[0]?.credits)
}

/** Send the 安全提醒 to every consenting member except the author; returns how many went out. */
export async function sendAlerts(notice: Doc, groupName: string, now: Date): Promise<number> {
  const groupId = str(notice.groupId)
  const holders = await rows(
    alerts()
      .where({ groupId, credits: _.gt(0) })
      .limit(PER_POST),
  )
  let pushed = 0
  for (const h of holders) {
    const openid = str(h.openid)
    if (!openid || openid === str(notice.authorOpenid)) continue
    // spend the credit first: two posts at once never spend one consent twice
    if (
      updatedCount(
        await alerts()
          .where({ _id: str(h._id), credits: _.gt(0) })
          .update({ data: { credits: _.inc(-1) } }),
      ) !== 1
    )
      continue
    const res = await notify(
      {
        to: openid,
        template: 'frontAlert',
        text: `安全提醒：${str(notice.title)}`,
        page: sharePathOf(str(notice._id)),
        data: {
          thing1: { value: str(notice.title).slice(0, 20) },
          thing2: { value: groupName.slice(0, 20) },
          time3: { value: dateTimeText(now) },
        },
      },
      now,
    ).catch((err) => {
      console.warn('[fronts] alert not sent', err)
      return { pushed: false }
    })
    if (res.pushed) pushed++
  }
  return pushed
}
