/**
 * 首页: the first screen from ONE call, `home.getHome` (greeting, my status, nearest open
 * stations, today's canteen slots, hot topics, group notices). Pull down to refresh. The nearest
 * stations use the fuzzy location the 驿站 tab saved, if any: this screen never asks for it.
 * Docs: https://docs.taro.zone/docs/hooks#usepulldownrefresh  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html#onPullDownRefresh
 */

import type { HomeData } from '@cloud/home/contract'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { fetchHomeNearMe } from '@/services/home/fetch-home'
import { roleTags, topicStatus } from '@/utils/labels'
import { formatShanghaiDay } from '@/utils/shanghai-day'
import './index.scss'

const TAB = {
  stations: '/pages/stations/index',
  canteen: '/pages/canteen/index',
  topics: '/pages/topics/index',
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
        <Stations stations={home.stations} />
        <Canteen canteen={home.canteen} />
        <Topics topics={home.topics} />
        <Notices notices={home.notices} />
      </View>
    </View>
  )
}

function Welcome({ home }: { home: HomeData }) {
  const roles = roleTags(home.me.roles)
  const day = formatShanghaiDay(home.now)
  return (
    <View className="home__welcome">
      {day ? <Text className="home__date">{day}</Text> : null}
      <Text className="home__greeting">{home.greeting}</Text>
      <View className="home__me" hoverClass="home__me--pressed" onClick={() => goTab(TAB.me)}>
        <View className="home__me-main">
          <Text className="home__me-name">{home.me.nickname}</Text>
          <View className="home__me-tags">
            {home.me.verified ? <Text className="tag tag--success">已认证</Text> : <Text className="tag tag--warning">未认证</Text>}
            {roles.map((label) => (
              <Text key={label} className="tag">
                {label}
              </Text>
            ))}
          </View>
        </View>
        <Text className="home__me-hint">{home.me.verified ? '我的 ›' : '去认证 ›'}</Text>
      </View>
      {home.me.verified ? null : <Text className="home__verify-note">认证后可以预约爱心餐、发起议题。请在小哥群里找联络员认证。</Text>}
    </View>
  )
}

function Stations({ stations }: { stations: HomeData['stations'] }) {
  return (
    <View className="home__section">
      <SectionHeader title="附近的红色加油站" actionText="全部驿站" onAction={() => goTab(TAB.stations)} />
      {stations.length === 0 ? (
        <Card>
          <StateView compact kind="empty" glyph="站" title="附近暂时没有开放的驿站" description="可以在“驿站”里查看所有驿站的开放时间。" />
        </Card>
      ) : (
        stations.map((station) => (
          <Card key={station.id} onClick={() => goTab(TAB.stations)}>
            <View className="station">
              <View className="station__head">
                <Text className="station__name">{station.name}</Text>
                <Text className={`tag ${station.openNow ? 'tag--success' : ''}`}>{station.openNow ? '开放中' : '已休息'}</Text>
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
            </View>
          </Card>
        ))
      )}
    </View>
  )
}

function Canteen({ canteen }: { canteen: HomeData['canteen'] }) {
  return (
    <View className="home__section">
      <SectionHeader title="今日小哥食堂" actionText="去预约" onAction={() => goTab(TAB.canteen)} />
      {canteen === null ? (
        <Card>
          <StateView compact kind="empty" glyph="饭" title="今天食堂不供餐" description="明天的菜单出来后会在这里显示。" />
        </Card>
      ) : (
        <Card onClick={() => goTab(TAB.canteen)}>
          <View className="canteen">
            <View className="canteen__head">
              <View>
                <Text className="canteen__name">{canteen.name}</Text>
                <Text className="canteen__date">{formatShanghaiDay(canteen.date)}</Text>
              </View>
              <View className="canteen__price">
                <Text className="canteen__price-number">{canteen.priceYuan}</Text>
                <Text className="canteen__price-unit">元/份</Text>
              </View>
            </View>
            {canteen.slots.length === 0 ? (
              <Text className="canteen__none">今天的时段都约满或已结束了，明天早点来。</Text>
            ) : (
              <View className="canteen__slots">
                {canteen.slots.map((slot) => (
                  <View key={slot.label} className={`slot${slot.left === 0 ? ' slot--full' : ''}`}>
                    <Text className="slot__label">{slot.label}</Text>
                    <View className="slot__meta">
                      {slot.offPeak ? <Text className="tag tag--warning">错峰</Text> : null}
                      <Text className="slot__left">{slot.left > 0 ? `剩 ${slot.left} 份` : '已约满'}</Text>
                    </View>
                  </View>
                ))}
              </View>
            )}
          </View>
        </Card>
      )}
    </View>
  )
}

function Topics({ topics }: { topics: HomeData['topics'] }) {
  return (
    <View className="home__section">
      <SectionHeader title="大家在议的事" actionText="全部议题" onAction={() => goTab(TAB.topics)} />
      {topics.length === 0 ? (
        <Card>
          <StateView compact kind="empty" glyph="议" title="还没有议题" description="遇到难处可以在“议事”里提出来，大家一起商量。" />
        </Card>
      ) : (
        <Card>
          {topics.map((topic) => {
            const status = topicStatus(topic.status)
            return (
              <View key={topic.id} className="list-row" hoverClass="list-row--pressed" onClick={() => goTab(TAB.topics)}>
                <Text className="list-row__title">{topic.title}</Text>
                <View className="list-row__meta">
                  {status ? <Text className={`tag tag--${status.tone}`}>{status.label}</Text> : null}
                  <Text className="list-row__note">{topic.supporters} 人支持</Text>
                </View>
              </View>
            )
          })}
        </Card>
      )}
    </View>
  )
}

function Notices({ notices }: { notices: HomeData['notices'] }) {
  return (
    <View className="home__section">
      <SectionHeader title="群公告" />
      {notices.length === 0 ? (
        <Card>
          <StateView compact kind="empty" glyph="告" title="暂时没有公告" description="从小哥群里打开小程序，就能看到本群的公告。" />
        </Card>
      ) : (
        <Card>
          {notices.map((notice) => (
            <View key={notice.id} className="list-row">
              <Text className="list-row__title">{notice.title}</Text>
              <View className="list-row__meta">
                {notice.pinned ? <Text className="tag tag--solid">置顶</Text> : null}
                <Text className="list-row__note">{notice.groupName}</Text>
              </View>
            </View>
          ))}
        </Card>
      )}
    </View>
  )
}
