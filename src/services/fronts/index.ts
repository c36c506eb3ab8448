/**
 * The micro-front (fronts function) from the client — contract: cloudfunctions/fronts/contract.ts.
 * One small function per call; pages import from here, never callFunction directly. Writes that must
 * happen once carry a requestId made here per attempt (a retry of the same attempt reuses it).
 */
import type { ActionName, ParamsOf } from '@cloud/_lib/api'
import { callFunction } from '../cloud'

export type {
  FaqItem,
  FrontSettings,
  FrontView,
  HandoverView,
  MyTermView,
  NoticeCard,
  NoticeCategory,
  NoticeDetail,
  NoticeFigures,
  PhotoView,
  PoolMember,
  QuestionCategory,
  QuestionDetail,
  QuestionItem,
  QuestionState,
  QueueView,
  RosterView,
  SavedReply,
  SwapItem,
  TermView,
  ThreadMessage,
} from '@cloud/fronts/contract'

/** What an action of fronts takes. */
type P<A extends ActionName<'fronts'>> = ParamsOf<'fronts', A>

/** A request id for one attempt of a write (letters, digits and `-`, as the contract asks). */
export function newRequestId(): string {
  const rand = Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  return `r-${Date.now().toString(36)}-${rand}`
}

// the front page, notices
export const getFront = (groupId?: string) => callFunction('fronts', 'getFront', groupId ? { groupId } : {})
export const listNotices = (p: P<'listNotices'> = {}) => callFunction('fronts', 'listNotices', p)
export const getNotice = (noticeId: string) => callFunction('fronts', 'getNotice', { noticeId })
export const ackNotice = (noticeId: string) => callFunction('fronts', 'ackNotice', { noticeId })
export const postNotice = (p: P<'postNotice'>) => callFunction('fronts', 'postNotice', p)
export const editNotice = (p: P<'editNotice'>) => callFunction('fronts', 'editNotice', p)
export const withdrawNotice = (noticeId: string, reason: string) => callFunction('fronts', 'withdrawNotice', { noticeId, reason })
export const pinNotice = (noticeId: string, pinned: boolean) => callFunction('fronts', 'pinNotice', { noticeId, pinned })
export const noticeFigures = (noticeId: string, list: 'unread' | 'pending' | 'acked' = 'unread') =>
  callFunction('fronts', 'noticeFigures', { noticeId, list })
export const subscribeAlerts = (groupId: string, accepted: boolean) => callFunction('fronts', 'subscribeAlerts', { groupId, accepted })

// questions
export const ask = (p: P<'ask'>) => callFunction('fronts', 'ask', p)
export const myQuestions = (cursor?: string) => callFunction('fronts', 'myQuestions', cursor ? { cursor } : {})
export const getQuestion = (questionId: string) => callFunction('fronts', 'getQuestion', { questionId })
export const queue = (p: P<'queue'> = {}) => callFunction('fronts', 'queue', p)
export const answer = (p: P<'answer'>) => callFunction('fronts', 'answer', p)
export const askBack = (questionId: string, text: string) => callFunction('fronts', 'askBack', { questionId, text })
export const reply = (p: P<'reply'>) => callFunction('fronts', 'reply', p)
export const closeQuestion = (questionId: string) => callFunction('fronts', 'closeQuestion', { questionId })
export const markHelpful = (questionId: string, helpful: boolean) => callFunction('fronts', 'markHelpful', { questionId, helpful })
export const listSavedReplies = () => callFunction('fronts', 'listSavedReplies', {})
export const saveReply = (p: P<'saveReply'>) => callFunction('fronts', 'saveReply', p)
export const deleteReply = (id: string) => callFunction('fronts', 'deleteReply', { id })
export const publishFaq = (p: P<'publishFaq'>) => callFunction('fronts', 'publishFaq', p)
export const unpublishFaq = (faqId: string) => callFunction('fronts', 'unpublishFaq', { faqId })
export const listFaq = (groupId?: string) => callFunction('fronts', 'listFaq', groupId ? { groupId } : {})
export const getSettings = (groupId?: string) => callFunction('fronts', 'getSettings', groupId ? { groupId } : {})
export const updateSettings = (p: P<'updateSettings'>) => callFunction('fronts', 'updateSettings', p)

// roster
export const roster = (groupId?: string) => callFunction('fronts', 'roster', groupId ? { groupId } : {})
export const planTerm = (p: P<'planTerm'>) => callFunction('fronts', 'planTerm', p)
export const requestSwap = (p: P<'requestSwap'>) => callFunction('fronts', 'requestSwap', p)
export const respondSwap = (swapId: string, accept: boolean) => callFunction('fronts', 'respondSwap', { swapId, accept })
export const decideSwap = (p: P<'decideSwap'>) => callFunction('fronts', 'decideSwap', p)
export const cancelSwap = (swapId: string) => callFunction('fronts', 'cancelSwap', { swapId })
export const myTerm = (groupId?: string) => callFunction('fronts', 'myTerm', groupId ? { groupId } : {})
export const writeHandover = (p: P<'writeHandover'>) => callFunction('fronts', 'writeHandover', p)
export const confirmHandover = (handoverId: string) => callFunction('fronts', 'confirmHandover', { handoverId })
export const handovers = (groupId?: string) => callFunction('fronts', 'handovers', groupId ? { groupId } : {})
