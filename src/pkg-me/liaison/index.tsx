/**
 * 联络员工作台 (liaison of a group; town sees every group, `?groupId=` opens one): pending
 * verifications (photo once its check has passed, full phone; approve, or reject with a reason),
 * the group's members (duty periods as the group's rotating administrator, or taking the
 * appointment back, or removing someone from the group), the invite (a QR code and a share card /
 * link) for riders who cannot open the app from the group, and the group's change log.
 * With `?claim=1` a liaison without a group claims the group the app was opened from.
 * Every action is checked again by the users function; this page only shows what it is given.
 */
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import ChipPicker from '@/components/chip-picker'
import StateView from '@/components/state-view'
import Tabs from '@/components/tabs'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { fetchConsoleGroups, type GroupSummary, type InviteResult } from '@/services/users'
import AuditLog from '../components/audit-log'
import ClaimGroup from './claim-group'
import InvitePanel from './invite-panel'
import Members from './members'
import PendingList from './pending-list'
import './index.scss'

type Tab = 'pending' | 'members' | 'invite' | 'audit'
const TABS: { key: Tab; label: string }[] = [
  { key: 'pending', label: '待审核' },
  { key: 'members', label: '群成员' },
  { key: 'invite', label: '邀请' },
  { key: 'audit', label: '记录' },
]

function GroupHead({ groups, groupId, onPick }: { groups: GroupSummary[]; groupId: string | null; onPick: (id: string) => void }) {
  if (groups.length > 1) {
    return (
      <ChipPicker
        className="console__groups"
        options={groups.map((g) => ({ key: g.id, label: g.name }))}
        selected={groupId ? [groupId] : []}
        onPick={onPick}
      />
    )
  }
  return (
    <View className="page-lead">
      <Text className="page-lead__title">{groups[0].name}</Text>
      <Text className="page-lead__text">{groups[0].memberCount} 位成员</Text>
    </View>
  )
}

export default function LiaisonConsole() {
  const router = useRouter()
  const { state, reload } = useCloudQuery(fetchConsoleGroups)
  const [groupId, setGroupId] = useState<string | null>(null)
  const [tab, setTab] = useState<Tab>('pending')
  const [invite, setInvite] = useState<InviteResult | null>(null)

  useShareAppMessage(() =>
    invite ? { title: '加入小哥之家群：点开即可加入', path: `/${invite.path}` } : { title: '小哥之家', path: '/pages/index/index' },
  )
  const groups = state.status === 'ready' ? state.data.groups : []
  useEffect(() => {
    if (!groupId && groups.length) {
      const wanted = groups.find((g) => g.id === router.params.groupId)
      setGroupId((wanted ?? groups.find((g) => g.current) ?? groups[0]).id)
    }
  }, [groups, groupId, router.params.groupId])
  usePullDownRefresh(() => {
    void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh())
  })
  const names = useMemo(() => {
    const byId = new Map(groups.map((g) => [g.id, g.name]))
    return { group: (id: string) => byId.get(id) ?? id, station: (id: string) => id, canteen: (id: string) => id }
  }, [groups])

  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  if (router.params.claim === '1' || groups.length === 0) {
    return <ClaimGroup canClaim={state.data.me.canClaimGroup || state.data.me.roles.includes('town')} onClaimed={() => void reload()} />
  }
  const group = groups.find((g) => g.id === groupId)
  return (
    <View className="page">
      <View className="page__body">
        <GroupHead
          groups={groups}
          groupId={groupId}
          onPick={(id) => {
            setGroupId(id)
            setInvite(null)
          }}
        />
        <Tabs tabs={TABS} value={tab} onChange={setTab} />
        {group && tab === 'pending' ? <PendingList key={group.id} groupId={group.id} /> : null}
        {group && tab === 'members' ? <Members key={group.id} groupId={group.id} /> : null}
        {group && tab === 'invite' ? <InvitePanel group={group} invite={invite} onInvite={setInvite} /> : null}
        {group && tab === 'audit' ? <AuditLog filter={{ groupId: group.id }} names={names} /> : null}
      </View>
    </View>
  )
}
