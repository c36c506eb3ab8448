/** 群成员: who is in the group (on duty first, then admins), each with their duty and what the liaison may do. */
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { listMembers } from '@/services/users'
import MemberRow from './member-row'

export default function Members({ groupId }: { groupId: string }) {
  const fetcher = useCallback(() => listMembers(groupId), [groupId])
  const { state, reload } = useCloudQuery(fetcher)
  const [planning, setPlanning] = useState<string | null>(null)
  if (state.status === 'loading') return <StateView compact kind="loading" />
  if (state.status === 'error') return <StateView compact kind="error" description={state.error.message} onAction={() => void reload()} />
  const members = [...state.data.members].sort((a, b) => Number(b.onDuty) - Number(a.onDuty) || Number(b.isAdmin) - Number(a.isAdmin))
  return (
    <Card>
      {members.map((m) => (
        <MemberRow
          key={m.openid}
          member={m}
          groupId={groupId}
          planning={planning === m.openid}
          onPlan={(on) => setPlanning(on ? m.openid : null)}
          onChanged={() => void reload({ quiet: true })}
        />
      ))}
    </Card>
  )
}
