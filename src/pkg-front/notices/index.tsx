/**
 * 全部公告 — the group's notices, newest first: the ones in force, or everything (expired and
 * withdrawn too), twenty at a time with 更多.
 */
import type { NoticeCard } from '@cloud/fronts/contract'
import { Button, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import Tabs from '@/components/tabs'
import { listNotices } from '@/services/fronts'
import NoticeRow from '../components/notice-row'
import { param, useFrontQuery, useReloadOn } from '../utils/use-front-query'
import './index.scss'

type Include = 'live' | 'all'
const TABS: { key: Include; label: string }[] = [
  { key: 'live', label: '有效的' },
  { key: 'all', label: '全部（含过期、撤回）' },
]

export default function NoticesPage() {
  const groupId = param(useRouter().params, 'groupId')
  const [include, setInclude] = useState<Include>('live')
  const [more, setMore] = useState<NoticeCard[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const fetcher = useCallback(async () => {
    const r = await listNotices({ ...(groupId ? { groupId } : {}), include })
    if (r.ok) {
      setMore([])
      setCursor(r.data.nextCursor)
    }
    return r
  }, [groupId, include])
  const { state, reload } = useFrontQuery(fetcher)
  useReloadOn(include, reload)
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const items = [...state.data.items, ...more]
  async function loadMore() {
    if (!cursor) return
    const r = await listNotices({ ...(groupId ? { groupId } : {}), include, cursor })
    if (!r.ok) return
    setMore((m) => [...m, ...r.data.items])
    setCursor(r.data.nextCursor)
  }
  return (
    <View className="page">
      <View className="page__body">
        <Tabs tabs={TABS} value={include} onChange={setInclude} />
        {items.length === 0 ? (
          <Card>
            <StateView compact kind="empty" glyph="告" title="还没有公告" />
          </Card>
        ) : (
          items.map((n) => <NoticeRow key={n.id} notice={n} />)
        )}
        {cursor ? (
          <Button className="button-secondary fr-more" onClick={() => void loadMore()}>
            更多
          </Button>
        ) : null}
      </View>
    </View>
  )
}
