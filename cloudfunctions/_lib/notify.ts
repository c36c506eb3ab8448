/**
 * Telling someone something: always an in-app notice (collection `notifications`, shown in 我的),
 * plus a WeChat subscribe message when they have subscribed to that template (a one-time
 * subscription is spent per send; without one WeChat answers 43101 and we rely on the in-app one).
 * Template ids are configured here, in one place; the real ids come from the mini-program console
 * (README: "Subscribe message templates"). Needs the openapi permission `subscribeMessage.send`
 * in the calling function's config.json.
 */
import { cloud, db } from './cloud'
import { COLLECTION } from './collections'

export interface TemplateSpec {
  /** The template id from the WeChat console; override per deployment with env SUBSCRIBE_TEMPLATE_<KEY>. */
  id: string
  /** Title shown in the in-app notice list. */
  title: string
}

/** Keys are stable names used in code; add one per kind of message. */
export const SUBSCRIBE_TEMPLATES = {
  verificationResult: { id: 'tmpl-verification-result', title: '认证结果通知' },
  stationProblem: { id: 'tmpl-station-problem', title: '驿站问题提醒' },
  stationProblemResolved: { id: 'tmpl-station-problem-resolved', title: '问题处理结果' },
  // 微阵地 (fronts): thing1 标题, thing2 群, time3 发布时间 — a 安全提醒 to riders who asked for them
  frontAlert: { id: 'tmpl-front-alert', title: '群安全提醒' },
  // thing1 问题, phrase2 进展（已回复 / 请补充 / 已结束）, thing3 回复人 — to the rider who asked
  frontAnswer: { id: 'tmpl-front-answer', title: '问题回复通知' },
  // thing1 群, time2 开始时间, thing3 说明 — to an admin: the term starts tomorrow, or was planned or swapped
  frontDuty: { id: 'tmpl-front-duty', title: '值班提醒' },
  // thing1 问题, time2 提问时间, phrase3 状态（快超时）— to the liaison
  frontQuestion: { id: 'tmpl-front-question', title: '待回复提醒' },
  // 协商议事 (topics): thing1 议题, phrase2 进展, thing3 说明, time4 时间
  topicProgress: { id: 'tmpl-topic-progress', title: '议题进展通知' },
  // thing1 议题, time2 议事会时间, thing3 地点
  topicSession: { id: 'tmpl-topic-session', title: '议事会提醒' },
  // thing1 内容, phrase2 结果, thing3 理由
  topicModeration: { id: 'tmpl-topic-moderation', title: '内容审核结果' },
  // 小哥食堂 (meals): the meal is in a heated locker; a booked slot was closed by the canteen.
  mealPlaced: { id: 'tmpl-meal-placed', title: '取餐提醒' },
  mealCancelled: { id: 'tmpl-meal-cancelled', title: '预约取消通知' },
} as const satisfies Record<string, TemplateSpec>

export type TemplateKey = keyof typeof SUBSCRIBE_TEMPLATES

export function templateId(key: TemplateKey): string {
  return process.env[`SUBSCRIBE_TEMPLATE_${key.toUpperCase()}`] || SUBSCRIBE_TEMPLATES[key].id
}

export interface NotifyInput {
  to: string
  /** The subscribe-message template; without one the notice is kept in the app only. */
  template?: TemplateKey
  /** The in-app title when there is no template. */
  title?: string
  /** Short Chinese text for the in-app notice. */
  text: string
  /** Mini-program page to open, e.g. 'pages/me/index'. */
  page: string
  /** Template keyword data, e.g. { thing1: { value: '...' } }. Values must fit the template's limits. */
  data?: Record<string, { value: string }>
}

/** Returns whether a WeChat subscribe message went out (the in-app notice is always stored). */
export async function notify(input: NotifyInput, now = new Date()): Promise<{ pushed: boolean }> {
  const template = input.template
  const pushed = template
    ? await cloud.openapi.subscribeMessage
        .send({ touser: input.to, templateId: templateId(template), page: input.page, data: input.data ?? {}, miniprogramState: 'formal' })
        .then(() => true)
        .catch((err: { errCode?: number }) => {
          // 43101: the user has not subscribed (or spent the subscription). Anything else is logged.
          if (err?.errCode !== 43101) console.warn('[notify] subscribeMessage.send failed', err?.errCode ?? err)
          return false
        })
    : false
  await db.collection(COLLECTION.notifications).add({
    data: {
      openid: input.to,
      template: template ?? null,
      title: template ? SUBSCRIBE_TEMPLATES[template].title : (input.title ?? '通知'),
      text: input.text,
      page: input.page,
      pushed,
      read: false,
      createdAt: now,
    },
  })
  return { pushed }
}
