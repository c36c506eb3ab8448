/**
 * 镇里工作台 (town office only): find a person and appoint or take back a role — liaison of a
 * group, station staff, canteen staff, town account — then read it in the change log (newest
 * first, a page at a time, who / what / where / before → after). The groups list shows each
 * group's liaison and member count and opens that group's console. Every change is checked again
 * by users.assignRole and recorded there, refusals included; this page only shows what it is given.
 */
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import StateView from '@/components/state-view'
import Tabs from '@/components/tabs'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { type TownOverview, townOverview } from '@/services/users'
import AuditLog from '../components/audit-log'
import type { PlaceNames } from '../utils/audit-text'
import GroupsList from './groups-list'
import People from './people'
import './index.scss'

type Tab = 'people' | 'groups' | 'audit'
const TABS: { key: Tab; label: string }[] = [
  { key: 'people', label: '找人指派' },
  { key: 'groups', label: '各群' },
  { key: 'audit', label: '变更记录' },
]

export function namesOf(o: TownOverview): PlaceNames {
  const map = (list: { id: string; name: string }[]) => {
    const m = new Map(list.map((x) => [x.id, x.name]))
    return (id: string) => m.get(id) ?? id
  }
  return { group: map(o.groups), station: map(o.stations), canteen: map(o.canteens) }
}

export default function TownConsole() {
  const overview = useCloudQuery(townOverview)
  const [tab, setTab] = useState<Tab>('people')
  const [changes, setChanges] = useState(0)

  usePullDownRefresh(() => {
    setChanges((n) => n + 1)
    void overview.reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh())
  })
  if (overview.state.status === 'loading') return <StateView kind="loading" />
  if (overview.state.status === 'error')
    return <StateView kind="error" description={overview.state.error.message} onAction={() => void overview.reload()} />
  const o = overview.state.data
  const names = namesOf(o)
  const changed = () => {
    setChanges((n) => n + 1)
    void overview.reload({ quiet: true })
  }
  return (
    <View className="page">
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">镇里工作台</Text>
          <Text className="page-lead__text">
            {o.groups.length} 个群 · {o.stations.length} 个驿站 · {o.canteens.length} 个食堂。每次指派和收回都会记录下来。
          </Text>
        </View>
        <Tabs tabs={TABS} value={tab} onChange={setTab} />
        {tab === 'people' ? <People overview={o} names={names} onChanged={changed} /> : null}
        {tab === 'groups' ? <GroupsList overview={o} /> : null}
        {tab === 'audit' ? <AuditLog filter={{}} names={names} refreshKey={changes} /> : null}
      </View>
    </View>
  )
}
