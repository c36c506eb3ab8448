/**
 * Telling people about the micro-front: an in-app notice always, a WeChat subscribe message when
 * they consented (template data built here, within the keyword limits: thing ≤ 20 characters,
 * phrase ≤ 5). A failure to tell never fails the action that caused it (it is logged).
 */
import { type NotifyInput, notify } from '../_lib/notify'
import { dateTimeText } from '../_lib/time'
import { type Doc, str } from '../_lib/values'

/** At most 20 characters (a template `thing`). */
export const thing = (s: string): string => {
  const flat = s.replace(/\s+/g, ' ').trim()
  return flat.length > 20 ? `${flat.slice(0, 19)}…` : flat || '—'
}

export const QUESTION_PAGE = 'pkg-front/question/index'
export const TERM_PAGE = 'pkg-front/term/index'
export const ROSTER_PAGE = 'pkg-front/roster/index'

export async function tell(input: NotifyInput, now: Date): Promise<boolean> {
  try {
    return (await notify(input, now)).pushed
  } catch (err) {
    console.warn('[fronts] could not tell', input.to, err)
    return false
  }
}

const PROGRESS = {
  answer: ['已回复', '回复了你的问题'],
  askBack: ['请补充', '想请你补充一点情况'],
  close: ['已结束', '结束了你的问题'],
} as const

/** The asker: the liaison answered, asked back, or closed their question. */
export function tellAsker(q: Doc, kind: keyof typeof PROGRESS, byName: string, now: Date): Promise<boolean> {
  const [phrase, said] = PROGRESS[kind]
  return tell(
    {
      to: str(q.askerOpenid),
      template: 'frontAnswer',
      text: `联络员${byName}${said}：“${thing(str(q.text))}”`,
      page: `${QUESTION_PAGE}?id=${str(q._id)}`,
      data: { thing1: { value: thing(str(q.text)) }, phrase2: { value: phrase }, thing3: { value: thing(byName) } },
    },
    now,
  )
}

/** An admin about their duty: `what` in a few words (明天开始值班 / 你被安排值班 / 换班已批准). */
export function tellAdmin(openid: string, groupName: string, start: Date, what: string, text: string, now: Date): Promise<boolean> {
  return tell(
    {
      to: openid,
      template: 'frontDuty',
      text,
      page: TERM_PAGE,
      data: { thing1: { value: thing(groupName) }, time2: { value: dateTimeText(start) }, thing3: { value: thing(what) } },
    },
    now,
  )
}

/** In the app only (swap requests, handovers): no template. */
export function tellInApp(openid: string, title: string, text: string, page: string, now: Date): Promise<boolean> {
  return tell({ to: openid, title, text, page }, now)
}
