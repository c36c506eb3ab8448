/**
 * `useCloudQuery` for a page whose call depends on a choice (a day, a canteen, a month): a new
 * `key` loads again, keeping the current content on screen meanwhile, and each time the page is
 * shown again (back from another page, the tab chosen again) it refreshes quietly. The first show
 * does not load twice.
 * Docs: https://docs.taro.zone/docs/hooks#usedidshow
 */
import type { Envelope } from '@cloud/_lib/envelope'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { type CloudQuery, useCloudQuery } from './use-cloud-query'

export function useKeyedQuery<T>(fetcher: () => Promise<Envelope<T>>, key = ''): CloudQuery<T> {
  const query = useCloudQuery(fetcher)
  const { reload } = query
  const firstKey = useRef(true)
  const shown = useRef(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is what changes the call
  useEffect(() => {
    if (firstKey.current) {
      firstKey.current = false
      return
    }
    void reload({ quiet: true })
  }, [key, reload])
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    void reload({ quiet: true })
  })
  return query
}
