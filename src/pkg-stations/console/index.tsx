/**
 * 驿站管理 (station staff: their own station; town: every station): problems reported by riders
 * (确认属实 / 已修好 / 无此问题), service states, "信息今日已核实", usage per day and response
 * times, and the printable check-in code; the town also edits, pauses and permanently closes (after
 * a confirm dialog) a station. The server checks every action's scope again.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showModal.html
 */

import type { Envelope } from '@cloud/_lib/envelope'
import type { ManagedStation, ProblemView, StationDetail, StationStats } from '@cloud/stations/contract'
import { Button, Image, Input, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import {
  closeStation,
  confirmProblem,
  getStation,
  listManaged,
  listProblems,
  reopenStation,
  resolveProblem,
  setHours,
  setServiceState,
  stationStats,
  verifyStation,
} from '@/services/stations/stations'
import { askSubscribe } from '@/services/users/subscribe'
import HoursEditor from './hours-editor'
import './index.scss'

interface ConsoleData {
  stations: ManagedStation[]
  isTown: boolean
  station: StationDetail | null
  problems: ProblemView[]
  stats: StationStats | null
}

async function loadConsole(wanted: string): Promise<Envelope<ConsoleData>> {
  const managed = await listManaged()
  if (!managed.ok) return managed
  const id = managed.data.stations.some((s) => s.id === wanted) ? wanted : (managed.data.stations[0]?.id ?? '')
  if (!id) return { ok: true, data: { ...managed.data, station: null, problems: [], stats: null } }
  const [station, problems, stats] = await Promise.all([getStation(id), listProblems(id), stationStats(id)])
  if (!station.ok) return station
  if (!problems.ok) return problems
  if (!stats.ok) return stats
  return { ok: true, data: { ...managed.data, station: station.data, problems: problems.data.problems, stats: stats.data } }
}

function time(iso: string | null): string {
  const m = iso ? /^\d{4}-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(iso) : null
  return m ? `${Number(m[1])}月${Number(m[2])}日 ${m[3]}` : ''
}

const SERVICE_STATES = [
  { state: 'ok', label: '正常' },
  { state: 'paused', label: '暂停' },
  { state: 'broken', label: '故障' },
] as const

export default function ConsolePage() {
  const { params } = useRouter()
  const [stationId, setStationId] = useState(params.stationId ?? '')
  const fetcher = useCallback(() => loadConsole(stationId), [stationId])
  const { state, reload } = useCloudQuery(fetcher)
  const [busy, setBusy] = useState(false)
  const [editingHours, setEditingHours] = useState(false)
  const [closeReason, setCloseReason] = useState('')

  usePullDownRefresh(() => {
    void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh())
  })

  async function run(work: () => Promise<{ ok: boolean; error?: { message: string } }>, success: string) {
    if (busy) return
    setBusy(true)
    const r = await work()
    setBusy(false)
    if (!r.ok) {
      void Taro.showModal({ title: '没有成功', content: r.error?.message ?? '', showCancel: false, confirmText: '知道了' })
      return
    }
    void Taro.showToast({ title: success, icon: 'success' })
    await reload({ quiet: true })
  }

  async function closeForGood(id: string, name: string) {
    const reason = closeReason.trim()
    const { confirm } = await Taro.showModal({
      title: '永久关闭驿站？',
      content: `“${name}”将从小哥的列表中去掉，不能恢复。原因：${reason}`,
      confirmText: '永久关闭',
      confirmColor: '#c4361c',
      cancelText: '再想想',
    })
    if (!confirm) return
    setCloseReason('')
    // The reload falls back to the first station still managed: this one is gone from the list.
    await run(() => closeStation({ stationId: id, mode: 'permanent', reason }), '已永久关闭')
  }

  if (state.status === 'loading') return <StateView kind="loading" title="正在打开驿站管理…" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const { stations, station, problems, stats, isTown } = state.data
  const goEdit = (id?: string) => void Taro.navigateTo({ url: `/pkg-stations/edit/index${id ? `?stationId=${id}` : ''}` })
  if (!station)
    return isTown ? (
      <StateView kind="empty" glyph="站" title="还没有驿站" actionText="新建驿站" onAction={() => goEdit()} />
    ) : (
      <StateView kind="empty" glyph="站" title="你还没有负责的驿站" description="请联系镇里把你设为驿站工作人员。" />
    )

  return (
    <View className="page console">
      <View className="page__body">
        {stations.length > 1 ? (
          <View className="console__picker">
            {stations.map((s) => (
              <View
                key={s.id}
                className={`console__pick${s.id === station.id ? ' console__pick--on' : ''}`}
                hoverClass="console__pick--pressed"
                onClick={() => setStationId(s.id)}
              >
                <Text>{s.name}</Text>
                {s.openProblems ? <Text className="console__count">{s.openProblems}</Text> : null}
              </View>
            ))}
          </View>
        ) : null}
        <Text className="page-lead__title">{station.name}</Text>
        <Text className="page-lead__text">
          {station.openNow ? '开放中' : '未开放'} · {station.hint}
        </Text>

        <SectionHeader title={`待处理的问题（${problems.length}）`} />
        {problems.length === 0 ? (
          <Card>
            <StateView compact kind="empty" glyph="✓" title="没有待处理的问题" />
          </Card>
        ) : (
          problems.map((p) => (
            <Card key={p.id} className="console__problem">
              <View className="console__problem-head">
                <Text className="console__problem-label">{p.label}</Text>
                <Text className={`tag ${p.state === 'open' ? 'tag--warning' : 'tag--primary'}`}>{p.stateText}</Text>
              </View>
              <Text className="console__meta">
                {p.count} 位小哥反映 · 首次 {time(p.createdAt)}
              </Text>
              {p.note ? <Text className="console__note">“{p.note}”</Text> : null}
              {p.photoUrl ? <Image className="console__photo" src={p.photoUrl} mode="aspectFill" /> : null}
              <View className="console__buttons">
                {p.state === 'open' ? (
                  <Button
                    className="button-secondary console__button"
                    hoverClass="button-secondary--hover"
                    onClick={() => void run(() => confirmProblem(p.id), '已确认')}
                  >
                    确认属实
                  </Button>
                ) : null}
                <Button
                  className="button-primary console__button"
                  hoverClass="button-primary--hover"
                  onClick={() => void run(() => resolveProblem(p.id, 'fixed'), '已处理')}
                >
                  已修好
                </Button>
                <Button
                  className="button-secondary console__button"
                  hoverClass="button-secondary--hover"
                  onClick={() => void run(() => resolveProblem(p.id, 'dismissed'), '已处理')}
                >
                  无此问题
                </Button>
              </View>
            </Card>
          ))
        )}

        <Button
          className="button-secondary console__wide"
          hoverClass="button-secondary--hover"
          onClick={() =>
            void askSubscribe([station.templates.problem]).then((ok) =>
              Taro.showToast({ title: ok ? '有新问题会通知你' : '未开启微信通知', icon: 'none' }),
            )
          }
        >
          有新问题时微信通知我
        </Button>

        <SectionHeader title="服务状态" />
        <Card>
          {station.services.map((v) => {
            const current = v.state === 'paused' || v.state === 'broken' ? v.state : 'ok'
            return (
              <View key={v.key} className="console__service">
                <Text className="console__service-label">{v.label}</Text>
                <View className="console__segments">
                  {SERVICE_STATES.map((o) => (
                    <View
                      key={o.state}
                      className={`console__segment${current === o.state ? ' console__segment--on' : ''}`}
                      hoverClass="console__segment--pressed"
                      onClick={() =>
                        current === o.state
                          ? undefined
                          : void run(() => setServiceState({ stationId: station.id, service: v.key, state: o.state }), '已更新')
                      }
                    >
                      <Text>{o.label}</Text>
                    </View>
                  ))}
                </View>
              </View>
            )
          })}
        </Card>

        <SectionHeader title="开放时间" />
        <Card>
          <Text className="console__hours">{station.hoursText}</Text>
          {editingHours ? (
            <HoursEditor
              hours={station.hours}
              exceptions={station.exceptions}
              onSave={async (hours, exceptions) => {
                const r = await setHours({ stationId: station.id, hours, exceptions })
                if (!r.ok) {
                  void Taro.showModal({ title: '没有保存', content: r.error.message, showCancel: false, confirmText: '知道了' })
                  return
                }
                setEditingHours(false)
                void Taro.showToast({ title: '已保存', icon: 'success' })
                await reload({ quiet: true })
              }}
            />
          ) : (
            <Button className="button-secondary console__wide" hoverClass="button-secondary--hover" onClick={() => setEditingHours(true)}>
              修改开放时间 / 节假日
            </Button>
          )}
        </Card>

        <SectionHeader title="信息核实" />
        <Card>
          <Text className="console__meta">
            {station.lastVerified ? `上次核实：${time(station.lastVerified.at)} · ${station.lastVerified.by}` : '还没有核实过'}
          </Text>
          <Button
            className="button-primary console__wide"
            hoverClass="button-primary--hover"
            onClick={() => void run(() => verifyStation(station.id), '已核实')}
          >
            信息今日已核实
          </Button>
        </Card>

        {stats ? (
          <>
            <SectionHeader title="最近 7 天" />
            <Card>
              <View className="console__row console__row--head">
                <Text>日期</Text>
                <Text>签到人次</Text>
                <Text>人数</Text>
              </View>
              {stats.days.map((d) => (
                <View key={d.date} className="console__row">
                  <Text>{d.date.slice(5)}</Text>
                  <Text>{d.checkins}</Text>
                  <Text>{d.riders}</Text>
                </View>
              ))}
              <Text className="console__meta">
                近 30 天问题 {stats.problems.total} 个，待处理 {stats.problems.active} 个
                {stats.problems.medianConfirmMinutes !== null ? `；确认用时中位数 ${stats.problems.medianConfirmMinutes} 分钟` : ''}
                {stats.problems.medianResolveMinutes !== null ? `；处理用时中位数 ${stats.problems.medianResolveMinutes} 分钟` : ''}
              </Text>
            </Card>
          </>
        ) : null}

        {isTown ? (
          <>
            <SectionHeader title="驿站资料与开放状态（镇里）" />
            <Card>
              <View className="console__town">
                <Button
                  className="button-secondary console__button"
                  hoverClass="button-secondary--hover"
                  onClick={() => goEdit(station.id)}
                >
                  编辑资料
                </Button>
                <Button className="button-secondary console__button" hoverClass="button-secondary--hover" onClick={() => goEdit()}>
                  新建驿站
                </Button>
              </View>
              {station.temporarilyClosed ? (
                <Button
                  className="button-primary console__wide"
                  hoverClass="button-primary--hover"
                  onClick={() => void run(() => reopenStation(station.id), '已恢复开放')}
                >
                  恢复开放
                </Button>
              ) : (
                <>
                  <Input
                    className="hours-editor__input"
                    value={closeReason}
                    maxlength={30}
                    placeholder="原因，如：内部装修 / 不再合作"
                    onInput={(e) => setCloseReason(e.detail.value)}
                  />
                  <Button
                    className="button-secondary console__wide"
                    hoverClass="button-secondary--hover"
                    disabled={closeReason.trim().length < 2 || undefined}
                    onClick={() =>
                      void run(() => closeStation({ stationId: station.id, mode: 'temporary', reason: closeReason.trim() }), '已暂停开放')
                    }
                  >
                    暂停开放
                  </Button>
                </>
              )}
              <Text className="console__meta console__danger-note">永久关闭后，驿站从小哥的列表、地图和首页中去掉，不能恢复。</Text>
              {station.temporarilyClosed ? (
                <Input
                  className="hours-editor__input"
                  value={closeReason}
                  maxlength={30}
                  placeholder="关闭原因，如：不再合作"
                  onInput={(e) => setCloseReason(e.detail.value)}
                />
              ) : null}
              <Button
                className="button-secondary console__wide console__danger"
                hoverClass="button-secondary--hover"
                disabled={closeReason.trim().length < 2 || undefined}
                onClick={() => void closeForGood(station.id, station.name)}
              >
                {closeReason.trim().length < 2 ? '永久关闭（先填写原因）' : '永久关闭驿站'}
              </Button>
            </Card>
          </>
        ) : null}

        <SectionHeader title="签到二维码" />
        <Card>
          <Text className="console__meta">打印后贴在驿站门口，小哥用“扫码签到”登记来访。</Text>
          <Button
            className="button-secondary console__wide"
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
