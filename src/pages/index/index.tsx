/**
 * 首页: the first screen from ONE call, `home.getHome` (greeting, my status, the current group's
 * pinned and latest notices, my next meal, today's canteen slots, nearest open stations, the topics
 * most riders met — each opening what it shows). Pull down to refresh. The nearest stations use the
 * fuzzy location the 驿站 tab saved, if any: this screen never asks for it.
 * Docs: https://docs.taro.zone/docs/hooks#usepulldownrefresh  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html#onPullDownRefresh
 */

import type { HomeData } from '@cloud/home/contract'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef } from 'react'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { fetchHomeNearMe } from '@/services/home/fetch-home'
import { roleTags } from '@/utils/labels'
import { formatShanghaiDay } from '@/utils/shanghai-day'
import CanteenCard, { NextMeal } from './canteen-card'
import FrontNotices from './front-notices'
import HomeTopics from './home-topics'
import './index.scss'

const TAB = {
  stations: '/pages/stations/index',
  me: '/pages/me/index',
} as const

function goTab(url: string) {
  void Taro.switchTab({ url })
}

export default function IndexPage() {
  const { state, reload } = useCloudQuery(fetchHomeNearMe)

  usePullDownRefresh(() => {
    void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh())
  })
  // back from a notice (read, 收到) or another page: show the new state without a spinner
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload({ quiet: true })
    shown.current = true
  })

  if (state.status === 'loading') {
    return (
      <View className="page">
        <StateView kind="loading" title="正在打开小哥之家…" />
      </View>
    )
  }
  if (state.status === 'error') {
    return (
      <View className="page">
        <StateView kind="error" title="首页没有加载出来" description={state.error.message} onAction={() => void reload()} />
      </View>
    )
  }

  const home = state.data
  return (
    <View className="page home">
      <Welcome home={home} />
      <View className="page__body home__body">
        {home.nextMeal ? <NextMeal meal={home.nextMeal} today={home.now.slice(0, 10)} /> : null}
        <FrontNotices front={home.front} />
        {home.canteen ? <CanteenCard canteen={home.canteen} /> : null}
        <Stations stations={home.stations} fromTownCentre={home.origin === 'town_centre'} />
        <HomeTopics topics={home.topics} />
      </View>
    </View>
  )
}

function Welcome({ home }: { home: HomeData }) {
  const roles = roleTags(home.me.roles)
  const day = formatShanghaiDay(home.now)
  const needsVerify = !home.me.verified && !home.me.official
  return (
    <View className="home__welcome">
      {day ? <Text className="home__date">{day}</Text> : null}
      <Text className="home__greeting">{home.greeting}</Text>
      <View className="home__me" hoverClass="home__me--pressed" onClick={() => goTab(TAB.me)}>
        <View className="home__me-main">
          <Text className="home__me-name">{home.me.nickname}</Text>
          <View className="home__me-tags">
            {home.me.verified ? <Text className="tag tag--success">已认证</Text> : null}
            {!home.me.verified && !home.me.official ? <Text className="tag tag--warning">未认证</Text> : null}
            {roles.map((label) => (
              <Text key={label} className="tag">
                {label}
              </Text>
            ))}
          </View>
        </View>
        <Text className="home__me-hint">{needsVerify ? '去认证 ›' : '我的 ›'}</Text>
      </View>
      {needsVerify ? (
        <Text className="home__verify-note">认证成小哥后，联络员能更好地帮你。在“我的”里填写工种、拍工牌，联络员审核。</Text>
      ) : null}
    </View>
  )
}

function openStation(stationId: string) {
  void Taro.navigateTo({ url: `/pkg-stations/detail/index?stationId=${encodeURIComponent(stationId)}` })
}

function Stations({ stations, fromTownCentre }: { stations: HomeData['stations']; fromTownCentre: boolean }) {
  return (
    <View className="home__section">
      <SectionHeader title="附近开着的红色加油站" actionText="全部驿站" onAction={() => goTab(TAB.stations)} />
      {fromTownCentre && stations.length > 0 ? (
        <Text className="home__origin-note">按周浦镇中心由近到远；在“驿站”里允许定位后按你的位置排。</Text>
      ) : null}
      {stations.length === 0 ? (
        <Card>
          <StateView compact kind="empty" glyph="站" title="附近暂时没有开放的驿站" description="可以在“驿站”里查看所有驿站的开放时间。" />
        </Card>
      ) : (
        stations.map((station) => (
          <Card key={station.id} className="home__station-card" onClick={() => openStation(station.id)}>
            <View className="station">
              <View className="station__head">
                <Text className="station__name">{station.name}</Text>
                <Text className="station__distance">{station.distanceText}</Text>
              </View>
              <Text className="station__hours">{station.hoursHint}</Text>
              <Text className="station__address">{station.address}</Text>
              {station.services.length > 0 ? (
                <View className="station__services">
                  {station.services.map((service) => (
                    <Text key={service} className="station__service">
                      {service}
                    </Text>
                  ))}
                </View>
              ) : null}
              <Text className="station__more">查看详情、导航 ›</Text>
            </View>
          </Card>
        ))
      )}
    </View>
  )
}
