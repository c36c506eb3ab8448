/**
 * 驿站详情: is it open, what works right now (each service with its current state and rider
 * reports), hours and exceptions, photos, call, navigate, share, "N 位小哥本周来过", my reports.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.openLocation.html  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/api/device/phone/wx.makePhoneCall.html  ·
 *       https://docs.taro.zone/docs/hooks#useshareappmessage
 */

import type { StationDetail } from '@cloud/stations/contract'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useCallback, useRef } from 'react'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import ServiceIcons from '@/components/service-icons'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { getStationSaved } from '@/services/stations/stations'
import './index.scss'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'
const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

function shortDate(iso: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(iso)
  return m ? `${Number(m[1])}月${Number(m[2])}日 ${m[3]}` : ''
}

async function navigate(s: StationDetail) {
  try {
    await Taro.openLocation({ latitude: s.location.lat, longitude: s.location.lng, name: s.name, address: s.address, scale: 16 })
  } catch {
    // Where openLocation is unavailable (H5, or refused): copy the address for a map app.
    await Taro.setClipboardData({ data: `${s.name} ${s.address}` }).catch(() => undefined)
    void Taro.showToast({ title: '地址已复制，可粘贴到地图里导航', icon: 'none', duration: 2500 })
  }
}

export default function StationDetailPage() {
  const { params } = useRouter()
  const stationId = params.stationId ?? ''
  const fetcher = useCallback(() => getStationSaved(stationId), [stationId])
  const { state, reload } = useCloudQuery(fetcher)
  const shown = useRef(false)

  useDidShow(() => {
    // Coming back from 反映问题 or the console: show the new state.
    if (shown.current) void reload({ quiet: true })
    shown.current = true
  })
  usePullDownRefresh(() => {
    void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => ({
    title: state.status === 'ready' ? `${state.data.name}：${state.data.hint}` : '小哥之家 · 红色加油站',
    path: `/pkg-stations/detail/index?stationId=${stationId}`,
  }))

  if (state.status === 'loading') return <StateView kind="loading" title="正在打开驿站…" />
  if (state.status === 'error')
    return <StateView kind="error" title="驿站信息没有加载出来" description={state.error.message} onAction={() => void reload()} />
  const s = state.data
  const tag = s.temporarilyClosed
    ? { text: '暂停开放', cls: 'tag--warning' }
    : s.openNow
      ? { text: '开放中', cls: 'tag--success' }
      : { text: '未开放', cls: '' }

  return (
    <View className="page detail">
      <View className={`detail__hero${s.openNow ? '' : ' detail__hero--closed'}`}>
        <View className="detail__hero-head">
          <Text className="detail__name">{s.name}</Text>
          <Text className={`tag ${tag.cls} detail__tag`}>{tag.text}</Text>
        </View>
        <Text className="detail__hint">{s.hint}</Text>
        {s.todayNote ? <Text className="detail__note">今天：{s.todayNote}</Text> : null}
        <Text className="detail__address">
          {s.providerLabel} · {s.address}
        </Text>
      </View>

      <View className="page__body">
        {s.savedAt ? (
          <Text className="detail__offline">
            网络不给力，显示的是 {Math.max(1, Math.round((Date.now() - s.savedAt) / 60000))} 分钟前保存的信息，下拉可刷新
          </Text>
        ) : null}
        <View className="detail__actions">
          <Button className="button-primary detail__action" hoverClass="button-primary--hover" onClick={() => void navigate(s)}>
            导航过去
          </Button>
          {s.phone ? (
            <Button
              className="button-secondary detail__action"
              hoverClass="button-secondary--hover"
              onClick={() => void Taro.makePhoneCall({ phoneNumber: s.phone as string }).catch(() => undefined)}
            >
              打电话
            </Button>
          ) : null}
          {IS_WEAPP ? (
            <Button className="button-secondary detail__action" hoverClass="button-secondary--hover" openType="share">
              分享
            </Button>
          ) : null}
        </View>

        {s.stationProblem ? <Text className="detail__warning">⚠ 有小哥反映：{s.stationProblem}</Text> : null}

        <SectionHeader title="现在能用的服务" />
        <Card>
          <ServiceIcons services={s.services} />
          {s.services.some((v) => v.stateText) ? (
            <View className="detail__states">
              {s.services
                .filter((v) => v.stateText)
                .map((v) => (
                  <View key={v.key} className={`detail__state detail__state--${v.state}`} id={`state-${v.key}`}>
                    <Text className="detail__state-label">{v.label}</Text>
                    <Text className="detail__state-text">{v.stateText}</Text>
                  </View>
                ))}
            </View>
          ) : (
            <Text className="detail__all-ok">各项服务正常</Text>
          )}
          <Button
            className="button-secondary detail__report"
            hoverClass="button-secondary--hover"
            onClick={() => void Taro.navigateTo({ url: `/pkg-stations/report/index?stationId=${s.id}` })}
          >
            反映问题（坏了、没水、没开门）
          </Button>
        </Card>

        <SectionHeader title="开放时间" />
        <Card>
          <Text className="detail__hours">{s.hoursText}</Text>
          {s.closure ? (
            <Text className="detail__closure">
              暂停开放：{s.closure.reason}
              {s.closure.until ? `（预计 ${shortDate(s.closure.until)} 恢复）` : ''}
            </Text>
          ) : null}
          {s.exceptions.map((e) => (
            <Text key={e.date} className="detail__exception">
              {e.date.slice(5).replace('-', '月')}日 {WEEKDAY[new Date(`${e.date}T00:00:00Z`).getUTCDay() || 7]}：
              {e.closed ? '休息' : `${e.open}–${e.overnight ? '次日 ' : ''}${e.close}`}
              {e.note ? `（${e.note}）` : ''}
            </Text>
          ))}
        </Card>

        <SectionHeader title="驿站情况" />
        <Card>
          <Text className="detail__fact">本周已有 {s.checkinsThisWeek} 位小哥来过</Text>
          {s.capacityNote ? <Text className="detail__fact">{s.capacityNote}</Text> : null}
          {s.phone ? <Text className="detail__fact">电话：{s.phone}</Text> : null}
          {s.lastVerified ? (
            <Text className="detail__meta">
              信息核实：{shortDate(s.lastVerified.at)} · {s.lastVerified.by}
            </Text>
          ) : null}
          {s.photos.length ? (
            <View className="detail__photos">
              {s.photos.map((url) => (
                <Image
                  key={url}
                  className="detail__photo"
                  src={url}
                  mode="aspectFill"
                  onClick={() => void Taro.previewImage({ urls: s.photos, current: url })}
                />
              ))}
            </View>
          ) : null}
        </Card>

        {s.myReports.length ? (
          <>
            <SectionHeader title="我反映的问题" />
            <Card>
              {s.myReports.map((p) => (
                <View key={p.id} className="detail__mine">
                  <Text className="detail__mine-label">{p.label}</Text>
                  <Text className={`tag ${p.state === 'fixed' ? 'tag--success' : p.state === 'dismissed' ? '' : 'tag--warning'}`}>
                    {p.stateText}
                  </Text>
                  {p.outcomeNote ? <Text className="detail__meta">处理说明：{p.outcomeNote}</Text> : null}
                </View>
              ))}
            </Card>
          </>
        ) : null}

        {s.canManage ? (
          <Button
            className="button-secondary detail__manage"
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
