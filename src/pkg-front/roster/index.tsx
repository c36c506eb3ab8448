/**
 * 值班表 — everyone in the group sees who is on duty now and the coming terms (and the last few). The
 * liaison plans a term for one or more admins, takes someone off a term, approves swaps both admins
 * agreed to, and reads the handover history. Privileges follow the terms by themselves.
 */
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { roster } from '@/services/fronts'
import { param, useFrontQuery } from '../utils/use-front-query'
import PlanForm from './plan-form'
import Pool from './pool'
import SwapApprovals from './swap-approvals'
import TermCard from './term-card'
import './index.scss'

export default function RosterPage() {
  const groupId = param(useRouter().params, 'groupId')
  const { state, reload } = useFrontQuery(useCallback(() => roster(groupId), [groupId]))
  const [planning, setPlanning] = useState(false)
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const r = state.data
  const changed = () => void reload({ quiet: true })
  const coming = r.terms.filter((t) => !t.ended)
  const past = r.terms.filter((t) => t.ended).reverse()
  return (
    <View className="page">
      <View className="fr-band">
        <Text className="fr-band__title">{r.groupName}</Text>
        <Text className="fr-band__line fr-roster__now">
          {r.onDutyNow.length ? `现在值班：${r.onDutyNow.map((a) => a.name).join('、')}` : '现在没有人值班'}
        </Text>
        <Text className="fr-band__line">值班的轮值管理员可以发群公告、帮大家对接联络员。</Text>
      </View>
      <View className="page__body">
        {r.canEdit ? (
          planning ? (
            <Card>
              <PlanForm
                groupId={r.groupId}
                onDone={(c) => {
                  setPlanning(false)
                  if (c) changed()
                }}
              />
            </Card>
          ) : (
            <Button className="button-primary fr-roster__plan" hoverClass="button-primary--hover" onClick={() => setPlanning(true)}>
              安排一班
            </Button>
          )
        ) : null}
        {r.canEdit ? <SwapApprovals swaps={r.swaps} onChanged={changed} /> : null}
        <SectionHeader title="现在和接下来" />
        {coming.length ? (
          coming.map((t) => <TermCard key={t.key} term={t} canEdit={r.canEdit} onChanged={changed} />)
        ) : (
          <Card>
            <Text className="fr-note">还没有安排以后的班。</Text>
          </Card>
        )}
        {past.length ? <SectionHeader title="最近结束的" /> : null}
        {past.map((t) => (
          <TermCard key={t.key} term={t} canEdit={false} onChanged={changed} />
        ))}
        {r.canEdit ? <Pool roster={r} onChanged={changed} /> : null}
        {r.canEdit ? (
          <Button
            className="button-secondary fr-roster__handovers"
            onClick={() => void Taro.navigateTo({ url: `/pkg-front/handovers/index?groupId=${r.groupId}` })}
          >
            交接记录
          </Button>
        ) : null}
      </View>
    </View>
  )
}
