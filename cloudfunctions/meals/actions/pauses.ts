/**
 * No-show pauses: after the canteen's N no-shows (or late cancels) within its window, booking is
 * paused until a date, shown to the rider with the reason; the liaison of one of the rider's groups
 * (or town) can lift it. The active pause lives on the rider's users document as `mealPause`
 * (written only by this function) so that `book` sees it in the router's read of the caller, at no
 * extra cost; lifting it also sets `mealPauseResetAt`, from which strikes count again.
 */
import { type MealPolicy, policyOf } from '../../_domain/meal-rules'
import { mealPauseOf } from '../../_domain/meal-slots'
import { writeAudit } from '../../_lib/audit'
import { _, db, row, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { checkTexts } from '../../_lib/content'
import { notFound, precondition } from '../../_lib/errors'
import { isLiaisonOf, isTown } from '../../_lib/guard'
import { notify } from '../../_lib/notify'
import { displayName } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { addDays, businessDate, DAY_MS, dateTimeText, isoShanghai, shanghaiInstant } from '../../_lib/time'
import { type Doc, dateOrNull, str, strings } from '../../_lib/values'
import { mealsContract } from '../contract'

const act = actionsOf(mealsContract)

/** Count the rider's strikes at this canteen and pause them when the policy says so. Returns whether a pause began. */
export async function evaluatePause(openid: string, canteen: Doc, now: Date, profile?: Doc | null): Promise<boolean> {
  const policy: MealPolicy = policyOf(canteen)
  const user = profile === undefined ? await row(db.collection(COLLECTION.users).where({ _id: openid })) : profile
  if (!user || mealPauseOf(user, now)) return false
  const reset = dateOrNull(user.mealPauseResetAt)?.getTime() ?? 0
  const since = new Date(Math.max(reset + 1, now.getTime() - policy.noShow.windowDays * DAY_MS))
  const struck = await rows(
    db
      .collection(COLLECTION.meal_bookings)
      .where({ openid, canteenId: String(canteen._id), struckAt: _.gte(since) })
      .field({ _id: true })
      .limit(100),
  )
  if (struck.length < policy.noShow.count) return false
  const until = shanghaiInstant(addDays(businessDate(now), policy.noShow.pauseDays + 1), '00:00')
  const reason = `${policy.noShow.windowDays} 天内 ${struck.length} 次预约未取餐`
  await db
    .collection(COLLECTION.users)
    .where({ _id: openid })
    .update({ data: { mealPause: { until, reason, canteenId: String(canteen._id), strikes: struck.length, since: now } } })
  await writeAudit(
    {
      actorOpenid: 'system',
      targetOpenid: openid,
      action: 'mealPause',
      scope: { kind: 'canteen', id: String(canteen._id) },
      outcome: 'applied',
      after: { until, reason },
    },
    now,
  )
  await notify(
    {
      to: openid,
      title: '爱心餐预约已暂停',
      text: `因${reason}，${str(canteen.name, '小哥食堂')}的爱心餐预约暂停到 ${dateTimeText(until)}。有特殊情况可以联系联络员。`,
      page: 'pkg-canteen/mine/index',
    },
    now,
  )
  return true
}

export const listPaused = act('listPaused', {
  summary: '联络员查看本群因爽约被暂停预约爱心餐的小哥（镇里看全部）',
  roles: ['liaison', 'town'],
  async handler(_input, { caller, now }) {
    const where: Doc = { 'mealPause.until': _.gt(now) }
    if (!isTown(caller)) where.groupIds = _.in(caller.liaisonOf)
    const found = await rows(db.collection(COLLECTION.users).where(where).limit(200))
    return {
      riders: found.map((u) => {
        const p = mealPauseOf(u, now)
        return {
          openid: str(u._id),
          nickname: displayName(u),
          until: isoShanghai(p?.until ?? now),
          reason: p?.reason ?? '',
          canteenId: p?.canteenId ?? '',
        }
      }),
    }
  },
})

export const liftPause = act('liftPause', {
  summary: '联络员（小哥所在群的）或镇里解除小哥的爽约暂停，之前的爽约不再计入',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  async scope(input, { caller }) {
    if (isTown(caller)) return true
    const rider = await row(db.collection(COLLECTION.users).where({ _id: input.riderOpenid }))
    if (!rider) throw notFound('没有这个小哥')
    return strings(rider.groupIds).some((g) => isLiaisonOf(caller, g))
  },
  async handler(input, { caller, now }) {
    const rider = await row(db.collection(COLLECTION.users).where({ _id: input.riderOpenid }))
    if (!rider) throw notFound('没有这个小哥')
    const pause = mealPauseOf(rider, now)
    if (!pause) throw precondition('这位小哥现在没有被暂停预约')
    await checkTexts({ note: input.note }, { openid: caller.openid, scene: 'comment' })
    await db
      .collection(COLLECTION.users)
      .where({ _id: input.riderOpenid })
      .update({ data: { mealPause: null, mealPauseResetAt: now } })
    await writeAudit(
      {
        actorOpenid: caller.openid,
        targetOpenid: input.riderOpenid,
        action: 'mealPauseLift',
        scope: { kind: 'canteen', id: pause.canteenId || null },
        outcome: 'applied',
        before: { until: pause.until, reason: pause.reason },
        after: null,
        note: input.note ?? null,
      },
      now,
    )
    await notify(
      {
        to: input.riderOpenid,
        title: '爱心餐预约已恢复',
        text: '联络员已为你恢复爱心餐预约。请按时取餐，来不了记得提前取消。',
        page: 'pages/canteen/index',
      },
      now,
    )
    return { ok: true as const }
  },
})
