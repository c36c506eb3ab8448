/**
 * useCloudQuery for a call that depends on what the person picked (months, a view): loads on
 * mount, and again whenever `key` changes (useCloudQuery alone loads once; it always calls the
 * latest fetcher, so the reload asks for what was just picked).
 */
import type { Envelope } from '@cloud/_lib/envelope'
import { useEffect, useRef } from 'react'
import { useCloudQuery } from '@/hooks/use-cloud-query'

export function useQueryOf<T>(fetcher: () => Promise<Envelope<T>>, key: string | number) {
  const query = useCloudQuery(fetcher)
  const { reload } = query
  const last = useRef(key)
  useEffect(() => {
    if (last.current === key) return
    last.current = key
    void reload()
  }, [key, reload])
  return query
}
