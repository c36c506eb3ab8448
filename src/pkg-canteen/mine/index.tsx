/**
 * 我的爱心餐预约: bookings still to collect (code, time, locker number once placed), then the
 * history (collected, cancelled, not collected), and a booking pause with its reason and end.
 * Each row opens its booking.
 */

import type { BookingView } from '@cloud/meals/contract'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useKeyedQuery } from '@/hooks/use-keyed-query'
import { myBookings } from '@/services/meals/rider'
import { BOOKING_STATE, clockOf, shortDay } from '@/utils/canteen-format'
import { Failed, Loading } from '../components/load-state'
import '../shared.scss'
import './index.scss'

const open = (id: string) => void Taro.navigateTo({ url: `/pkg-canteen/booking/index?bookingId=${encodeURIComponent(id)}` })

function Row({ b }: { b: BookingView }) {
  const s = BOOKING_STATE[b.state]
  return (
    <Card className="mine__row" onClick={() => open(b.id)}>
      <View className="mine__head">
        <Text className="mine__when">
          {shortDay(b.date)} {b.start}
        </Text>
        <Text className={`tag tag--${s.tone}`}>{s.label}</Text>
      </View>
      <Text className="mine__meal">
        {b.canteen.name} · {b.meal.name}
      </Text>
      {b.state === 'booked' || b.state === 'placed' ? (
        <Text className="mine__code">
          取餐码 {b.code}
          {b.lockerNo !== null ? ` · ${b.lockerNo} 号柜（保留到 ${clockOf(b.holdUntil)}）` : ''}
        </Text>
      ) : null}
    </Card>
  )
}

export default function MinePage() {
  const { state, reload } = useKeyedQuery(myBookings)
  usePullDownRefresh(() => void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh()))
  if (state.status === 'loading') return <Loading title="正在打开我的预约…" />
  if (state.status === 'error') return <Failed error={state.error} onRetry={() => void reload()} />
  const m = state.data
  return (
    <View className="page mine">
      <View className="page__body">
        {m.pausedUntil ? (
          <Card className="mine__pause">
            <Text className="mine__pause-title">预约暂停到 {shortDay(m.pausedUntil.slice(0, 10))}</Text>
            <Text className="mine__pause-text">原因：{m.pauseReason}。有特殊情况可以找联络员说明。</Text>
          </Card>
        ) : null}
        <SectionHeader title="待取餐" />
        {m.active.length ? (
          m.active.map((b) => <Row key={b.id} b={b} />)
        ) : (
          <Card>
            <StateView
              compact
              kind="empty"
              glyph="饭"
              title="现在没有待取的餐"
              actionText="去食堂预约"
              onAction={() => void Taro.switchTab({ url: '/pages/canteen/index' })}
            />
          </Card>
        )}
        <SectionHeader title="历史记录" />
        {m.noShows ? <Text className="muted mine__strikes">最近 {m.noShows} 次预约没有按时取餐或临时取消。来不了请提前取消。</Text> : null}
        {m.history.length ? m.history.map((b) => <Row key={b.id} b={b} />) : <Text className="muted">还没有记录。</Text>}
      </View>
    </View>
  )
}
