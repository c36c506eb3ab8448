/**
 * The roster part of the `fronts` contract: the group's rotating administrators (1+X), their terms
 * (built on the duty periods of users: one period per admin, a term = the periods sharing a start
 * and an end), swaps approved by the liaison, the handover from one term to the next, "my term".
 */
import { z } from 'zod'
import { instant, isoTime, key, out, text } from '../_lib/schema'

export const ROSTER_LIMITS = { adminsPerTerm: 5, note: 500, items: 12 } as const

export const planTermInput = z
  .object({
    groupId: key,
    start: instant,
    end: instant,
    admins: z
      .array(key)
      .min(1, '至少安排一位')
      .max(ROSTER_LIMITS.adminsPerTerm, `一班最多 ${ROSTER_LIMITS.adminsPerTerm} 位`)
      .describe('这一班的轮值管理员（本群已认证的成员，第一次安排即任命为管理员）'),
  })
  .strict()
  .refine((v) => v.start.getTime() < v.end.getTime(), { message: '结束时间要晚于开始时间', path: ['end'] })
  .refine((v) => new Set(v.admins).size === v.admins.length, { message: '同一个人选了两次', path: ['admins'] })

export const requestSwapInput = z
  .object({
    periodId: key.describe('我要换出去的值班时段'),
    toOpenid: key.describe('和谁换（本群的轮值管理员）'),
    theirPeriodId: key.optional().describe('换对方的哪一班；不填 = 请对方代班'),
    note: text(60).optional().describe('说明（对方和联络员看得到，经内容安全检查）'),
  })
  .strict()
export const swapIdInput = z.object({ swapId: key }).strict()
export const respondSwapInput = z.object({ swapId: key, accept: z.boolean() }).strict()
export const decideSwapInput = z
  .object({ swapId: key, approve: z.boolean(), reason: text(60).optional().describe('不批准的原因（经内容安全检查）') })
  .strict()
export const myTermInput = z.object({ groupId: key.optional().describe('默认当前群') }).strict()
export const writeHandoverInput = z
  .object({
    groupId: key,
    note: text(ROSTER_LIMITS.note).describe('交接说明（下一班和联络员看得到，经内容安全检查）'),
    items: z
      .array(out({ text: text(40).min(1, '清单项不能为空'), done: z.boolean() }))
      .max(ROSTER_LIMITS.items, `清单最多 ${ROSTER_LIMITS.items} 项`),
    submit: z.boolean().describe('true = 交班（通知下一班）；false = 先存草稿'),
  })
  .strict()
export const handoverIdInput = z.object({ handoverId: key }).strict()
export const handoversInput = z.object({ groupId: key.optional().describe('默认当前群') }).strict()

// ---- outputs -----------------------------------------------------------------------------------

export const dutyAdmin = out({ openid: z.string(), name: z.string(), periodId: z.string() })
export const termView = out({
  key: z.string(),
  start: isoTime,
  end: isoTime,
  current: z.boolean(),
  ended: z.boolean(),
  admins: z.array(dutyAdmin),
})
export type TermView = z.infer<typeof termView>

const span = out({ periodId: z.string(), start: isoTime, end: isoTime })
export const SWAP_STATES = ['proposed', 'accepted', 'approved', 'rejected', 'declined', 'cancelled', 'expired'] as const
export const swapItem = out({
  id: z.string(),
  groupId: z.string(),
  state: z.enum(SWAP_STATES),
  from: out({ openid: z.string(), name: z.string() }),
  to: out({ openid: z.string(), name: z.string() }),
  give: span.describe('发起人换出去的一班'),
  take: span.nullable().describe('换回来的对方那一班；null = 对方代班'),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: isoTime,
  decidedAt: isoTime.nullable(),
})
export type SwapItem = z.infer<typeof swapItem>

export const poolMember = out({
  openid: z.string(),
  name: z.string(),
  onDuty: z.boolean(),
  nextStart: isoTime.nullable(),
  servedTerms: z.number(),
})
export type PoolMember = z.infer<typeof poolMember>

export const rosterView = out({
  groupId: z.string(),
  groupName: z.string(),
  onDutyNow: z.array(dutyAdmin),
  terms: z.array(termView).describe('现在和以后的班，加最近结束的几班；早的在前'),
  pool: z.array(poolMember).describe('本群的轮值管理员（只有联络员看得到）'),
  swaps: z.array(swapItem).describe('等联络员批准的换班（只有联络员看得到）'),
  canEdit: z.boolean(),
})
export type RosterView = z.infer<typeof rosterView>

export const handoverView = out({
  id: z.string(),
  groupId: z.string(),
  startAt: isoTime.describe('接班时刻'),
  from: z.array(z.string()).describe('交班的人'),
  to: z.array(z.string()).describe('接班的人'),
  note: z.string(),
  items: z.array(out({ text: z.string(), done: z.boolean() })),
  state: z.enum(['draft', 'handed', 'confirmed']),
  handedAt: isoTime.nullable(),
  confirmedAt: isoTime.nullable(),
  confirmedBy: z.string().nullable(),
})
export type HandoverView = z.infer<typeof handoverView>

export const myTermView = out({
  openid: z.string().describe('我自己（看换班是我发起的还是别人请我的）'),
  groupId: z.string(),
  groupName: z.string(),
  isAdmin: z.boolean(),
  onDuty: z.boolean(),
  current: termView.nullable().describe('我正在值的班'),
  next: termView.nullable().describe('我下一次值班'),
  after: termView.nullable().describe('我这一班之后接班的人'),
  todo: z.array(z.string()).describe('值班要做的事（联络员设置）'),
  handoverIn: handoverView.nullable().describe('上一班交给我的'),
  handoverOut: handoverView.nullable().describe('我写给下一班的'),
  handoverChecklist: z.array(z.string()),
  swaps: z.array(swapItem).describe('和我有关、还没办完的换班'),
  myPeriods: z.array(span).describe('我以后的班（发起换班用）'),
  postedThisTerm: z.number(),
  dutyTemplate: z.string().describe('值班提醒订阅消息模板 id'),
})
export type MyTermView = z.infer<typeof myTermView>
