/**
 * The 议事 list's state: the filters, the pages loaded so far (server paging with a cursor; "加载更多"
 * asks for the next), the categories from the first page, the rider's fuzzy location for 离我近
 * (asked only when that sort is chosen; refused → back to 最新 with a note). Only the latest call counts.
 */
import type { AppErrorBody } from '@cloud/_lib/envelope'
import { useCallback, useEffect, useRef, useState } from 'react'
import { fuzzyLocation, type LatLng } from '@/services/stations/location'
import { type CategoryView, type ListParams, listTopics, type TopicRow } from '@/services/topics'

export type Scope = 'all' | 'mine' | 'followed'
export type Sort = 'newest' | 'supported' | 'due' | 'near'
export type StatusFilter = NonNullable<ListParams['status']>

export interface Filters {
  scope: Scope
  sort: Sort
  status?: StatusFilter
  category?: string
  q: string
}

export const START: Filters = { scope: 'all', sort: 'newest', q: '' }

function paramsOf(f: Filters, near: LatLng | null): ListParams {
  return {
    ...(f.scope !== 'all' ? { scope: f.scope } : {}),
    ...(f.sort !== 'newest' ? { sort: f.sort } : {}),
    ...(f.sort === 'near' && near ? { near } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
  }
}

export function useTopicList() {
  const [filters, setFilters] = useState<Filters>(START)
  const [rows, setRows] = useState<TopicRow[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [categories, setCategories] = useState<CategoryView[]>([])
  const [note, setNote] = useState<string | null>(null)
  const [error, setError] = useState<AppErrorBody | null>(null)
  const [busy, setBusy] = useState<'first' | 'more' | null>('first')
  const near = useRef<LatLng | null>(null)
  const latest = useRef(0)

  const load = useCallback(
    async (more?: string | null) => {
      const call = ++latest.current
      setBusy(more ? 'more' : 'first')
      let f = filters
      if (f.sort === 'near' && !near.current) {
        near.current = await fuzzyLocation()
        if (!near.current) {
          f = { ...f, sort: 'newest' }
          setFilters(f)
          setNote('没有获取到你的位置，先按最新排。允许定位后可以看离你近的议题。')
        }
      }
      const r = await listTopics({ ...paramsOf(f, near.current), ...(more ? { cursor: more } : {}) })
      if (call !== latest.current) return
      setBusy(null)
      if (!r.ok) return setError(r.error)
      setError(null)
      if (r.data.categories) setCategories(r.data.categories.filter((c) => c.active))
      setRows((old) => (more && old ? [...old, ...r.data.topics] : r.data.topics))
      setCursor(r.data.cursor)
      if (r.data.note || f.sort !== 'near') setNote(f.sort === 'near' ? r.data.note : null)
    },
    [filters],
  )

  useEffect(() => {
    void load()
  }, [load])

  const change = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }))
  return { filters, change, rows, cursor, categories, note, error, busy, reload: () => load(), more: () => load(cursor) }
}
