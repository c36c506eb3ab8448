/**
 * 爱心餐暂停预约 (liaison: the riders of their groups; town: everyone): who is paused for no-shows,
 * until when and why; the liaison lifts a pause after hearing the rider out (recorded in the
 * canteen's log; earlier no-shows stop counting).
 */

import type { PausedRider } from '@cloud/meals/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { liftPause, listPaused } from '@/services/meals/pauses'
import { shortDay } from '@/utils/canteen-format'
import { Failed, Loading } from '../components/load-state'
import '../shared.scss'
import './index.scss'

export default function PausesPage() {
  const { state, reload } = useCloudQuery(listPaused)
  usePullDownRefresh(() => void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh()))

  async function lift(r: PausedRider) {
    const { confirm } = await Taro.showModal({
      title: `恢复 ${r.nickname} 的预约？`,
      content: '之前的爽约不再计入。请先和小哥确认情况。',
      confirmText: '恢复预约',
      cancelText: '先不',
    })
    if (!confirm) return
    const res = await liftPause(r.openid)
    if (!res.ok) void Taro.showModal({ title: '没有恢复', content: res.error.message, showCancel: false, confirmText: '知道了' })
    else void Taro.showToast({ title: '已恢复', icon: 'success' })
    await reload({ quiet: true })
  }

  if (state.status === 'loading') return <Loading title="正在打开…" />
  if (state.status === 'error') return <Failed error={state.error} onRetry={() => void reload()} />
  const riders = state.data.riders
  return (
    <View className="page pauses">
      <View className="page__body">
        <Text className="page-lead__text">多次预约了不来取餐的小哥会被暂停预约一段时间。有特殊情况的，可以在这里恢复。</Text>
        {riders.length === 0 ? (
          <Card>
            <StateView compact kind="empty" glyph="✓" title="没有被暂停预约的小哥" />
          </Card>
        ) : (
          riders.map((r) => (
            <Card key={r.openid}>
              <Text className="pauses__name">{r.nickname}</Text>
              <Text className="pauses__meta">
                暂停到 {shortDay(r.until.slice(0, 10))} · {r.reason}
              </Text>
              <View className="actions">
                <Button className="button-primary pauses__lift" hoverClass="button-primary--hover" onClick={() => void lift(r)}>
                  恢复预约
                </Button>
              </View>
            </Card>
          ))
        )}
      </View>
    </View>
  )
}
