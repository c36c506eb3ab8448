/**
 * What the canteen tells people, built on the server within each template keyword's limits
 * (thing ≤ 20 characters, character_string ≤ 32 ASCII, time 'YYYY-MM-DD HH:mm'). Every message is
 * also kept as an in-app notice (_lib/notify). Templates (README "Subscribe message templates"):
 *   mealPlaced     thing1 取餐地点, thing2 保温柜, character_string3 取餐码, time4 保留到
 *   mealCancelled  thing1 食堂, time2 用餐时间, thing3 原因
 */
import { db, rows } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { notify } from '../_lib/notify'
import { clock, dateTimeText } from '../_lib/time'
import { type Doc, dateOrNull, str } from '../_lib/values'

/** A `thing` keyword value: at most 20 characters (code points), never empty. */
export function thing(text: string, fallback = '小哥食堂'): string {
  const chars = [...(text.trim() || fallback)]
  return chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…`
}

const bookingPage = (bookingId: string) => `pkg-canteen/booking/index?bookingId=${bookingId}`

export async function notifyPlaced(b: Doc, canteen: Doc, lockerNo: number, holdUntil: Date, now: Date): Promise<boolean> {
  const name = str(canteen.name, '小哥食堂')
  const { pushed } = await notify(
    {
      to: str(b.openid),
      template: 'mealPlaced',
      text: `你的爱心餐已放进 ${lockerNo} 号保温柜，取餐码 ${str(b.code)}，保留到 ${clock(holdUntil)}。`,
      page: bookingPage(str(b._id)),
      data: {
        thing1: { value: thing(name) },
        thing2: { value: `${lockerNo} 号保温柜` },
        character_string3: { value: str(b.code) },
        time4: { value: dateTimeText(holdUntil) },
      },
    },
    now,
  )
  return pushed
}

export async function notifyBookingCancelled(b: Doc, canteen: Doc, slot: Doc, reason: string, now: Date): Promise<void> {
  const startsAt = dateOrNull(slot.startsAt) ?? now
  await notify(
    {
      to: str(b.openid),
      template: 'mealCancelled',
      text: `${str(canteen.name, '小哥食堂')} ${dateTimeText(startsAt)} 的时段停止预约（${reason}），你的预约已取消，名额已退回，可以改约其他时段。`,
      page: 'pages/canteen/index',
      data: {
        thing1: { value: thing(str(canteen.name)) },
        time2: { value: dateTimeText(startsAt) },
        thing3: { value: thing(reason, '食堂临时调整') },
      },
    },
    now,
  )
}

/** Tell the canteen's staff which meals went past their hold time uncollected (in-app notice). */
export async function notifyUncollected(canteen: Doc, late: Doc[], now: Date): Promise<void> {
  if (!late.length) return
  const staff = await rows(
    db
      .collection(COLLECTION.users)
      .where({ 'staffOf.canteen': str(canteen._id) })
      .field({ _id: true })
      .limit(50),
  )
  const list = late
    .slice(0, 8)
    .map((b) => `${str(b.code)}${typeof b.lockerNo === 'number' ? `（${b.lockerNo} 号柜）` : ''}`)
    .join('、')
  const text = `${late.length} 份爱心餐过了保温时间还没取：${list}${late.length > 8 ? ' 等' : ''}。请在食堂管理里查看，清柜或等小哥来取。`
  for (const s of staff) {
    await notify({ to: str(s._id), title: '有爱心餐超时未取', text, page: `pkg-canteen/console/index?canteenId=${str(canteen._id)}` }, now)
  }
}

/** Tell the rider their meal went uncollected and counted as a no-show. */
export async function notifyNoShow(b: Doc, canteen: Doc, now: Date): Promise<void> {
  await notify(
    {
      to: str(b.openid),
      title: '预约的爱心餐没有取',
      text: `${str(canteen.name, '小哥食堂')} ${str(b.date)} ${str(b.start)} 的爱心餐过了保留时间没有取，记一次未取餐。来不了请提前取消，把名额让给别人。`,
      page: bookingPage(str(b._id)),
    },
    now,
  )
}
