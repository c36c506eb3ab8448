/**
 * The topic page's data: the topic (one call: topic, timeline, my part, first comments), more
 * comments on demand, and reload after every action (quietly, so the page stays in place).
 */
import { useCallback, useEffect, useState } from 'react'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { type CommentView, getTopic, listComments } from '@/services/topics'

export function useTopic(topicId: string) {
  const fetcher = useCallback(() => getTopic(topicId), [topicId])
  const query = useCloudQuery(fetcher)
  const [more, setMore] = useState<CommentView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const first = query.state.status === 'ready' ? query.state.data : null

  useEffect(() => {
    setMore([])
    setCursor(first?.commentCursor ?? null)
  }, [first])

  const loadMore = async () => {
    if (!cursor || loadingMore) return
    setLoadingMore(true)
    const r = await listComments(topicId, cursor)
    setLoadingMore(false)
    if (!r.ok) return
    setMore((m) => [...m, ...r.data.comments])
    setCursor(r.data.cursor)
  }
  const reload = () => query.reload({ quiet: true })
  const comments = first ? [...first.comments, ...more] : []
  return { state: query.state, retry: () => void query.reload(), reload, comments, cursor, loadMore, loadingMore }
}
