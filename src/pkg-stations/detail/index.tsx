/**
 * 驿站详情: is it open, what works right now (each service with its current state and rider
 * reports) — or, closed for a while, why and until when —, hours and exceptions, photos, call,
 * navigate, share, "N 位小哥本周来过", my reports.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.openLocation.html  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/api/device/phone/wx.makePhoneCall.html  ·
 *       https://docs.taro.zone/docs/hooks#useshareappmessage
 */
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { type ReactNode, useCallback, useRef } from 'react'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { getStationSaved } from '@/services/stations/stations'
import DetailActions from './detail-actions'
import DetailHero from './detail-hero'
import FactsBody from './facts-body'
import HoursBody from './hours-body'
import MyReports from './my-reports'
import ServicesBody, { servicesTitle } from './services-body'
import './index.scss'
import NoStation from '../no-station'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <SectionHeader title={title} />
      <Card>{children}</Card>
    </>
  )
}

export default function StationDetailPage() {
  const stationId = useRouter().params.stationId ?? ''
  const fetcher = useCallback(() => getStationSaved(stationId), [stationId])
  const { state, reload } = useCloudQuery(fetcher)
  const shown = useRef(false)
  useDidShow(() => {
    // Coming back from 反映问题 or the console: show the new state.
    if (shown.current) void reload({ quiet: true })
    shown.current = true
  })
  usePullDownRefresh(() => void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh()))
  useShareAppMessage(() => ({
    title: state.status === 'ready' ? `${state.data.name}：${state.data.hint}` : '小哥之家 · 红色加油站',
    path: `/pkg-stations/detail/index?stationId=${stationId}`,
  }))

  if (!stationId) return <NoStation />
  if (state.status === 'loading') return <StateView kind="loading" title="正在打开驿站…" />
  if (state.status === 'error')
    return <StateView kind="error" title="驿站信息没有加载出来" description={state.error.message} onAction={() => void reload()} />
  const s = state.data
  const savedMinutes = s.savedAt ? Math.max(1, Math.round((Date.now() - s.savedAt) / 60000)) : 0
  return (
    <View className="page detail">
      <DetailHero station={s} />
      <View className="page__body">
        {s.savedAt ? <Text className="detail__offline">网络不给力，显示的是 {savedMinutes} 分钟前保存的信息，下拉可刷新</Text> : null}
        <DetailActions station={s} />
        {s.stationProblem && !s.closure ? <Text className="warning-banner">⚠ 有小哥反映：{s.stationProblem}</Text> : null}
        <Section title={servicesTitle(s)}>
          <ServicesBody station={s} />
        </Section>
        <Section title="开放时间">
          <HoursBody station={s} />
        </Section>
        <Section title="驿站情况">
          <FactsBody station={s} />
        </Section>
        {s.myReports.length ? (
          <Section title="我反映的问题">
            <MyReports reports={s.myReports} />
          </Section>
        ) : null}
        {s.canManage ? (
          <Button
            className="button-secondary button-wide"
            hoverClass="button-secondary--hover"
            onClick={() => void Taro.navigateTo({ url: `/pkg-stations/console/index?stationId=${s.id}` })}
          >
            管理本站
          </Button>
        ) : null}
      </View>
    </View>
  )
}
