/**
 * The town's part: the categories and the support threshold (town edits them; a renamed category
 * is renamed on its topics; categories are never deleted, only stopped), and the public summary —
 * raised → accepted → answered → done per month and category, answers on time, overdue now —
 * that anyone can open and share into a group.
 */
import { AWAITING_ANSWER } from '../../_domain/topic-status'
import { _, db, rows } from '../../_lib/cloud'
import { checkTexts } from '../../_lib/content'
import { invalid } from '../../_lib/errors'
import { newId } from '../../_lib/ids'
import { actionsOf } from '../../_lib/router'
import { businessDate, DAY_MS, isoShanghai } from '../../_lib/time'
import { type Doc, dateOrNull, num, str } from '../../_lib/values'
import { auditTown, deniedInTown } from '../audit'
import { type SummaryRow, topicsContract } from '../contract'
import { type Category, CONFIG_ID, categoryLabel, configs, loadConfig, rememberConfig, topics } from '../store'

const act = actionsOf(topicsContract)

export const getTopicConfig = act('getTopicConfig', {
  summary: '议事设置：分类列表（含已停用的）和须书面答复的支持门槛',
  roles: ['anyone'],
  openidOnly: true,
  handler: async (_input, { now }) => loadConfig(now),
})

function nextCategories(before: Category[], wanted: { key?: string; label: string; active: boolean }[]): Category[] {
  const known = new Set(before.map((c) => c.key))
  const next = wanted.map((c) => {
    if (c.key && !known.has(c.key)) throw invalid('没有这个分类', { field: 'categories' })
    return { key: c.key ?? newId('c_'), label: c.label, active: c.active }
  })
  for (const k of known)
    if (!next.some((c) => c.key === k)) throw invalid('分类不能删除（已有议题在用），可以停用', { field: 'categories' })
  if (new Set(next.map((c) => c.key)).size !== next.length) throw invalid('分类重复了', { field: 'categories' })
  if (new Set(next.map((c) => c.label)).size !== next.length) throw invalid('分类名重复了', { field: 'categories' })
  if (!next.some((c) => c.active)) throw invalid('至少要留一个在用的分类', { field: 'categories' })
  return next
}

export const updateTopicConfig = act('updateTopicConfig', {
  summary: '镇里修改议事设置：分类（改名、新增、停用）和须书面答复的支持门槛（对之后提出的议题）；记入审计',
  roles: ['town'],
  errors: ['CONTENT_REJECTED'],
  onDenied: deniedInTown,
  async handler(input, ctx) {
    const { caller, now } = ctx
    const before = await loadConfig(now, true)
    const categories = input.categories ? nextCategories(before.categories, input.categories) : before.categories
    if (input.categories)
      await checkTexts({ labels: categories.map((c) => c.label).join('、') }, { openid: caller.openid, scene: 'profile' })
    const config = { categories, supportThreshold: input.supportThreshold ?? before.supportThreshold }
    await configs()
      .doc(CONFIG_ID)
      .set({ data: { ...config, updatedAt: now, updatedBy: caller.openid } })
    for (const c of categories) {
      const was = before.categories.find((b) => b.key === c.key)
      if (was && was.label !== c.label)
        await topics()
          .where({ category: c.key })
          .update({ data: { categoryLabel: c.label } })
    }
    rememberConfig(config, now)
    await auditTown(ctx, { before: { ...before }, after: { ...config } })
    return config
  },
})

/** YYYY-MM of the last `n` Shanghai months, oldest first. */
export function lastMonths(now: Date, n: number): string[] {
  const [y, m] = businessDate(now).split('-').map(Number)
  return Array.from({ length: n }, (_v, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i)
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`
  })
}

const COUNTS = ['raised', 'accepted', 'answered', 'done', 'withdrawn', 'answeredOnTime', 'overdueNow'] as const

function groupStage(now: Date): Doc {
  const $ = db.command.aggregate
  // set and not null (a missing field counts as null: $ifNull)
  const has = (f: string) => $.neq([$.ifNull([`$${f}`, null]), null])
  const one = (cond: unknown) => $.sum($.cond([cond, 1, 0]))
  return {
    _id: { m: '$monthKey', c: '$category' },
    raised: $.sum(1),
    accepted: one(has('acceptedAt')),
    answered: one(has('answeredAt')),
    done: one($.eq(['$status', 'done'])),
    withdrawn: one($.eq(['$status', 'withdrawn'])),
    answeredOnTime: one($.and([has('answeredAt'), has('dueAt'), $.lt(['$answeredAt', '$dueAt'])])),
    overdueNow: one($.and([$.in(['$status', [...AWAITING_ANSWER]]), has('dueAt'), $.lte(['$dueAt', now])])),
  }
}

export const townSummary = act('townSummary', {
  summary: '全镇议事汇总（公开，可分享到群）：每月每类 提出 → 受理 → 答复 → 完成，按期答复、逾期未答复、答复用时中位数',
  roles: ['anyone'],
  openidOnly: true,
  async handler({ months: n = 6, groupId }, { now }) {
    const months = lastMonths(now, n)
    const match: Doc = { monthKey: _.in(months), moderation: _.neq('removed'), ...(groupId ? { groupId } : {}) }
    const [grouped, answered, config] = await Promise.all([
      topics().aggregate().match(match).group(groupStage(now)).limit(1000).end() as Promise<{ list: Doc[] }>,
      rows(
        topics()
          .where({ ...match, answeredAt: _.gt(new Date(0)), acceptedAt: _.gt(new Date(0)) })
          .field({ acceptedAt: true, answeredAt: true })
          .limit(1000),
      ),
      loadConfig(now),
    ])
    const rowsOut: SummaryRow[] = grouped.list
      .map((g) => {
        const id = (g._id ?? {}) as Doc
        const counts = Object.fromEntries(COUNTS.map((k) => [k, num(g[k])])) as Record<(typeof COUNTS)[number], number>
        return { month: str(id.m), category: str(id.c), categoryLabel: categoryLabel(config, str(id.c)), ...counts }
      })
      .sort((a, b) => a.month.localeCompare(b.month) || b.raised - a.raised)
    const totals = Object.fromEntries(COUNTS.map((k) => [k, rowsOut.reduce((s, r) => s + r[k], 0)])) as Record<
      (typeof COUNTS)[number],
      number
    >
    const days = answered
      .map((d) => ((dateOrNull(d.answeredAt)?.getTime() ?? 0) - (dateOrNull(d.acceptedAt)?.getTime() ?? 0)) / DAY_MS)
      .filter((x) => x >= 0)
      .sort((a, b) => a - b)
    const median = days.length ? Math.round(days[Math.floor((days.length - 1) / 2)] * 10) / 10 : null
    const title = `近 ${n} 个月：小哥提出 ${totals.raised} 件，已答复 ${totals.answered} 件，已办结 ${totals.done} 件`
    return { months, rows: rowsOut, totals: { ...totals, medianDaysToAnswer: median }, shareTitle: title, now: isoShanghai(now) }
  },
})
