/**
 * The notices part of the `fronts` contract: posting, reading (read receipts and 收到), editing,
 * withdrawing, the poster's read figures. Schemas only (zod, no SDK): the client imports the types.
 */
import { z } from 'zod'
import { fileId, instant, isoTime, key, out, requestId, text } from '../_lib/schema'

/** 通知 / 活动 / 安全提醒 / 互助; 安全提醒 also goes as a subscribe message to riders who asked for it. */
export const NOTICE_CATEGORIES = ['notice', 'activity', 'safety', 'mutual'] as const
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number]

export const NOTICE_LIMITS = { title: 40, body: 1000, photos: 3, maxDays: 90, reason: 60 } as const

const category = z.enum(NOTICE_CATEGORIES).describe('notice 通知 / activity 活动 / safety 安全提醒（会发订阅消息）/ mutual 互助')
const title = text(NOTICE_LIMITS.title).min(2, '标题至少 2 个字').describe('标题，2–40 字，经内容安全检查')
const body = text(NOTICE_LIMITS.body).min(2, '正文至少 2 个字').describe('正文，最多 1000 字，经内容安全检查')
const photos = z
  .array(fileId)
  .max(NOTICE_LIMITS.photos, `最多 ${NOTICE_LIMITS.photos} 张照片`)
  .describe('照片：自己上传到 notices/<openid>/ 的文件，审核通过后别人才看得到')

export const postNoticeInput = z
  .object({
    groupId: key,
    title,
    body,
    category,
    pinned: z.boolean().optional().describe('置顶'),
    expiresAt: instant.nullable().optional().describe('到期时间（到期后不再显示在首页和微阵地）；不填 = 不过期'),
    photos: photos.optional(),
    requestId,
  })
  .strict()

export const noticeIdInput = z.object({ noticeId: key }).strict()

export const editNoticeInput = z
  .object({
    noticeId: key,
    title: title.optional(),
    body: body.optional(),
    category: category.optional(),
    pinned: z.boolean().optional(),
    expiresAt: instant.nullable().optional(),
    photos: photos.optional(),
  })
  .strict()
  .refine((v) => Object.entries(v).some(([k, x]) => k !== 'noticeId' && x !== undefined), { message: '没有要修改的内容' })

export const withdrawNoticeInput = z
  .object({
    noticeId: key,
    reason: text(NOTICE_LIMITS.reason).min(2, '请写明撤回原因').describe('撤回原因（群里的人会看到，经内容安全检查）'),
  })
  .strict()

export const pinNoticeInput = z.object({ noticeId: key, pinned: z.boolean() }).strict()

export const listNoticesInput = z
  .object({
    groupId: key.optional().describe('默认当前群'),
    include: z.enum(['live', 'all']).default('live').describe('live 有效的；all 连同过期和撤回的'),
    cursor: z
      .string()
      .regex(/^[\w.:+-]{1,80}$/, '翻页参数不正确')
      .optional(),
  })
  .strict()

export const noticeFiguresInput = z.object({ noticeId: key, list: z.enum(['unread', 'pending', 'acked']).default('unread') }).strict()
export const subscribeAlertsInput = z.object({ groupId: key, accepted: z.boolean().describe('微信订阅弹窗里是否点了允许') }).strict()

// ---- outputs -----------------------------------------------------------------------------------

const author = out({ name: z.string(), role: z.enum(['admin', 'liaison', 'town']) })

export const noticeCard = out({
  id: z.string(),
  groupId: z.string(),
  title: z.string(),
  excerpt: z.string().describe('正文开头'),
  category,
  pinned: z.boolean(),
  createdAt: isoTime,
  expiresAt: isoTime.nullable(),
  state: z.enum(['live', 'expired', 'withdrawn']),
  edited: z.boolean(),
  author,
  readCount: z.number(),
  ackCount: z.number(),
  audience: z.number().describe('发布时群里的人数（不含发布人）'),
  photoCount: z.number(),
  read: z.boolean().nullable().describe('我看过没有（不是群成员时为 null）'),
  acked: z.boolean().nullable(),
})
export type NoticeCard = z.infer<typeof noticeCard>

export const photoView = out({
  fileId: z.string(),
  url: z.string().nullable(),
  checking: z.boolean().describe('还在做安全检查（只有上传的人看得到）'),
})
export type PhotoView = z.infer<typeof photoView>

export const noticeDetail = noticeCard.extend({
  groupName: z.string(),
  body: z.string(),
  photos: z.array(photoView),
  editedAt: isoTime.nullable(),
  editableUntil: isoTime.nullable().describe('作者在此之前可以修改'),
  withdrawn: out({ reason: z.string(), at: isoTime, by: z.string() }).nullable(),
  sharePath: z.string().describe('分享卡片打开的页面'),
  me: out({
    member: z.boolean(),
    isAuthor: z.boolean(),
    canEdit: z.boolean(),
    canWithdraw: z.boolean(),
    canPin: z.boolean(),
    canSeeFigures: z.boolean(),
    alertsTemplate: z.string().describe('安全提醒订阅消息的模板 id'),
  }),
})
export type NoticeDetail = z.infer<typeof noticeDetail>

const person = out({ openid: z.string(), name: z.string(), at: isoTime.nullable() })
export const noticeFigures = out({
  noticeId: z.string(),
  title: z.string(),
  audience: z.number(),
  readCount: z.number(),
  ackCount: z.number(),
  unreadCount: z.number().describe('发布时在群里、还没看的人数'),
  list: z.enum(['unread', 'pending', 'acked']),
  people: z.array(person).describe('unread 没看的人；pending 看了还没点收到的；acked 点了收到的（最多 200 人）'),
  more: z.number().describe('没列出的人数'),
})
export type NoticeFigures = z.infer<typeof noticeFigures>

export const noticeList = out({ items: z.array(noticeCard), nextCursor: z.string().nullable() })
export const postResult = out({
  id: z.string(),
  created: z.boolean().describe('false = 同一个 requestId 已经发过'),
  sharePath: z.string(),
  pushed: z.number(),
})
export const ackResult = out({ acked: z.literal(true), ackCount: z.number(), readCount: z.number() })
