/**
 * 变更记录 for the consoles: a page of the audit log (newest first) in plain Chinese, and 更多 for
 * the next page (users.listAudit's cursor). The liaison's console passes its group; town none.
 */
import type { AuditItem } from '@cloud/users/contract'
import { Button, Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { type AuditFilter, listAudit } from '@/services/users'
import { auditChange, auditSentence, type PlaceNames } from '../utils/audit-text'
import { shanghaiDate } from '../utils/duty-dates'
import { noticeTime } from '../utils/notice-page'
import './audit-log.scss'

const PAGE = 20

function AuditRow({ e, names, today }: { e: AuditItem; names: PlaceNames; today: string }) {
  const change = auditChange(e, names)
  return (
    <View className="audit">
      <View className="audit__head">
        <Text className="audit__time">{noticeTime(e.at, today)}</Text>
        {e.outcome === 'denied' ? <Text className="tag tag--warning">被拒绝</Text> : null}
      </View>
      <Text className="audit__line">{auditSentence(e, names)}</Text>
      {change ? <Text className="audit__change">{change}</Text> : null}
    </View>
  )
}

/** `refreshKey`: change it to load the first page again (after the console changed something). */
export default function AuditLog({ filter, names, refreshKey = 0 }: { filter: AuditFilter; names: PlaceNames; refreshKey?: number }) {
  const wanted = JSON.stringify(filter)
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the filter's content or refreshKey changes
  const fetcher = useCallback(() => listAudit({ ...(JSON.parse(wanted) as AuditFilter), limit: PAGE }), [wanted, refreshKey])
  const { state, reload } = useCloudQuery(fetcher)
  // later pages, kept only for the first page they continue (a reload starts again)
  const [later, setLater] = useState<{ after: unknown; items: AuditItem[]; cursor: string | null } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const more = later && later.after === state ? later : null

  if (state.status === 'loading') return <StateView compact kind="loading" />
  if (state.status === 'error') return <StateView compact kind="error" description={state.error.message} onAction={() => void reload()} />
  const items = [...state.data.items, ...(more?.items ?? [])]
  const cursor = more ? more.cursor : state.data.nextCursor
  if (items.length === 0) {
    return (
      <Card>
        <StateView compact kind="empty" glyph="记" title="还没有变更记录" description="审核、指派、值班和邀请都会记在这里。" />
      </Card>
    )
  }
  async function loadMore() {
    if (!cursor) return
    setBusy(true)
    setError(null)
    const r = await listAudit({ ...filter, limit: PAGE, cursor })
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    setLater({ after: state, items: [...(more?.items ?? []), ...r.data.items], cursor: r.data.nextCursor })
  }
  const today = shanghaiDate()
  return (
    <Card>
      {items.map((e) => (
        <AuditRow key={e.id} e={e} names={names} today={today} />
      ))}
      {error ? <Text className="form-error audit__error">{error}</Text> : null}
      {cursor ? (
        <Button className="button-secondary audit__more" disabled={busy ? true : undefined} onClick={() => void loadMore()}>
          {busy ? '正在加载…' : '更多'}
        </Button>
      ) : (
        <Text className="audit__end">没有更早的记录了</Text>
      )}
    </Card>
  )
}
