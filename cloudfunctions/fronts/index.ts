/**
 * fronts — each WeChat group's online micro-front (线上微阵地, the "1+X" model: one liaison, X rotating
 * administrators). One router; the actions live in actions/*.ts by area.
 *
 *   front      getFront (members of the group, its liaison, town)
 *   notices    postNotice (admin on duty, liaison, town); getNotice, ackNotice, listNotices,
 *              subscribeAlerts (members); editNotice, withdrawNotice, pinNotice (author still on duty,
 *              liaison); noticeFigures (author, liaison, admin on duty)
 *   questions  ask, myQuestions, getQuestion, reply, closeQuestion, markHelpful (the asker; questions are
 *              private to the asker, the liaison and the admin on duty); queue (liaison, admin on duty);
 *              answer, askBack (liaison); saved replies (liaison's own); FAQ (liaison publishes, members
 *              read); settings (liaison)
 *   roster     roster (members); planTerm, decideSwap, handovers (liaison); requestSwap, respondSwap,
 *              cancelSwap, writeHandover, confirmHandover (admins); myTerm (members)
 *   timer      sweep every 10 minutes: the day-before duty reminder, questions about to breach their
 *              first-reply target, lapsed swaps
 * Guards: every group-scoped action checks membership (or the liaison's group) on the server, never a
 * group id's word; photos only from the caller's own notices/ or questions/ folder, shown once their
 * check passes; every text others read passes msgSecCheck; privileged changes and refused attempts
 * are audited with the group's scope. Writes that must not double (a notice per requestId, a read and
 * a 收到 per rider per notice, a question per requestId) are unique records plus conditional updates.
 * Collections: notices, notice_reads, notice_audience, questions, saved_replies, faq, front_alerts,
 * duty_swaps, duty_handovers, front_marks (rw); groups (its `front` part rw); users (duty periods rw,
 * through _domain/front-duty in transactions); media_checks, audit_log, notifications.
 * Openapi permissions: security.msgSecCheck, security.mediaCheckAsync, subscribeMessage.send.
 */
import { type ActionTable, createMain } from '../_lib/router'
import { listFaq, publishFaq, unpublishFaq } from './actions/faq'
import { getFront } from './actions/front'
import { confirmHandover, handoversList, writeHandover } from './actions/handover'
import { myTerm } from './actions/my-term'
import { editNotice, pinNotice, withdrawNotice } from './actions/notices-edit'
import { noticeFigures } from './actions/notices-figures'
import { postNotice, subscribeAlerts } from './actions/notices-post'
import { ackNotice, getNotice, listNotices } from './actions/notices-read'
import { answer, askBack, queue } from './actions/questions-liaison'
import { ask, closeQuestion, getQuestion, markHelpful, myQuestions, reply } from './actions/questions-rider'
import { deleteReply, listSavedReplies, saveReply } from './actions/replies'
import { planTerm, roster } from './actions/roster'
import { getSettings, updateSettings } from './actions/settings'
import { cancelSwap, decideSwap, requestSwap, respondSwap } from './actions/swaps'
import { sweep } from './actions/sweep'
import type { frontsContract } from './contract'

export const actions = {
  getFront,
  postNotice,
  getNotice,
  ackNotice,
  editNotice,
  withdrawNotice,
  pinNotice,
  listNotices,
  noticeFigures,
  subscribeAlerts,
  ask,
  myQuestions,
  getQuestion,
  queue,
  answer,
  askBack,
  reply,
  closeQuestion,
  markHelpful,
  listSavedReplies,
  saveReply,
  deleteReply,
  publishFaq,
  unpublishFaq,
  listFaq,
  getSettings,
  updateSettings,
  roster,
  planTerm,
  requestSwap,
  respondSwap,
  decideSwap,
  cancelSwap,
  myTerm,
  writeHandover,
  confirmHandover,
  handovers: handoversList,
  sweep,
} satisfies ActionTable<typeof frontsContract>

const routed = createMain('fronts', actions)

/** A timer's event (`{ Type: 'Timer', TriggerName: 'sweep', … }`) carries no action: it runs `sweep` (system only). */
export async function main(event: unknown) {
  const e = event as Record<string, unknown> | null
  const timer = e && typeof e === 'object' && !Array.isArray(e) && e.action === undefined && e.Type === 'Timer'
  return routed(timer ? { ...e, action: 'sweep' } : event)
}
