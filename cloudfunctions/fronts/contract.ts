/**
 * Contract of the `fronts` function: each WeChat group's online micro-front (线上微阵地) — the
 * front page, notices by the admin on duty (read receipts, 收到), the duty roster with swaps and
 * handovers, and Q&A with the liaison (queue, saved replies, FAQ). Input AND output schemas of every
 * action, in parts by area (contract-*.ts); the client imports the types with `import type`.
 */
import { z } from 'zod'
import { type ApiOf, defineContract } from '../_lib/contract'
import { isoTime, key, ok, out } from '../_lib/schema'
import {
  ackResult,
  editNoticeInput,
  listNoticesInput,
  noticeCard,
  noticeDetail,
  noticeFigures,
  noticeFiguresInput,
  noticeIdInput,
  noticeList,
  pinNoticeInput,
  postNoticeInput,
  postResult,
  subscribeAlertsInput,
  withdrawNoticeInput,
} from './contract-notices'
import {
  answerInput,
  askBackInput,
  askInput,
  askResult,
  faqIdInput,
  faqItem,
  frontSettings,
  groupIdInput,
  helpfulInput,
  listFaqInput,
  myQuestionsInput,
  publishFaqInput,
  questionDetail,
  questionIdInput,
  questionItem,
  questionMoveResult,
  queueInput,
  queueView,
  replyIdInput,
  replyInput,
  savedReply,
  saveReplyInput,
  updateSettingsInput,
} from './contract-questions'
import {
  decideSwapInput,
  handoverIdInput,
  handoversInput,
  handoverView,
  myTermInput,
  myTermView,
  planTermInput,
  requestSwapInput,
  respondSwapInput,
  rosterView,
  swapIdInput,
  swapItem,
  termView,
  writeHandoverInput,
} from './contract-roster'

export * from './contract-notices'
export * from './contract-questions'
export * from './contract-roster'

export const getFrontInput = z.object({ groupId: key.optional().describe('默认当前群（从群里打开时就是那个群）') }).strict()

export const frontView = out({
  group: out({ id: z.string(), name: z.string(), memberCount: z.number() }),
  liaison: out({ name: z.string() }).nullable(),
  onDuty: z.array(out({ name: z.string() })).describe('现在值班的轮值管理员'),
  nextDuty: out({ names: z.array(z.string()), start: isoTime })
    .nullable()
    .describe('下一班（现在没人值班时）'),
  pinned: z.array(noticeCard),
  recent: z.array(noticeCard),
  faq: z.array(out({ id: z.string(), question: z.string() })),
  faqCount: z.number(),
  stats: out({
    weekMedianReplyMinutes: z.number().nullable().describe('本周首次回复用时的中位数（服务时段内的分钟）'),
    weekAnswered: z.number(),
    answeredTotal: z.number(),
    waitingNow: z.number(),
  }),
  activity: z.array(out({ kind: z.string(), text: z.string(), at: isoTime })).describe('群动态，新的在前'),
  serviceHoursText: z.string(),
  targetMinutes: z.number(),
  me: out({
    member: z.boolean(),
    canPost: z.boolean().describe('值班中的管理员或联络员'),
    isLiaison: z.boolean(),
    isAdmin: z.boolean(),
    onDuty: z.boolean(),
  }),
  templates: out({ alerts: z.string(), answer: z.string(), duty: z.string() }),
})
export type FrontView = z.infer<typeof frontView>

const empty = z.object({}).strict()
const timerEvent = z.object({
  Type: z.string().optional(),
  TriggerName: z.string().optional(),
  Time: z.string().optional(),
  Message: z.string().optional(),
})

export const frontsContract = defineContract({
  getFront: { input: getFrontInput, output: frontView },
  // notices
  postNotice: { input: postNoticeInput, output: postResult },
  getNotice: { input: noticeIdInput, output: noticeDetail },
  ackNotice: { input: noticeIdInput, output: ackResult },
  editNotice: { input: editNoticeInput, output: noticeDetail },
  withdrawNotice: { input: withdrawNoticeInput, output: noticeDetail },
  pinNotice: { input: pinNoticeInput, output: out({ pinned: z.boolean() }) },
  listNotices: { input: listNoticesInput, output: noticeList },
  noticeFigures: { input: noticeFiguresInput, output: noticeFigures },
  subscribeAlerts: { input: subscribeAlertsInput, output: out({ credits: z.number() }) },
  // questions
  ask: { input: askInput, output: askResult },
  myQuestions: { input: myQuestionsInput, output: out({ items: z.array(questionItem), nextCursor: z.string().nullable() }) },
  getQuestion: { input: questionIdInput, output: questionDetail },
  queue: { input: queueInput, output: queueView },
  answer: { input: answerInput, output: questionMoveResult },
  askBack: { input: askBackInput, output: questionMoveResult },
  reply: { input: replyInput, output: questionMoveResult },
  closeQuestion: { input: questionIdInput, output: questionMoveResult },
  markHelpful: { input: helpfulInput, output: out({ helpful: z.boolean() }) },
  listSavedReplies: { input: empty, output: out({ items: z.array(savedReply) }) },
  saveReply: { input: saveReplyInput, output: savedReply },
  deleteReply: { input: replyIdInput, output: ok },
  publishFaq: { input: publishFaqInput, output: faqItem },
  unpublishFaq: { input: faqIdInput, output: ok },
  listFaq: {
    input: listFaqInput,
    output: out({ groupId: z.string(), groupName: z.string(), items: z.array(faqItem), canEdit: z.boolean() }),
  },
  getSettings: { input: groupIdInput, output: frontSettings },
  updateSettings: { input: updateSettingsInput, output: frontSettings },
  // roster
  roster: { input: groupIdInput, output: rosterView },
  planTerm: { input: planTermInput, output: termView },
  requestSwap: { input: requestSwapInput, output: swapItem },
  respondSwap: { input: respondSwapInput, output: swapItem },
  decideSwap: { input: decideSwapInput, output: swapItem },
  cancelSwap: { input: swapIdInput, output: swapItem },
  myTerm: { input: myTermInput, output: myTermView },
  writeHandover: { input: writeHandoverInput, output: handoverView },
  confirmHandover: { input: handoverIdInput, output: handoverView },
  handovers: { input: handoversInput, output: out({ items: z.array(handoverView) }) },
  // timer (every 10 minutes): the day-before duty reminder, questions about to breach their target
  sweep: { input: timerEvent, output: out({ dutyReminders: z.number(), breachWarnings: z.number(), swapsExpired: z.number() }) },
})
export type FrontsApi = ApiOf<typeof frontsContract>
