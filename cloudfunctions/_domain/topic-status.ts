/**
 * The statuses of a consultation topic (协商议事) and their Chinese names, defined once for the
 * `topics` function and 首页 (`home`). The moves between them (who, when, what each requires) are
 * in cloudfunctions/topics/lifecycle.ts.
 *
 *   submitted 已提交 → accepted 已受理 (answer due by a date: the public clock starts)
 *     → deliberating 议事中 (a council session) → answered 已答复 (采纳 / 部分采纳 / 不采纳)
 *     → implementing 落实中 (milestones) → done 已完成
 *   submitted | accepted | deliberating → withdrawn 已撤回 (duplicate → merged, not feasible, already solved)
 *   answered (不采纳) → done
 */
export const TOPIC_STATUSES = ['submitted', 'accepted', 'deliberating', 'answered', 'implementing', 'done', 'withdrawn'] as const
export type TopicStatus = (typeof TOPIC_STATUSES)[number]

export const STATUS_LABEL: Record<TopicStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  deliberating: '议事中',
  answered: '已答复',
  implementing: '落实中',
  done: '已完成',
  withdrawn: '已撤回',
}

/** Still live: riders may support, follow and comment. */
export const LIVE_STATUSES: readonly TopicStatus[] = ['submitted', 'accepted', 'deliberating', 'answered', 'implementing']
/** Closed for good. */
export const CLOSED_STATUSES: readonly TopicStatus[] = ['done', 'withdrawn']
/** The answer is owed: the clock runs from 已受理 until 已答复. */
export const AWAITING_ANSWER: readonly TopicStatus[] = ['accepted', 'deliberating']

export const OUTCOMES = ['adopted', 'partial', 'rejected'] as const
export type Outcome = (typeof OUTCOMES)[number]
export const OUTCOME_LABEL: Record<Outcome, string> = { adopted: '采纳', partial: '部分采纳', rejected: '不采纳' }

export const WITHDRAW_KINDS = ['duplicate', 'not_feasible', 'solved'] as const
export type WithdrawKind = (typeof WITHDRAW_KINDS)[number]
export const WITHDRAW_LABEL: Record<WithdrawKind, string> = { duplicate: '重复议题', not_feasible: '暂不具备条件', solved: '问题已解决' }

export const isTopicStatus = (v: unknown): v is TopicStatus => typeof v === 'string' && (TOPIC_STATUSES as readonly string[]).includes(v)
export const statusOf = (v: unknown): TopicStatus => (isTopicStatus(v) ? v : 'submitted')
export const isOutcome = (v: unknown): v is Outcome => typeof v === 'string' && (OUTCOMES as readonly string[]).includes(v)
