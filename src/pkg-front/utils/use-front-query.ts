/**
 * A micro-front page's data: one cloud call that waits for the group entry when the app was opened
 * from a group card (a newcomer is joined by users.enterGroup first, then the page loads as a member),
 * reloads quietly when the page is shown again (back from posting, answering…) and on pull-down.
 */
import type { Envelope } from '@cloud/_lib/envelope'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef } from 'react'
import { type CloudQuery, useCloudQuery } from '@/hooks/use-cloud-query'
import { groupEntryState, onGroupEntry } from '@/services/users/group-entry'

export function useFrontQuery<T>(fetcher: () => Promise<Envelope<T>>): CloudQuery<T> {
  const waitForEntry = useCallback(async () => {
    // opened from a group card: the entry is running; this load waits, the listener below reloads when it ends
    if (groupEntryState().status === 'entering') return new Promise<Envelope<T>>(() => undefined)
    return fetcher()
  }, [fetcher])
  const query = useCloudQuery(waitForEntry)
  const { reload } = query
  useEffect(
    () =>
      onGroupEntry((s) => {
        if (s.status !== 'entering') void reload({ quiet: true })
      }),
    [reload],
  )
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload({ quiet: true })
    shown.current = true
  })
  usePullDownRefresh(() => {
    void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh())
  })
  return query
}

/** The page's query string value (an id), or undefined. */
export const param = (params: Record<string, string | undefined>, name: string): string | undefined => {
  const v = params[name]
  return v && /^[\w-]{1,64}$/.test(v) ? v : undefined
}

/** Load again when `key` changes after the first render (a tab picked, a filter changed). */
export function useReloadOn(key: string, reload: (o?: { quiet?: boolean }) => Promise<void>): void {
  const first = useRef(true)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is what triggers the reload
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    void reload({ quiet: true })
  }, [key, reload])
}
