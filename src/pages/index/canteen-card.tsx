/**
 * 首页's canteen part: my next meal (code, locker once placed) opening the booking, and 小哥食堂
 * today — the slots still ahead with seats left (off-peak marked) — opening the 食堂 tab.
 */
import type { HomeCanteenCard, HomeNextMeal } from '@cloud/home/contract'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'

const openCanteen = () => void Taro.switchTab({ url: '/pages/canteen/index' })
const clock = (iso: string | null) => (iso ? (/T(\d{2}:\d{2})/.exec(iso)?.[1] ?? '') : '')

export function NextMeal({ meal, today }: { meal: HomeNextMeal; today: string }) {
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  const when =
    meal.date === today ? '今天' : meal.date === tomorrow ? '明天' : `${Number(meal.date.slice(5, 7))}月${Number(meal.date.slice(8, 10))}日`
  return (
    <Card
      className="next-meal"
      onClick={() => void Taro.navigateTo({ url: `/pkg-canteen/booking/index?bookingId=${encodeURIComponent(meal.bookingId)}` })}
    >
      <Text className="next-meal__label">我的下一顿</Text>
      <Text className="next-meal__when">
        {when} {meal.start}–{meal.end} · {meal.canteenName}
      </Text>
      <Text className="next-meal__code">
        取餐码 {meal.code}
        {meal.state === 'placed' && meal.lockerNo !== null ? ` · ${meal.lockerNo} 号柜（保留到 ${clock(meal.holdUntil)}）` : ''}
      </Text>
      <Text className="next-meal__more">看取餐码 ›</Text>
    </Card>
  )
}

export default function CanteenCard({ canteen }: { canteen: HomeCanteenCard }) {
  return (
    <View className="home__section">
      <SectionHeader title={`${canteen.name} · 15元爱心餐`} actionText="去预约" onAction={openCanteen} />
      <Card onClick={openCanteen}>
        {canteen.slots.length === 0 ? (
          <Text className="canteen-card__none">今天的时段都结束了，可以约明天的。</Text>
        ) : (
          canteen.slots.map((s) => (
            <View key={s.id} className="canteen-card__slot">
              <Text className="canteen-card__time">
                {s.start}–{s.end}
                {s.offPeak ? ' 错峰' : ''}
              </Text>
              <Text className={`canteen-card__left${s.bookable ? '' : ' canteen-card__left--off'}`}>
                {s.bookable ? `剩 ${s.left} 份 · 去预约` : s.reason === '认证后可预约' ? `剩 ${s.left} 份` : s.reason}
              </Text>
            </View>
          ))
        )}
      </Card>
    </View>
  )
}
