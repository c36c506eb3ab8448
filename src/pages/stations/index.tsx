/**
 * 驿站: the stations nearest first (one `stations.listStations` call, geoNear on the server),
 * filtered by service / 现在开放 / 夜间开放. The last list is kept on the device and shown at
 * once, then refreshed in the background; on a weak network the saved list stays usable.
 * weapp: 列表 / 地图 (Taro `Map` with markers) and 扫码签到 (`scanCode`); H5: list only.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.getFuzzyLocation.html  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/api/device/scan/wx.scanCode.html  ·
 *       https://docs.taro.zone/docs/components/maps/map
 */

import type { AppErrorBody } from '@cloud/_lib/envelope'
import type { ServiceKey, StationList, StationRow } from '@cloud/stations/contract'
import { Button, ScrollView, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import Card from '@/components/card'
import ServiceIcons from '@/components/service-icons'
import StateView from '@/components/state-view'
import { fuzzyLocation, type LatLng } from '@/services/stations/location'
import { cachedList, checkIn, fetchStationList } from '@/services/stations/stations'
import StationMap, { HAS_MAP } from './station-map'
import './index.scss'
import PrivacyPopup from '@/components/privacy-popup'

interface Filters {
  service?: ServiceKey
  openNow: boolean
  openAtNight: boolean
}

const DETAIL = '/pkg-stations/detail/index'
const IS_WEAPP = process.env.TARO_ENV === 'weapp'

function openStation(id: string) {
  void Taro.navigateTo({ url: `${DETAIL}?stationId=${encodeURIComponent(id)}` })
}

async function scanAndCheckIn() {
  let code: string
  try {
    code = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
  } catch {
    return // cancelled
  }
  Taro.showLoading({ title: '签到中…' })
  const r = await checkIn(code)
  Taro.hideLoading()
  void Taro.showModal({
    title: r.ok ? (r.data.outcome === 'recorded' ? '签到成功' : '这个小时已经签到过了') : '没有签到成功',
    content: r.ok ? `${r.data.stationName}\n本周已有 ${r.data.checkinsThisWeek} 位小哥来过` : r.error.message,
    showCancel: false,
    confirmText: '知道了',
  })
}

export default function StationsPage() {
  const saved = useRef(cachedList())
  const [list, setList] = useState<StationList | null>(saved.current?.list ?? null)
  const [fresh, setFresh] = useState(false)
  const [error, setError] = useState<AppErrorBody | null>(null)
  const [loading, setLoading] = useState(true)
  const [filters, setFilters] = useState<Filters>({ openNow: false, openAtNight: false })
  const [location, setLocation] = useState<LatLng | null | undefined>(undefined)
  const [view, setView] = useState<'list' | 'map'>('list')
  const latest = useRef(0)

  const locate = useCallback(() => {
    void fuzzyLocation().then(setLocation)
  }, [])
  useEffect(locate, [locate])

  const load = useCallback(async () => {
    if (location === undefined) return
    const call = ++latest.current
    setLoading(true)
    const r = await fetchStationList({
      ...(location ? { location } : {}),
      ...(filters.service ? { service: filters.service } : {}),
      ...(filters.openNow ? { openNow: true } : {}),
      ...(filters.openAtNight ? { openAtNight: true } : {}),
      limit: 30,
    })
    if (call !== latest.current) return
    setLoading(false)
    if (r.ok) {
      setList(r.data)
      setFresh(true)
      setError(null)
    } else setError(r.error)
  }, [location, filters])

  useEffect(() => {
    void load()
  }, [load])

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  const toggle = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }))

  if (!list) {
    if (error) return <StateView kind="error" title="驿站列表没有加载出来" description={error.message} onAction={() => void load()} />
    return <StateView kind="loading" title={location === undefined ? '正在获取你的位置…' : '正在查找附近的驿站…'} />
  }

  const savedMinutes = saved.current ? Math.max(1, Math.round((Date.now() - saved.current.savedAt) / 60000)) : 0
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
        {list.originNote ? (
          <View className="stations__note" hoverClass="stations__note--pressed" onClick={locate}>
            <Text className="stations__note-text">{list.originNote}</Text>
            <Text className="stations__note-action">重新定位 ›</Text>
          </View>
        ) : null}
        {!fresh || error ? (
          <Text className="stations__cache">
            {error ? `网络不给力，显示的是 ${savedMinutes} 分钟前保存的列表` : `先显示 ${savedMinutes} 分钟前保存的列表，正在刷新…`}
          </Text>
        ) : null}

        <View className="stations__filters">
          <Chip label="现在开放" on={filters.openNow} onTap={() => toggle({ openNow: !filters.openNow })} />
          <Chip label="夜间开放" on={filters.openAtNight} onTap={() => toggle({ openAtNight: !filters.openAtNight })} />
          {HAS_MAP ? (
            <Chip label={view === 'map' ? '看列表' : '看地图'} on={false} onTap={() => setView(view === 'map' ? 'list' : 'map')} />
          ) : null}
        </View>
        <ScrollView scrollX className="chips" enhanced showScrollbar={false}>
          <View className="chips__row">
            {list.catalogue.map((s) => (
              <Chip
                key={s.key}
                label={s.label}
                on={filters.service === s.key}
                onTap={() => toggle({ service: filters.service === s.key ? undefined : s.key })}
              />
            ))}
          </View>
        </ScrollView>

        {loading && fresh ? <Text className="stations__loading">正在更新…</Text> : null}
        {view === 'map' && HAS_MAP ? <StationMap origin={list.origin} stations={list.stations} onOpen={openStation} /> : null}
        {list.stations.length === 0 ? (
          <Card>
            <StateView compact kind="empty" glyph="站" title="没有符合条件的驿站" description="换个筛选条件试试，比如取消“现在开放”。" />
          </Card>
        ) : (
          list.stations.map((s) => <StationCard key={s.id} station={s} />)
        )}
      </View>
    </View>
  )
}

function Chip({ label, on, onTap }: { label: string; on: boolean; onTap: () => void }) {
  return (
    <View className={`chip${on ? ' chip--on' : ''}`} hoverClass="chip--pressed" onClick={onTap} ariaRole="button" ariaLabel={label}>
      <Text>{label}</Text>
    </View>
  )
}

function StationCard({ station: s }: { station: StationRow }) {
  const tag = s.temporarilyClosed
    ? { text: '暂停开放', cls: 'tag--warning' }
    : s.openNow
      ? { text: '开放中', cls: 'tag--success' }
      : { text: '未开放', cls: '' }
  const soon = s.openNow && s.minutesToClose !== null && s.minutesToClose <= 60
  return (
    <Card onClick={() => openStation(s.id)} className="station-card">
      <View className="station-card__head">
        <Text className="station-card__name">{s.name}</Text>
        <Text className={`tag ${tag.cls}`}>{tag.text}</Text>
      </View>
      <View className="station-card__line">
        <Text className={`station-card__hint${soon ? ' station-card__hint--soon' : ''}${s.openNow ? '' : ' station-card__hint--closed'}`}>
          {s.hint}
        </Text>
        {s.distanceText ? <Text className="station-card__distance">{s.distanceText}</Text> : null}
      </View>
      <Text className="station-card__address">
        {s.providerLabel} · {s.address}
      </Text>
      {s.stationProblem ? <Text className="station-card__problem">⚠ {s.stationProblem}</Text> : null}
      {s.services
        .filter((v) => v.stateText)
        .map((v) => (
          <Text key={v.key} className="station-card__problem">
            ⚠ {v.label}：{v.stateText}
          </Text>
        ))}
      <View className="station-card__services">
        <ServiceIcons services={s.services} />
      </View>
    </Card>
  )
}
