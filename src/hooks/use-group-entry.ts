/**
 * The state of joining the group the app was opened from (see services/users/group-entry.ts):
 * pages show "已加入 xx 群" / a 重试 button, and reload their data when the entry completes.
 */
import { useEffect, useState } from 'react'
import { enterFromGroup, type GroupEntryState, groupEntryState, onGroupEntry } from '@/services/users/group-entry'

export function useGroupEntry(onDone?: (s: GroupEntryState) => void): { entry: GroupEntryState; retry: () => void } {
  const [entry, setEntry] = useState<GroupEntryState>(groupEntryState())
  useEffect(
    () =>
      onGroupEntry((s) => {
        setEntry(s)
        if (s.status === 'done') onDone?.(s)
      }),
    [onDone],
  )
  return { entry, retry: () => void enterFromGroup() }
}
