/**
 * The Q&A part of the `fronts` contract: a rider asks the group's liaison; the liaison's queue by
 * waiting time with a first-reply target inside service hours; answers, asking back (the clock
 * pauses), closing, "helpful"; saved replies; the group's FAQ (asker anonymised); the settings.
 */
import { z } from 'zod'
import { fileId, isoTime, key, out, requestId, text } from '../_lib/schema'

export const QUESTION_CATEGORIES = ['rights', 'insurance', 'membership', 'services', 'traffic', 'help', 'other'] as const
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number]

/** waiting = 等联络员回复（计时）；rider = 等骑手补充（暂停）；answered = 已回复；closed = 已结束 */
export const QUESTION_STATES = ['waiting', 'rider', 'answered', 'closed'] as const
export type QuestionState = (typeof QUESTION_STATES)[number]

export const QUESTION_LIMITS = { text: 500, message: 800, photos: 3, thread: 40, savedReplies: 50 } as const

const photos = z
  .array(fileId)
  .max(QUESTION_LIMITS.photos, `最多 ${QUESTION_LIMITS.photos} 张照片`)
  .describe('照片：自己上传到 questions/<openid>/ 的文件')
const message = text(QUESTION_LIMITS.message).min(1, '请写点内容')

export const askInput = z
  .object({
    groupId: key.optional().describe('问哪个群的联络员；默认当前群'),
    text: text(QUESTION_LIMITS.text).min(4, '请把问题说清楚，至少 4 个字').describe('问题，只有你、本群联络员和值班管理员看得到'),
    category: z.enum(QUESTION_CATEGORIES).default('other'),
    photos: photos.optional(),
    requestId,
  })
  .strict()

export const questionIdInput = z.object({ questionId: key }).strict()
export const answerInput = z
  .object({
    questionId: key,
    text: message.describe('回答（提问人会收到通知），经内容安全检查'),
    savedReplyId: key.optional().describe('用了哪条常用回复（计次数）'),
    close: z.boolean().optional().describe('回答后直接结束这个问题'),
  })
  .strict()
export const askBackInput = z.object({ questionId: key, text: message.describe('想请骑手补充的内容（等待期间不计时）') }).strict()
export const replyInput = z.object({ questionId: key, text: message, photos: photos.optional() }).strict()
export const helpfulInput = z.object({ questionId: key, helpful: z.boolean() }).strict()
export const cursorInput = z
  .string()
  .regex(/^[\w.:+-]{1,80}$/, '翻页参数不正确')
  .optional()
export const myQuestionsInput = z.object({ cursor: cursorInput }).strict()
export const queueInput = z
  .object({
    groupId: key.optional().describe('默认当前群'),
    view: z.enum(QUESTION_STATES).default('waiting').describe('waiting 等回复（按等待时间）；rider 等骑手补充；answered；closed'),
    cursor: cursorInput,
  })
  .strict()

export const saveReplyInput = z
  .object({
    id: key.optional().describe('改哪一条；不填 = 新建'),
    title: text(20).min(1, '请起个短名字'),
    text: text(QUESTION_LIMITS.message).min(2, '内容至少 2 个字'),
  })
  .strict()
export const replyIdInput = z.object({ id: key }).strict()

export const publishFaqInput = z
  .object({
    questionId: key,
    question: text(120).min(4, '问题至少 4 个字').describe('整理后的问题（不写提问人；提问人的昵称会被自动去掉）'),
    answer: text(QUESTION_LIMITS.message).min(4, '回答至少 4 个字'),
  })
  .strict()
export const faqIdInput = z.object({ faqId: key }).strict()
export const listFaqInput = z.object({ groupId: key.optional() }).strict()

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为 HH:mm')
export const serviceHoursSchema = z
  .object({ days: z.array(z.number().int().min(1).max(7)).min(1, '至少选一天').max(7), open: hhmm, close: hhmm })
  .strict()
  .refine((h) => h.open < h.close, { message: '结束时间要晚于开始时间', path: ['close'] })
export type ServiceHours = z.infer<typeof serviceHoursSchema>

const checklist = z.array(text(40).min(1, '清单项不能为空')).max(12, '清单最多 12 项')
export const updateSettingsInput = z
  .object({
    groupId: key,
    serviceHours: serviceHoursSchema.optional(),
    replyTargetMinutes: z
      .number()
      .int()
      .min(15)
      .max(24 * 60)
      .optional()
      .describe('首次回复目标（服务时段内的分钟数）'),
    editWindowMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .optional()
      .describe('公告发布后多久内可以修改'),
    dutyChecklist: checklist.optional().describe('值班要做的事'),
    handoverChecklist: checklist.optional().describe('交班清单'),
  })
  .strict()
  .refine((v) => Object.entries(v).some(([k, x]) => k !== 'groupId' && x !== undefined), { message: '没有要修改的内容' })
export const groupIdInput = z.object({ groupId: key.optional().describe('默认当前群') }).strict()

// ---- outputs -----------------------------------------------------------------------------------

const photoView = out({ fileId: z.string(), url: z.string().nullable(), checking: z.boolean() })
export const due = z
  .enum(['ok', 'soon', 'breached'])
  .nullable()
  .describe('首次回复：ok 还来得及；soon 快超时；breached 已超时；null 不计时')

export const questionItem = out({
  id: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  category: z.enum(QUESTION_CATEGORIES),
  excerpt: z.string(),
  askerName: z.string().nullable().describe('只有联络员和值班管理员看得到'),
  state: z.enum(QUESTION_STATES),
  createdAt: isoTime,
  updatedAt: isoTime,
  waitingMinutes: z.number().describe('服务时段内已经等了多少分钟（等骑手补充的时间不算）'),
  dueAt: isoTime.nullable(),
  due,
  firstReplyMinutes: z.number().nullable(),
  newReply: z.boolean().describe('提问人还没看的新回复'),
  photoCount: z.number(),
})
export type QuestionItem = z.infer<typeof questionItem>

export const threadMessage = out({
  id: z.string(),
  by: z.enum(['rider', 'liaison']),
  kind: z.enum(['answer', 'askBack', 'reply', 'close']),
  text: z.string(),
  photos: z.array(photoView),
  authorName: z.string(),
  at: isoTime,
})
export type ThreadMessage = z.infer<typeof threadMessage>

export const questionDetail = questionItem.extend({
  text: z.string(),
  photos: z.array(photoView),
  thread: z.array(threadMessage),
  helpful: z.boolean().nullable(),
  faqId: z.string().nullable(),
  topicId: z.string().nullable(),
  targetMinutes: z.number(),
  serviceHoursText: z.string(),
  me: out({
    isAsker: z.boolean(),
    canAnswer: z.boolean(),
    canReply: z.boolean(),
    canClose: z.boolean(),
    canMarkHelpful: z.boolean(),
    canPublishFaq: z.boolean(),
    canRaiseTopic: z.boolean().describe('本群联络员或镇里，且还没有转为议题：可以“转为议题”（topics.createTopic 带 fromQuestionId）'),
    answerTemplate: z.string().describe('“有回复时通知我”订阅消息模板 id'),
  }),
})
export type QuestionDetail = z.infer<typeof questionDetail>

export const queueView = out({
  groupId: z.string(),
  groupName: z.string(),
  view: z.enum(QUESTION_STATES),
  counts: out({ waiting: z.number(), rider: z.number(), soon: z.number(), breached: z.number() }),
  targetMinutes: z.number(),
  serviceHoursText: z.string(),
  inServiceNow: z.boolean(),
  questionTemplate: z.string().describe('“问题快超时时提醒我”订阅消息模板 id'),
  items: z.array(questionItem),
  nextCursor: z.string().nullable(),
})
export type QueueView = z.infer<typeof queueView>

export const savedReply = out({ id: z.string(), title: z.string(), text: z.string(), uses: z.number(), updatedAt: isoTime })
export type SavedReply = z.infer<typeof savedReply>

export const faqItem = out({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  category: z.enum(QUESTION_CATEGORIES),
  publishedAt: isoTime,
})
export type FaqItem = z.infer<typeof faqItem>

export const frontSettings = out({
  groupId: z.string(),
  serviceHours: out({ days: z.array(z.number()), open: z.string(), close: z.string() }),
  serviceHoursText: z.string(),
  replyTargetMinutes: z.number(),
  editWindowMinutes: z.number(),
  dutyChecklist: z.array(z.string()),
  handoverChecklist: z.array(z.string()),
})
export type FrontSettings = z.infer<typeof frontSettings>

export const questionMoveResult = out({ id: z.string(), state: z.enum(QUESTION_STATES) })
export const askResult = out({ id: z.string(), created: z.boolean(), state: z.enum(QUESTION_STATES), dueAt: isoTime.nullable() })
