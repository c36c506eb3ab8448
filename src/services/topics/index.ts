/**
 * The topics function from the client (contract: cloudfunctions/topics/contract.ts). One small
 * function per call; pages import from here, never callFunction directly. Writes that must happen
 * once carry a `requestId` made here (kept by the page across retries of the same form).
 */
import type { ParamsOf } from '@cloud/_lib/api'
import type { Envelope } from '@cloud/_lib/envelope'
import type { CommentView, TopicDetail, TopicList } from '@cloud/topics/contract'
import { callFunction } from '../cloud'

export type {
  CategoryView,
  CommentView,
  ManagedRow,
  MyTopicRole,
  ReportedItem,
  RosterView,
  SessionView,
  SimilarTopic,
  SummaryRow,
  TimelineEntryView,
  TopicConfigView,
  TopicDetail,
  TopicList,
  TopicRow,
  TopicStatus,
  TownSummary,
} from '@cloud/topics/contract'

export type ListParams = ParamsOf<'topics', 'listTopics'>
export type CreateParams = ParamsOf<'topics', 'createTopic'>
export type MoveParams = ParamsOf<'topics', 'setStatus'>
export type ConsentKey = 'progress' | 'session' | 'moderation'

/** A client id that makes a retried write happen once (8–64 of [A-Za-z0-9_-]). */
export function newRequestId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

export const listTopics = (params: ListParams): Promise<Envelope<TopicList>> => callFunction('topics', 'listTopics', params)
export const getTopic = (topicId: string): Promise<Envelope<TopicDetail>> => callFunction('topics', 'getTopic', { topicId })
export const listComments = (topicId: string, cursor: string) => callFunction('topics', 'listComments', { topicId, cursor })
export const myTopicRole = () => callFunction('topics', 'myTopicRole', {})
export const getTopicConfig = () => callFunction('topics', 'getTopicConfig', {})

export const createTopic = (params: CreateParams) => callFunction('topics', 'createTopic', params)
export const suggestSimilar = (params: ParamsOf<'topics', 'suggestSimilar'>) => callFunction('topics', 'suggestSimilar', params)

export const support = (topicId: string, accepted: ConsentKey[] = []) => callFunction('topics', 'support', { topicId, accepted })
export const withdrawSupport = (topicId: string) => callFunction('topics', 'withdrawSupport', { topicId })
export const follow = (params: ParamsOf<'topics', 'follow'>) => callFunction('topics', 'follow', params)
export const unfollow = (topicId: string) => callFunction('topics', 'unfollow', { topicId })

export const comment = (params: ParamsOf<'topics', 'comment'>): Promise<Envelope<CommentView>> => callFunction('topics', 'comment', params)
export const editComment = (commentId: string, text: string) => callFunction('topics', 'editComment', { commentId, text })
export const report = (params: ParamsOf<'topics', 'report'>) => callFunction('topics', 'report', params)

export const signUp = (topicId: string, accepted: ConsentKey[] = []) => callFunction('topics', 'signUp', { topicId, accepted })
export const cancelSignUp = (topicId: string) => callFunction('topics', 'cancelSignUp', { topicId })
export const checkInSession = (topicId: string, code: string) => callFunction('topics', 'checkInSession', { topicId, code })

// ---- the liaison and town ----------------------------------------------------------------------
export const setStatus = (params: MoveParams) => callFunction('topics', 'setStatus', params)
export const extendDeadline = (params: ParamsOf<'topics', 'extendDeadline'>) => callFunction('topics', 'extendDeadline', params)
export const addMilestone = (params: ParamsOf<'topics', 'addMilestone'>) => callFunction('topics', 'addMilestone', params)
export const updateSession = (params: ParamsOf<'topics', 'updateSession'>) => callFunction('topics', 'updateSession', params)
export const sessionRoster = (topicId: string) => callFunction('topics', 'sessionRoster', { topicId })
export const managedTopics = (params: ParamsOf<'topics', 'managedTopics'> = {}) => callFunction('topics', 'managedTopics', params)
export const moderationQueue = () => callFunction('topics', 'moderationQueue', {})
export const moderate = (params: ParamsOf<'topics', 'moderate'>) => callFunction('topics', 'moderate', params)
export const updateTopicConfig = (params: ParamsOf<'topics', 'updateTopicConfig'>) => callFunction('topics', 'updateTopicConfig', params)
export const townSummary = (params: ParamsOf<'topics', 'townSummary'> = {}) => callFunction('topics', 'townSummary', params)
