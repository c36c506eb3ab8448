/**
 * 驿站: the stations nearest first (one `stations.listStations` call, geoNear on the server),
 * filtered by service / 现在开放 / 夜间开放. The last list is kept on the device and shown at
 * once, then refreshed in the background; on a weak network the saved list stays usable.
 * weapp: 列表 / 地图 (Taro `Map` with markers) and 扫码签到 (`scanCode`); H5: list only.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.getFuzzyLocation.html  ·
 *       https://docs.taro.zone/docs/components/maps/map
 */
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import ChipPicker from '@/components/chip-picker'
import PrivacyPopup from '@/components/privacy-popup'
import StateView from '@/components/state-view'
import { scanAndCheckIn } from './check-in'
import { pickToggle, toggleChips, togglesOn } from './filter-chips'
import ListNotes from './list-notes'
import StationCard from './station-card'
import StationMap, { HAS_MAP } from './station-map'
import { useStationList } from './use-station-list'
import './index.scss'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'
const openStation = (id: string) => void Taro.navigateTo({ url: `/pkg-stations/detail/index?stationId=${encodeURIComponent(id)}` })

export default function StationsPage() {
  const { list, fresh, error, loading, filters, toggle, location, locate, load, savedMinutes } = useStationList()
  const [view, setView] = useState<'list' | 'map'>('list')
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (!list) {
    if (error) return <StateView kind="error" title="驿站列表没有加载出来" description={error.message} onAction={() => void load()} />
    return <StateView kind="loading" title={location === undefined ? '正在获取你的位置…' : '正在查找附近的驿站…'} />
  }
  const map = HAS_MAP ? { shown: view === 'map', toggle: () => setView(view === 'map' ? 'list' : 'map') } : null
  return (
    <View className="page stations">
      <PrivacyPopup />
      <View className="page__body">
        <View className="stations__top">
          <Text className="page-lead__title">离你最近的驿站</Text>
          {IS_WEAPP ? (
            <Button className="button-primary stations__scan" hoverClass="button-primary--hover" onClick={() => void scanAndCheckIn()}>
              扫码签到
            </Button>
          ) : null}
        </View>
        <ListNotes
          originNote={list.originNote}
          onLocate={locate}
          saved={!fresh || error ? { minutes: savedMinutes, failed: Boolean(error) } : null}
          updating={loading && fresh}
        />
        <ChipPicker
          options={toggleChips(map)}
          selected={togglesOn(filters)}
          onPick={(key) => pickToggle(key, filters, toggle, map)}
          className="stations__filters"
        />
        <ChipPicker
          scroll
          options={list.catalogue}
          selected={filters.service ? [filters.service] : []}
          onPick={(key) => toggle({ service: filters.service === key ? undefined : key })}
        />
        {view === 'map' && HAS_MAP ? <StationMap origin={list.origin} stations={list.stations} onOpen={openStation} /> : null}
        {list.stations.length === 0 ? (
          <Card>
            <StateView compact kind="empty" glyph="站" title="没有符合条件的驿站" description="换个筛选条件试试，比如取消“现在开放”。" />
          </Card>
        ) : (
          list.stations.map((s) => <StationCard key={s.id} station={s} onOpen={openStation} />)
        )}
      </View>
    </View>
  )
}
