/**
 * A booking (`?bookingId=`): the 6-character pickup code, large, with its QR code for the counter;
 * where and when; the locker number once staff have placed the meal (refreshed on show: the
 * subscribe message brings the rider here); cancel before the start (a late cancel is said before
 * it is done); running late: the next slot with room, or a longer hold, once each.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showModal.html
 */

import type { BookingView } from '@cloud/meals/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import { useKeyedQuery } from '@/hooks/use-keyed-query'
import { cancelBooking, getBooking, runningLate } from '@/services/meals/rider'
import { BOOKING_STATE, clockOf, shortDay, yuan } from '@/utils/canteen-format'
import { Failed, Loading } from '../components/load-state'
import PickupQr from '../components/pickup-qr'
import '../shared.scss'
import './index.scss'

function lockerText(b: BookingView): string {
  if (b.state === 'placed' && b.lockerNo !== null) return `${b.lockerNo} 号保温柜，保留到 ${clockOf(b.holdUntil)}`
  if (b.state === 'booked') return `放餐后通知你柜号，保留到 ${clockOf(b.holdUntil)}`
  if (b.state === 'collected') return `已于 ${clockOf(b.collectedAt)} 取餐`
  return '—'
}

function Code({ b }: { b: BookingView }) {
  const live = b.state === 'booked' || b.state === 'placed'
  return (
    <Card className={`ticket${live ? '' : ' ticket--done'}`}>
      <Text className={`tag tag--${BOOKING_STATE[b.state].tone}`}>{BOOKING_STATE[b.state].label}</Text>
      {b.state === 'placed' && b.lockerNo !== null ? <Text className="ticket__locker">{b.lockerNo} 号柜</Text> : null}
      <Text className="ticket__label">取餐码</Text>
      <Text className="ticket__code">{`${b.code.slice(0, 3)} ${b.code.slice(3)}`}</Text>
      {live ? <PickupQr code={b.code} /> : null}
      {live ? <Text className="muted ticket__hint">到柜台出示二维码，或报取餐码</Text> : null}
    </Card>
  )
}

function Details({ b }: { b: BookingView }) {
  const rows: [string, string][] = [
    ['食堂', b.canteen.name],
    ['地址', b.canteen.address],
    ['时间', `${shortDay(b.date)} ${b.service === 'lunch' ? '午餐' : '晚餐'} ${b.start}–${b.end}`],
    [
      '套餐',
      `${b.meal.name} · ${yuan(b.meal.priceFen)} 元${b.meal.subsidised && !b.meal.name.includes('爱心餐') ? '（爱心餐）' : ''}，到柜台付`,
    ],
    ['保温柜', lockerText(b)],
  ]
  if (b.cancelNote) rows.push(['取消', b.cancelNote])
  if (b.moved) rows.push(['改过时段', '已改到这个时段'])
  if (b.holdExtended) rows.push(['延长保温', '已延长一次'])
  return (
    <Card>
      {rows.map(([k, v]) => (
        <View key={k} className="rows__row">
          <Text className="rows__key">{k}</Text>
          <Text className="rows__value">{v}</Text>
        </View>
      ))}
    </Card>
  )
}

export default function BookingPage() {
  const { params } = useRouter()
  const bookingId = params.bookingId ?? ''
  const fetcher = useCallback(() => getBooking(bookingId), [bookingId])
  const { state, reload } = useKeyedQuery(fetcher, bookingId)
  const [busy, setBusy] = useState(false)

  usePullDownRefresh(() => void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh()))

  async function act(work: () => ReturnType<typeof cancelBooking>, done: string) {
    if (busy) return
    setBusy(true)
    const r = await work()
    setBusy(false)
    if (!r.ok) void Taro.showModal({ title: '没有成功', content: r.error.message, showCancel: false, confirmText: '知道了' })
    else void Taro.showToast({ title: done, icon: 'success' })
    await reload({ quiet: true })
  }

  async function cancel(b: BookingView) {
    const { confirm } = await Taro.showModal({
      title: '取消这份预约？',
      content: b.cancelIsLate ? '快开餐了，现在取消会和没来取餐一样记一次爽约。' : '名额会让给别的小哥。',
      confirmText: '取消预约',
      cancelText: '不取消',
    })
    if (confirm) await act(() => cancelBooking(b.id), '已取消')
  }

  if (state.status === 'loading') return <Loading title="正在打开预约…" />
  if (state.status === 'error') return <Failed error={state.error} onRetry={() => void reload()} />
  const b = state.data
  return (
    <View className="page booking">
      <View className="page__body">
        <Code b={b} />
        <Details b={b} />
        {b.canMove || b.canExtend ? <Text className="booking__late">来不及取餐？</Text> : null}
        <View className="actions">
          {b.canMove ? (
            <Button
              className="button-secondary"
              hoverClass="button-secondary--hover"
              disabled={busy || undefined}
              onClick={() => void act(() => runningLate(b.id, 'move'), '已改时段')}
            >
              改到下一个时段
            </Button>
          ) : null}
          {b.canExtend ? (
            <Button
              className="button-secondary"
              hoverClass="button-secondary--hover"
              disabled={busy || undefined}
              onClick={() => void act(() => runningLate(b.id, 'extend'), '已延长保温')}
            >
              延长保温
            </Button>
          ) : null}
        </View>
        {b.canCancel ? (
          <View className="actions">
            <Button
              className="button-secondary button-danger booking__cancel"
              hoverClass="button-secondary--hover"
              disabled={busy || undefined}
              onClick={() => void cancel(b)}
            >
              取消预约
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  )
}
