/**
 * Contract of the `topics` function (协商议事): the input schema of every action here, the output
 * schemas in views.ts. Validated by the router, checked by the compiler through `actionsOf`,
 * checked at run time in the local cloud; the client imports the types (`import type` only).
 */
import { z } from 'zod'
import { OUTCOMES, TOPIC_STATUSES, WITHDRAW_KINDS } from '../_domain/topic-status'
import { type ApiOf, defineContract } from '../_lib/contract'
import { dateKey, fileId, instant, key, latLng, ok, out, requestId, text } from '../_lib/schema'
import {
  type categoryView,
  commentPage,
  commentView,
  managedRow,
  myTopicRole,
  NOTICE_KINDS,
  REPORT_REASONS,
  reportedItem,
  rosterView,
  STANCES,
  sessionView,
  similarTopic,
  topicConfig,
  topicDetail,
  topicList,
  townSummary,
} from './views'

export type { Outcome, TopicStatus, WithdrawKind } from '../_domain/topic-status'
export * from './views'

export const MAX_TOPIC_PHOTOS = 6
export const MAX_MILESTONE_PHOTOS = 3

// ---- fields ------------------------------------------------------------------------------------

const topicId = key.describe('议题 id')
const commentId = key.describe('评论 id')
/** A category key from the town's list (topics.getTopicConfig), e.g. traffic, parking. */
export const categoryKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,23}$/, '分类不正确')
  .describe('分类 key（镇里维护的列表，见 getTopicConfig）')
const photos = (max: number, where: string) =>
  z
    .array(fileId)
    .max(max, `最多 ${max} 张照片`)
    .optional()
    .describe(`照片：自己上传到 topics/<openid>/ 的文件（${where}）；审核通过前只有自己和管理者看得到`)
/** The subscribe-message templates the rider just accepted (each one message about this topic). */
const accepted = z
  .array(z.enum(['progress', 'session', 'moderation']))
  .max(3)
  .optional()
  .describe('刚刚在 wx.requestSubscribeMessage 里同意的模板（progress 进展 / session 议事会 / moderation 审核结果），各记一条')
const cursor = z.string().max(400).optional().describe('上一页返回的游标')

export const placeInput = z
  .object({
    text: text(40).min(2, '地点至少 2 个字').describe('地点文字，如 沈梅路秀沿路口（经内容安全检查）'),
    point: latLng.optional().describe('在地图上选的点（可不选）'),
  })
  .strict()

// ---- inputs ------------------------------------------------------------------------------------

export const createTopicInput = z
  .object({
    title: text(30).min(4, '标题至少 4 个字'),
    description: text(500).min(10, '请把情况说清楚，至少 10 个字'),
    category: categoryKey,
    requestId,
    place: placeInput.optional(),
    photos: photos(MAX_TOPIC_PHOTOS, '议题照片'),
    accepted,
    fromQuestionId: key
      .optional()
      .describe('由微阵地的问题转为议题（本群联络员或镇里）：议题属于问题所在的群，记下问题 id，不带提问人；问题已转过就返回原议题'),
  })
  .strict()

export const suggestSimilarInput = z
  .object({ title: text(30).min(2, '标题至少 2 个字'), category: categoryKey.optional(), point: latLng.optional() })
  .strict()

export const LIST_STATUS = [...TOPIC_STATUSES, 'live', 'overdue'] as const
export const LIST_SORTS = ['newest', 'supported', 'near', 'due'] as const

export const listTopicsInput = z
  .object({
    status: z.enum(LIST_STATUS).optional().describe('状态；live = 未结束的；overdue = 已逾期未答复'),
    category: categoryKey.optional(),
    sort: z.enum(LIST_SORTS).optional().describe('newest 最新（默认）；supported 支持最多；near 离我近（需 near）；due 答复期限最近'),
    near: latLng.optional().describe('我的位置（sort = near 时）'),
    q: text(30).optional().describe('搜索词'),
    scope: z.enum(['all', 'mine', 'followed']).optional().describe('mine 我提的；followed 我关注的'),
    cursor,
    limit: z.number().int().min(1).max(30).optional(),
  })
  .strict()

export const topicIdInput = z.object({ topicId }).strict()
/** support / signUp: the topic, and the messages the rider just agreed to receive about it. */
export const withConsentInput = z.object({ topicId, accepted }).strict()

export const listCommentsInput = z.object({ topicId, cursor }).strict()

export const followInput = z
  .object({
    topicId,
    accepted,
    kinds: z.array(z.enum(NOTICE_KINDS)).min(1).max(NOTICE_KINDS.length).optional().describe('想收到哪些进展；默认全部'),
  })
  .strict()

export const commentInput = z
  .object({
    topicId,
    text: text(300).min(2, '评论至少 2 个字'),
    stance: z.enum(STANCES),
    parentId: commentId.optional().describe('回复哪条评论（只能回复一层）'),
    requestId: requestId.optional(),
  })
  .strict()

export const editCommentInput = z.object({ commentId, text: text(300).min(2, '评论至少 2 个字') }).strict()

const sessionFields = {
  at: instant.describe('议事会时间'),
  place: text(40).min(2, '请写明地点'),
  seats: z.number().int().min(1).max(500),
}
export const sessionInput = z.object(sessionFields).strict()

const moves = [
  z.object({ topicId, to: z.literal('accepted'), dueDate: dateKey.describe('答复期限（含当天），明天到 90 天内') }).strict(),
  z.object({ topicId, to: z.literal('deliberating'), session: sessionInput }).strict(),
  z
    .object({
      topicId,
      to: z.literal('answered'),
      outcome: z.enum(OUTCOMES),
      reasoning: text(1000).min(10, '请写明答复理由，至少 10 个字'),
      responsible: text(40).min(2, '请写明负责单位或负责人'),
    })
    .strict(),
  z
    .object({
      topicId,
      to: z.literal('implementing'),
      plan: text(300).min(4, '请写明落实计划'),
      photos: photos(MAX_MILESTONE_PHOTOS, '进展照片'),
    })
    .strict(),
  z
    .object({ topicId, to: z.literal('done'), note: text(300).min(4, '请写明办结情况'), photos: photos(MAX_MILESTONE_PHOTOS, '进展照片') })
    .strict(),
  z
    .object({
      topicId,
      to: z.literal('withdrawn'),
      kind: z.enum(WITHDRAW_KINDS),
      reason: text(300).min(4, '请写明撤回理由'),
      mergeInto: key.optional().describe('重复议题：合并到哪个议题'),
    })
    .strict(),
] as const
export const setStatusInput = z.discriminatedUnion('to', [...moves])
export type SetStatusInput = z.infer<typeof setStatusInput>

export const extendDeadlineInput = z.object({ topicId, dueDate: dateKey, reason: text(200).min(4, '请写明延期理由') }).strict()

export const addMilestoneInput = z
  .object({ topicId, text: text(300).min(4, '请写明进展'), photos: photos(MAX_MILESTONE_PHOTOS, '进展照片') })
  .strict()

export const updateSessionInput = z
  .object({ topicId, ...sessionFields, reason: text(100).min(2, '请写明改动原因') })
  .partial({ at: true, place: true, seats: true })
  .strict()

export const checkInSessionInput = z.object({ topicId, code: z.string().regex(/^\d{6}$/, '签到码是 6 位数字') }).strict()

const target = { kind: z.enum(['topic', 'comment']), id: key }
export const reportInput = z
  .object({ ...target, reason: z.enum(REPORT_REASONS), note: text(100).optional().describe('补充说明（给联络员看，经内容安全检查）') })
  .strict()
export const moderateInput = z
  .object({ ...target, decision: z.enum(['restore', 'remove']), reason: text(100).min(2, '请写明理由（会告诉作者）') })
  .strict()

export const managedTopicsInput = z.object({ view: z.enum(['todo', 'all']).optional(), cursor }).strict()

export const updateTopicConfigInput = z
  .object({
    categories: z
      .array(
        z
          .object({
            key: categoryKey.optional().describe('已有分类的 key；新分类不填'),
            label: text(8).min(2, '分类名 2–8 个字'),
            active: z.boolean(),
          })
          .strict(),
      )
      .min(1)
      .max(20)
      .optional(),
    supportThreshold: z.number().int().min(2).max(1000).optional().describe('支持达到这个人数，须书面答复（对之后提出的议题）'),
  })
  .strict()

export const townSummaryInput = z
  .object({ months: z.number().int().min(1).max(12).optional(), groupId: key.optional().describe('只看一个群') })
  .strict()

// ---- the contract --------------------------------------------------------------------------------

const supportResult = out({ supported: z.boolean(), supportCount: z.number().int(), answerRequired: z.boolean() })
const followResult = out({ following: z.boolean(), consents: z.number().int() })
const seatResult = out({ signedUp: z.boolean(), seatsLeft: z.number().int() })

export const topicsContract = defineContract({
  createTopic: { input: createTopicInput, output: out({ id: z.string(), created: z.boolean(), status: z.enum(TOPIC_STATUSES) }) },
  suggestSimilar: { input: suggestSimilarInput, output: out({ similar: z.array(similarTopic) }) },
  listTopics: { input: listTopicsInput, output: topicList },
  getTopic: { input: topicIdInput, output: topicDetail },
  listComments: { input: listCommentsInput, output: commentPage },
  support: { input: withConsentInput, output: supportResult },
  withdrawSupport: { input: topicIdInput, output: supportResult },
  follow: { input: followInput, output: followResult },
  unfollow: { input: topicIdInput, output: followResult },
  comment: { input: commentInput, output: commentView },
  editComment: { input: editCommentInput, output: commentView },
  setStatus: { input: setStatusInput, output: out({ status: z.enum(TOPIC_STATUSES), told: z.number().int() }) },
  extendDeadline: { input: extendDeadlineInput, output: ok },
  addMilestone: { input: addMilestoneInput, output: ok },
  updateSession: { input: updateSessionInput, output: sessionView },
  signUp: { input: withConsentInput, output: seatResult },
  cancelSignUp: { input: topicIdInput, output: seatResult },
  checkInSession: { input: checkInSessionInput, output: out({ checkedIn: z.boolean(), checkedInCount: z.number().int() }) },
  sessionRoster: { input: topicIdInput, output: rosterView },
  report: { input: reportInput, output: out({ reported: z.boolean(), hidden: z.boolean() }) },
  moderationQueue: { input: z.object({}).strict(), output: out({ items: z.array(reportedItem) }) },
  moderate: { input: moderateInput, output: ok },
  myTopicRole: { input: z.object({}).strict(), output: myTopicRole },
  managedTopics: {
    input: managedTopicsInput,
    output: out({ topics: z.array(managedRow), cursor: z.string().nullable(), isTown: z.boolean() }),
  },
  getTopicConfig: { input: z.object({}).strict(), output: topicConfig },
  updateTopicConfig: { input: updateTopicConfigInput, output: topicConfig },
  townSummary: { input: townSummaryInput, output: townSummary },
  sweepDeadlines: { input: z.object({}).passthrough(), output: out({ overdue: z.number().int(), reminded: z.number().int() }) },
})

export type TopicsApi = ApiOf<typeof topicsContract>

export type CategoryView = z.infer<typeof categoryView>
