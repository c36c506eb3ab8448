/**
 * 食堂: the 15-yuan 爱心餐. Today's set meals with photos, the slot grid with seats left (off-peak
 * marked), refreshed whenever the tab shows and re-checked by the server on confirm; booking is a
 * slot tap and 确认预约 (the first available 爱心餐 is preselected; another day is one more tap).
 * Consent to the locker-number message is asked on that tap. The booking opens its pickup code.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/subscribe-message.html  ·
 *       https://docs.taro.zone/docs/hooks#usedidshow
 */

import type { DayView } from '@cloud/meals/contract'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useKeyedQuery } from '@/hooks/use-keyed-query'
import { listDay } from '@/services/meals/rider'
import { shortDay } from '@/utils/canteen-format'
import BookSheet from './book-sheet'
import MealList from './meal-list'
import SlotGrid from './slot-grid'
import { openBooking, useBooking } from './use-booking'
import './index.scss'

function Notices({ day }: { day: DayView }) {
  if (day.me.pausedUntil)
    return (
      <Card className="canteen-notice canteen-notice--warning">
        <Text className="canteen-notice__title">爱心餐预约暂停到 {shortDay(day.me.pausedUntil.slice(0, 10))}</Text>
        <Text className="canteen-notice__text">原因：{day.me.pauseReason}。有特殊情况可以找联络员说明。</Text>
      </Card>
    )
  if (!day.me.verified && !day.me.staff)
    return (
      <Card className="canteen-notice" onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
        <Text className="canteen-notice__title">认证成为小哥后才能预约</Text>
        <Text className="canteen-notice__text">在“我的”里申请认证，联络员审核通过就能约爱心餐。 去认证 ›</Text>
      </Card>
    )
  return null
}

function Booked({ day }: { day: DayView }) {
  if (!day.me.booked.length) return null
  return (
    <>
      {day.me.booked.map((b) => {
        const slot = day.slots.find((s) => s.id === b.slotId)
        return (
          <Card key={b.bookingId} className="booked" onClick={() => openBooking(b.bookingId)}>
            <Text className="booked__title">
              已预约{b.service === 'lunch' ? '午餐' : '晚餐'} {slot ? `${slot.start}–${slot.end}` : ''}
            </Text>
            <Text className="booked__more">看取餐码 ›</Text>
          </Card>
        )
      })}
    </>
  )
}

function DayPicker({ day, onPick }: { day: DayView; onPick: (date: string) => void }) {
  return (
    <View className="days">
      {day.days.map((d) => (
        <View
          key={d.date}
          className={`days__item${d.date === day.date ? ' days__item--on' : ''}${d.open ? '' : ' days__item--closed'}`}
          hoverClass="days__item--pressed"
          onClick={() => onPick(d.date)}
        >
          <Text className="days__label">{d.label}</Text>
          <Text className="days__date">{d.open ? shortDay(d.date).split(' ')[0] : '休息'}</Text>
        </View>
      ))}
    </View>
  )
}

export default function CanteenPage() {
  const [date, setDate] = useState('')
  const fetcher = useCallback(() => listDay(date || todayGuess()), [date])
  const { state, reload } = useKeyedQuery(fetcher, date)
  const quiet = () => reload({ quiet: true })
  const b = useBooking(quiet)

  usePullDownRefresh(() => void quiet().finally(() => Taro.stopPullDownRefresh()))

  if (state.status === 'loading') return <StateView kind="loading" title="正在看今天的菜…" />
  if (state.status === 'error')
    return <StateView kind="error" title="食堂没有加载出来" description={state.error.message} onAction={() => void reload()} />
  const day = state.data

  return (
    <View className="page canteen">
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">{day.canteen.name}</Text>
          <Text className="page-lead__text">15元小哥爱心餐 · {day.canteen.address}</Text>
          <View className="canteen__links">
            <View
              className="canteen__link"
              hoverClass="canteen__link--pressed"
              onClick={() => void Taro.navigateTo({ url: '/pkg-canteen/mine/index' })}
            >
              <Text>我的预约 ›</Text>
            </View>
            {day.me.staff ? (
              <View
                className="canteen__link"
                hoverClass="canteen__link--pressed"
                onClick={() => void Taro.navigateTo({ url: `/pkg-canteen/console/index?canteenId=${day.canteen.id}` })}
              >
                <Text>食堂管理 ›</Text>
              </View>
            ) : null}
          </View>
        </View>
        <Notices day={day} />
        <Booked day={day} />
        <DayPicker day={day} onPick={(d) => setDate(d)} />
        <SectionHeader title="选时段" />
        {day.slots.length ? (
          <SlotGrid slots={day.slots} selectedId={b.slot?.id ?? null} onPick={(s) => b.pick(day, s)} seatsOnly={!day.me.verified} />
        ) : (
          <Card>
            <StateView compact kind="empty" glyph="饭" title="这一天没有开放的时段" description="看看别的日子吧。" />
          </Card>
        )}
        <SectionHeader title={day.date === day.today ? '今天的菜' : `${shortDay(day.date)} 的菜`} />
        {day.meals.length ? (
          <MealList meals={day.meals} />
        ) : (
          <Card>
            <StateView compact kind="empty" glyph="菜" title="菜单还没排好" description="食堂排好后这里就能看到。" />
          </Card>
        )}
      </View>
      {b.slot ? (
        <BookSheet
          slot={b.slot}
          meals={day.meals}
          mealId={b.mealId}
          busy={b.busy}
          cutoffMinutes={day.cutoffMinutes}
          subsidyOpen={day.subsidyOpen}
          onMeal={b.setMealId}
          onConfirm={() => void b.confirm(day)}
          onClose={b.close}
        />
      ) : null}
    </View>
  )
}

/** Before the first answer the page asks for "today" by the phone's clock in Shanghai; the answer says the real one. */
function todayGuess(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
}
