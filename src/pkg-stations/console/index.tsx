/**
 * 驿站管理 (station staff: their own station; town: every station): problems reported by riders
 * (确认属实 / 已修好 / 无此问题), service states, "信息今日已核实", usage per day and response
 * times, and the printable check-in code; the town also edits, pauses and permanently closes (after
 * a confirm dialog) a station. The server checks every action's scope again.
 */
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import ChipPicker from '@/components/chip-picker'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { verifyStation } from '@/services/stations/stations'
import { askSubscribe } from '@/services/users/subscribe'
import { shortDate } from '../format'
import HoursSection from './hours-section'
import { loadConsole } from './load-console'
import ProblemsSection from './problems-section'
import ServiceStates from './service-states'
import StatsSection from './stats-section'
import TownSection, { goEdit } from './town-section'
import { useRun } from './use-run'
import './index.scss'

const notifyMe = (template: string) =>
  void askSubscribe([template]).then((ok) => Taro.showToast({ title: ok ? '有新问题会通知你' : '未开启微信通知', icon: 'none' }))

export default function ConsolePage() {
  const [stationId, setStationId] = useState(useRouter().params.stationId ?? '')
  const { state, reload } = useCloudQuery(useCallback(() => loadConsole(stationId), [stationId]))
  const quiet = () => reload({ quiet: true })
  const { run } = useRun(quiet)
  usePullDownRefresh(() => void quiet().finally(() => Taro.stopPullDownRefresh()))

  if (state.status === 'loading') return <StateView kind="loading" title="正在打开驿站管理…" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const { stations, station, problems, stats, isTown } = state.data
  if (!station)
    return isTown ? (
      <StateView kind="empty" glyph="站" title="还没有驿站" actionText="新建驿站" onAction={() => goEdit()} />
    ) : (
      <StateView kind="empty" glyph="站" title="你还没有负责的驿站" description="请联系镇里把你设为驿站工作人员。" />
    )
  const picks = stations.map((s) => ({ key: s.id, label: s.name, badge: s.openProblems }))
  return (
    <View className="page console">
      <View className="page__body">
        {stations.length > 1 ? (
          <ChipPicker scroll options={picks} selected={[station.id]} onPick={setStationId} className="console__picker" />
        ) : null}
        <Text className="page-lead__title">{station.name}</Text>
        <Text className="page-lead__text">
          {station.temporarilyClosed ? station.hint : `${station.openNow ? '开放中' : '未开放'} · ${station.hint}`}
        </Text>
        <ProblemsSection problems={problems} run={run} />
        <Button
          className="button-secondary button-wide"
          hoverClass="button-secondary--hover"
          onClick={() => notifyMe(station.templates.problem)}
        >
          有新问题时微信通知我
        </Button>
        <ServiceStates station={station} run={run} />
        <HoursSection station={station} reload={quiet} />
        <SectionHeader title="信息核实" />
        <Card>
          <Text className="meta-text">
            {station.lastVerified ? `上次核实：${shortDate(station.lastVerified.at)} · ${station.lastVerified.by}` : '还没有核实过'}
          </Text>
          <Button
            className="button-primary button-wide"
            hoverClass="button-primary--hover"
            onClick={() => void run(() => verifyStation(station.id), '已核实')}
          >
            信息今日已核实
          </Button>
        </Card>
        {stats ? <StatsSection stats={stats} /> : null}
        {isTown ? <TownSection station={station} run={run} /> : null}
        <SectionHeader title="签到二维码" />
        <Card>
          <Text className="meta-text">打印后贴在驿站门口，小哥用“扫码签到”登记来访。</Text>
          <Button
            className="button-secondary button-wide"
            hoverClass="button-secondary--hover"
            onClick={() => void Taro.navigateTo({ url: `/pkg-stations/print-code/index?stationId=${station.id}` })}
          >
            查看 / 打印二维码
          </Button>
        </Card>
      </View>
    </View>
  )
}
