/**
 * Load one cloud call for a page: loading → ready | error, with `reload` for 重试 and
 * pull-down refresh. Only the latest call's answer is kept.
 */

import type { AppErrorBody, Envelope } from '@cloud/_lib/envelope'
import { useCallback, useEffect, useRef, useState } from 'react'

export type QueryState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: AppErrorBody }

export interface CloudQuery<T> {
  state: QueryState<T>
  /** `quiet` keeps the current content on screen while reloading (pull-down refresh). */
  reload: (options?: { quiet?: boolean }) => Promise<void>
}

export function useCloudQuery<T>(fetcher: () => Promise<Envelope<T>>): CloudQuery<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' })
  const fetcherRef = useRef(fetcher)
  fetcherRef.current = fetcher
  const latest = useRef(0)

  const reload = useCallback(async (options?: { quiet?: boolean }) => {
    const call = ++latest.current
    if (!options?.quiet) setState({ status: 'loading' })
    const answer = await fetcherRef.current()
    if (call !== latest.current) return
    setState(answer.ok ? { status: 'ready', data: answer.data } : { status: 'error', error: answer.error })
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  return { state, reload }
}
