/**
 * topics — 协商议事: riders raise a problem, others support it (我也遇到) and deliberate in comments,
 * the liaison (their groups) or town accepts it with a public answer date, holds a council session,
 * answers it (采纳 / 部分采纳 / 不采纳, with reasons and who is responsible) and reports the follow-up
 * until it is done; everyone sees the timeline and the clock. One router; actions in actions/*.ts.
 * Actions: listTopics, getTopic, listComments, suggestSimilar, getTopicConfig, townSummary, follow,
 *   unfollow, myTopicRole (anyone); createTopic, support, withdrawSupport, signUp, cancelSignUp, checkInSession,
 *   report (verified riders); comment, editComment (riders, liaisons, town); setStatus,
 *   extendDeadline, addMilestone, updateSession, sessionRoster, moderationQueue, moderate,
 *   managedTopics (the liaison of the topic's group, or town); updateTopicConfig (town);
 *   sweepDeadlines (hourly timer `deadlines`).
 * Guards: photos only from the caller's own `topics/<openid>/` folder, shown to others once their
 *   content check passes; every text others read through msgSecCheck; every status move, deadline
 *   and session change, moderation decision and configuration edit audited with the topic's group
 *   (configuration: town); supports, follows, sign-ups and reports counted once per person by
 *   conditional updates of per-person maps on the topic.
 * Collections: topics, topic_comments, topic_supports, topic_follows, topic_config (rw); groups,
 *   users (read); notifications, media_checks, audit_log (through _lib).
 * Storage: getTempFileURL (photos). Openapi permissions: security.msgSecCheck,
 *   security.mediaCheckAsync, subscribeMessage.send.
 */
import { type ActionTable, createMain } from '../_lib/router'
import { comment, editComment } from './actions/comments'
import { managedTopics, myTopicRole } from './actions/console'
import { getTopic, listComments } from './actions/detail'
import { addMilestone, extendDeadline, setStatus, updateSession } from './actions/lifecycle'
import { listTopics } from './actions/list'
import { moderate, moderationQueue, report } from './actions/moderation'
import { createTopic, suggestSimilar } from './actions/raise'
import { cancelSignUp, checkInSession, sessionRoster, signUp } from './actions/session'
import { follow, support, unfollow, withdrawSupport } from './actions/support'
import { sweepDeadlines } from './actions/timer'
import { getTopicConfig, townSummary, updateTopicConfig } from './actions/town'
import type { topicsContract } from './contract'

export const actions = {
  createTopic,
  suggestSimilar,
  listTopics,
  getTopic,
  listComments,
  support,
  withdrawSupport,
  follow,
  unfollow,
  comment,
  editComment,
  setStatus,
  extendDeadline,
  addMilestone,
  updateSession,
  signUp,
  cancelSignUp,
  checkInSession,
  sessionRoster,
  report,
  moderationQueue,
  moderate,
  myTopicRole,
  managedTopics,
  getTopicConfig,
  updateTopicConfig,
  townSummary,
  sweepDeadlines,
} satisfies ActionTable<typeof topicsContract>

const routed = createMain('topics', actions)

/** The timer's event (`{ Type: 'Timer', TriggerName: 'deadlines', … }`) carries no action: it runs sweepDeadlines (system only). */
export async function main(event: unknown) {
  const e = event as Record<string, unknown> | null
  const timer = e && typeof e === 'object' && !Array.isArray(e) && e.action === undefined && e.Type === 'Timer'
  return routed(timer ? { ...e, action: 'sweepDeadlines' } : event)
}
