/**
 * The rider's actions on a topic page. Before each one whose outcome arrives later, WeChat asks (from
 * the tap, as it requires) whether to send one message about it; what was accepted is passed on so
 * the function counts it for this topic (in the browser preview the local cloud's stand-in records it).
 */
import type { Envelope } from '@cloud/_lib/envelope'
import {
  type ConsentKey,
  cancelSignUp,
  checkInSession,
  follow,
  signUp,
  support,
  type TopicDetail,
  unfollow,
  withdrawSupport,
} from '@/services/topics'
import { askSubscribe } from '@/services/users/subscribe'
import type { SessionActions } from './session-card'
import type { SupportActions } from './support-bar'

type Run = <T>(name: string, call: () => Promise<Envelope<T>>, done?: string) => Promise<T | null>

async function consent(t: TopicDetail, key: ConsentKey): Promise<ConsentKey[]> {
  return (await askSubscribe([t.templates[key]])) ? [key] : []
}

export function useTopicActions(t: TopicDetail | null, run: Run, busy: string | null) {
  const id = t?.id ?? ''
  const supportActions: SupportActions = {
    busy,
    notifyMore: () =>
      t &&
      void consent(t, 'progress').then((ok) =>
        ok.length ? run('follow', () => follow({ topicId: id, accepted: ok }), '好的，下一步进展会发微信通知') : null,
      ),
    support: () => t && void consent(t, 'progress').then((ok) => run('support', () => support(id, ok), '已记上，你也遇到了')),
    withdraw: () => void run('support', () => withdrawSupport(id), '已撤回支持'),
    follow: () =>
      t && void consent(t, 'progress').then((ok) => run('follow', () => follow({ topicId: id, accepted: ok }), '已关注，有进展会告诉你')),
    unfollow: () => void run('follow', () => unfollow(id), '已取消关注'),
  }
  const sessionActions: SessionActions = {
    busy,
    signUp: () => t && void consent(t, 'session').then((ok) => run('session', () => signUp(id, ok), '报名成功')),
    cancel: () => void run('session', () => cancelSignUp(id), '已取消报名'),
    checkIn: (code: string) => void run('session', () => checkInSession(id, code), '签到成功'),
  }
  return { support: supportActions, session: sessionActions }
}
