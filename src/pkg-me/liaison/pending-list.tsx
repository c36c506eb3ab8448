/** 待审核: the group's pending verification requests, longest waiting first. */
import { useCallback } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { listVerifications } from '@/services/users'
import RequestCard from './request-card'

export default function PendingList({ groupId }: { groupId: string }) {
  const fetcher = useCallback(() => listVerifications(groupId), [groupId])
  const { state, reload } = useCloudQuery(fetcher)
  if (state.status === 'loading') return <StateView compact kind="loading" />
  if (state.status === 'error') return <StateView compact kind="error" description={state.error.message} onAction={() => void reload()} />
  if (state.data.items.length === 0) {
    return (
      <Card>
        <StateView compact kind="empty" glyph="审" title="没有待审核的认证" description="新的认证申请会出现在这里，按等待时间排序。" />
      </Card>
    )
  }
  return (
    <>
      {state.data.items.map((item) => (
        <RequestCard key={item.id} item={item} onDone={() => void reload({ quiet: true })} />
      ))}
    </>
  )
}
