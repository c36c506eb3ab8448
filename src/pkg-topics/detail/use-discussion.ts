/**
 * The discussion's state on the topic page: what is being written (a comment, a reply, an edit),
 * what is being reported (the topic or a comment), and sending them — each comment once (a
 * requestId per draft, kept if sending fails and is tried again).
 */
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { type CommentView, comment, editComment, newRequestId, report } from '@/services/topics'
import type { Draft, Stance } from './composer'
import type { Reason } from './report-panel'

export interface ReportTarget {
  kind: 'topic' | 'comment'
  id: string
  what: string
}

type Run = <T>(name: string, call: () => Promise<import('@cloud/_lib/envelope').Envelope<T>>, done?: string) => Promise<T | null>

const scrollTo = (selector: string) => setTimeout(() => void Taro.pageScrollTo({ selector, duration: 200 }).catch(() => undefined), 50)

export function useDiscussion(topicId: string, run: Run) {
  const [draft, setDraft] = useState<Draft>({ replyTo: null, editing: null })
  const [reporting, setReporting] = useState<ReportTarget | null>(null)
  const requestId = useRef(newRequestId())

  const send = async (text: string, stance: Stance): Promise<boolean> => {
    if (draft.editing) {
      const id = draft.editing.id
      const done = await run('comment', () => editComment(id, text), '已保存')
      if (done) setDraft({ replyTo: null, editing: null })
      return Boolean(done)
    }
    const parentId = draft.replyTo?.id
    const done = await run(
      'comment',
      () => comment({ topicId, text, stance, requestId: requestId.current, ...(parentId ? { parentId } : {}) }),
      '已发表',
    )
    if (done) {
      requestId.current = newRequestId()
      setDraft({ replyTo: null, editing: null })
    }
    return Boolean(done)
  }

  const sendReport = async (reason: Reason, note: string) => {
    if (!reporting) return
    const target = reporting
    const done = await run('report', () => report({ kind: target.kind, id: target.id, reason, ...(note ? { note } : {}) }))
    if (done) {
      setReporting(null)
      void Taro.showToast({ title: done.hidden ? '已举报，内容已先隐藏' : '已举报，谢谢你', icon: 'none', duration: 2500 })
    }
  }

  return {
    draft,
    reporting,
    send,
    sendReport,
    cancelDraft: () => setDraft({ replyTo: null, editing: null }),
    cancelReport: () => setReporting(null),
    reply: (c: CommentView) => {
      setDraft({ replyTo: c, editing: null })
      scrollTo('#composer')
    },
    edit: (c: CommentView) => {
      setDraft({ replyTo: null, editing: c })
      scrollTo('#composer')
    },
    reportComment: (c: CommentView) => {
      setReporting({ kind: 'comment', id: c.id, what: `${c.authorName}的评论` })
      scrollTo('#report-panel')
    },
    reportTopic: () => {
      setReporting({ kind: 'topic', id: topicId, what: '这个议题' })
      scrollTo('#report-panel')
    },
  }
}
