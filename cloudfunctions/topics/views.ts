/**
 * What the `topics` function answers: the output schemas of its contract (strict objects: a field
 * not declared here fails the local cloud's output check). Pure zod, no SDK; the client imports
 * the types through contract.ts with `import type`.
 */
import { z } from 'zod'
import { CLOCK_STATES } from '../_domain/topic-clock'
import { OUTCOMES, TOPIC_STATUSES, WITHDRAW_KINDS } from '../_domain/topic-status'
import { isoTime, latLng, out } from '../_lib/schema'

export const STANCES = ['support', 'neutral', 'oppose'] as const
export type Stance = (typeof STANCES)[number]
export const STANCE_LABEL: Record<Stance, string> = { support: '支持', neutral: '中立', oppose: '反对' }

/** What a follower may ask to be told about (each one a subscribe message while consents last). */
export const NOTICE_KINDS = ['accepted', 'session', 'answered', 'progress', 'closed', 'overdue'] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

export const TIMELINE_KINDS = [
  'raised',
  'status',
  'threshold',
  'due_extended',
  'overdue',
  'session_changed',
  'milestone',
  'merged_in',
  'hidden',
  'restored',
  'removed',
] as const
export type TimelineKind = (typeof TIMELINE_KINDS)[number]

export const REPORT_REASONS = ['spam', 'abuse', 'false', 'privacy', 'other'] as const
export type ReportReason = (typeof REPORT_REASONS)[number]
export const REPORT_REASON_LABEL: Record<ReportReason, string> = {
  spam: '广告或刷屏',
  abuse: '辱骂、人身攻击',
  false: '内容不实',
  privacy: '泄露他人隐私',
  other: '其他',
}

export const MODERATION_STATES = ['none', 'pending', 'restored', 'removed'] as const

export const categoryView = out({ key: z.string(), label: z.string(), active: z.boolean() })

export const clockView = out({
  state: z
    .enum(CLOCK_STATES)
    .describe('none 未受理；running 计时中；due_today 今天到期；overdue 已逾期；on_time 按期答复；late 逾期后答复'),
  dueDate: z.string().nullable().describe('答复期限（上海日期 YYYY-MM-DD）'),
  text: z.string().nullable().describe('如 还剩 5 天 / 已逾期 2 天 / 按期答复'),
  daysLeft: z.number().int().nullable(),
  daysOverdue: z.number().int().nullable(),
  extendedFrom: z.string().nullable().describe('延期过：原定日期，如 12月1日'),
})

const status = z.enum(TOPIC_STATUSES)

export const topicRow = out({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  status,
  statusLabel: z.string(),
  placeText: z.string().nullable(),
  supportCount: z.number().int(),
  commentCount: z.number().int(),
  createdAt: isoTime,
  authorName: z.string(),
  groupName: z.string().nullable(),
  clock: clockView,
  answerRequired: z.boolean().describe('支持人数已达门槛：须书面答复'),
  outcomeLabel: z.string().nullable().describe('已答复：采纳 / 部分采纳 / 不采纳'),
  photoCount: z.number().int(),
  distanceText: z.string().nullable().describe('按“离我近”排序时：如 350 米'),
  supported: z.boolean().describe('我支持了（我也遇到）'),
  hidden: z.boolean().describe('被举报隐藏、等待审核（只有提出人在“我提的”里看得到）'),
})

export const topicList = out({
  now: isoTime,
  topics: z.array(topicRow),
  cursor: z.string().nullable().describe('下一页的游标；null = 没有更多了'),
  categories: z.array(categoryView).nullable().describe('第一页附带分类（筛选用）'),
  note: z.string().nullable().describe('给小哥的说明，如 只显示标了地图位置的议题'),
})

export const similarTopic = out({
  id: z.string(),
  title: z.string(),
  statusLabel: z.string(),
  supportCount: z.number().int(),
  why: z.string().describe('如 同类、相距 300 米 / 标题相近'),
})

export const timelineEntry = out({
  id: z.string(),
  at: isoTime,
  kind: z.enum(TIMELINE_KINDS),
  status: status.nullable().describe('这一步之后的状态'),
  statusLabel: z.string().nullable(),
  actor: z.string().describe('如 联络员 李敏 / 镇里 / 系统'),
  text: z.string(),
  photos: z.array(z.string()).describe('审核通过的照片链接'),
  photosPending: z.number().int().describe('还在安全检查的照片数（只告诉上传的人和管理者）'),
})

export const sessionView = out({
  at: isoTime,
  place: z.string(),
  seats: z.number().int(),
  signedUp: z.number().int(),
  seatsLeft: z.number().int(),
  checkedIn: z.number().int(),
  code: z.string().nullable().describe('签到码（只给联络员和镇里）'),
})

export const answerView = out({
  outcome: z.enum(OUTCOMES),
  outcomeLabel: z.string(),
  reasoning: z.string(),
  responsible: z.string(),
  at: isoTime,
  by: z.string(),
})

export const withdrawalView = out({
  kind: z.enum(WITHDRAW_KINDS),
  kindLabel: z.string(),
  reason: z.string(),
  mergedInto: out({ id: z.string(), title: z.string() }).nullable(),
})

export const commentView = out({
  id: z.string(),
  parentId: z.string().nullable(),
  authorName: z.string(),
  authorRole: z.enum(['rider', 'liaison', 'town']),
  stance: z.enum(STANCES),
  stanceLabel: z.string(),
  text: z.string().describe('被隐藏或删除时为说明文字'),
  createdAt: isoTime,
  editedAt: isoTime.nullable(),
  mine: z.boolean(),
  editableUntil: isoTime.nullable().describe('自己的评论：10 分钟内可修改'),
  state: z.enum(['shown', 'hidden', 'removed']),
  reported: z.boolean().describe('我举报过'),
})

export const myPart = out({
  isAuthor: z.boolean(),
  supported: z.boolean(),
  following: z.boolean(),
  consents: z.number().int().describe('还能收到几条微信订阅消息（本议题）'),
  kinds: z.array(z.enum(NOTICE_KINDS)),
  signedUp: z.boolean(),
  checkedIn: z.boolean(),
  reported: z.boolean(),
  canSupport: z.boolean(),
  canComment: z.boolean(),
  canReport: z.boolean(),
  canSignUp: z.boolean(),
  canManage: z.boolean().describe('联络员（本群）或镇里：可推进状态、审核'),
  why: z.string().nullable().describe('不能支持或评论时的原因'),
})

export const topicDetail = out({
  ...topicRow.shape,
  description: z.string(),
  place: out({ text: z.string(), point: latLng.nullable() }).nullable(),
  photos: z.array(z.string()),
  photosPending: z.number().int(),
  threshold: z.number().int(),
  followerCount: z.number().int(),
  stance: out({ support: z.number().int(), neutral: z.number().int(), oppose: z.number().int() }),
  session: sessionView.nullable(),
  answer: answerView.nullable(),
  withdrawal: withdrawalView.nullable(),
  mergedFrom: z.array(out({ id: z.string(), title: z.string() })),
  timeline: z.array(timelineEntry),
  me: myPart,
  moves: z.array(status).describe('管理者现在可以推进到的状态'),
  withdrawKinds: z.array(z.enum(WITHDRAW_KINDS)).describe('现在允许的撤回理由（支持达门槛后只能合并重复议题）'),
  moderation: out({ state: z.enum(MODERATION_STATES), note: z.string().nullable() }),
  comments: z.array(commentView),
  commentCursor: z.string().nullable(),
  templates: out({ progress: z.string(), session: z.string(), moderation: z.string() }).describe(
    '订阅消息模板 id（wx.requestSubscribeMessage）',
  ),
  shareTitle: z.string(),
  now: isoTime,
})

export const commentPage = out({ comments: z.array(commentView), cursor: z.string().nullable() })

export const rosterView = out({
  session: sessionView,
  people: z.array(out({ name: z.string(), signedUpAt: isoTime, checkedInAt: isoTime.nullable() })),
})

export const reportedItem = out({
  kind: z.enum(['topic', 'comment']),
  id: z.string(),
  topicId: z.string(),
  topicTitle: z.string(),
  text: z.string(),
  authorName: z.string(),
  hidden: z.boolean(),
  reports: z.number().int(),
  reasons: z.array(out({ reason: z.string(), note: z.string().nullable() })),
  since: isoTime,
})

export const myTopicRole = out({
  canRaise: z.boolean().describe('认证小哥：可以提议题'),
  canManage: z.boolean().describe('联络员或镇里：有议事工作台'),
  isTown: z.boolean(),
  hint: z.string().nullable().describe('不能提议题时，告诉他怎么办'),
  templates: out({ progress: z.string(), session: z.string(), moderation: z.string() }),
})

export const managedRow = out({
  ...topicRow.shape,
  todo: z.string().describe('下一步要做的事，如 受理并定答复期限 / 已逾期，尽快答复'),
  urgent: z.boolean(),
})

/** The counts of the town summary, per month and category and in total. */
const summaryCounts = {
  raised: z.number().int(),
  accepted: z.number().int(),
  answered: z.number().int(),
  done: z.number().int(),
  withdrawn: z.number().int(),
  answeredOnTime: z.number().int(),
  overdueNow: z.number().int(),
}

export const summaryRow = out({
  month: z.string().describe('YYYY-MM（上海）'),
  category: z.string(),
  categoryLabel: z.string(),
  ...summaryCounts,
})

export const townSummary = out({
  months: z.array(z.string()),
  rows: z.array(summaryRow),
  totals: out({ ...summaryCounts, medianDaysToAnswer: z.number().nullable() }),
  shareTitle: z.string(),
  now: isoTime,
})

export const topicConfig = out({ categories: z.array(categoryView), supportThreshold: z.number().int() })

export type TopicRow = z.infer<typeof topicRow>
export type CommentView = z.infer<typeof commentView>
export type TopicList = z.infer<typeof topicList>
export type TopicDetail = z.infer<typeof topicDetail>
export type TimelineEntryView = z.infer<typeof timelineEntry>
export type SessionView = z.infer<typeof sessionView>
export type SimilarTopic = z.infer<typeof similarTopic>
export type ReportedItem = z.infer<typeof reportedItem>
export type ManagedRow = z.infer<typeof managedRow>
export type MyTopicRole = z.infer<typeof myTopicRole>
export type TownSummary = z.infer<typeof townSummary>
export type SummaryRow = z.infer<typeof summaryRow>
export type TopicConfigView = z.infer<typeof topicConfig>
export type RosterView = z.infer<typeof rosterView>
