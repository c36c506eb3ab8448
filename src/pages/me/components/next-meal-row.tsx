/** 我的 › my next 爱心餐 (a verified rider's next booking still to collect), opening its pickup code. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { myBookings } from '@/services/meals/rider'
import { clockOf, shortDay } from '@/utils/canteen-format'

export default function NextMealRow() {
  const { state } = useCloudQuery(myBookings)
  const next = state.status === 'ready' ? state.data.active[0] : undefined
  if (!next) return null
  return (
    <Card
      className="me__next-meal"
      onClick={() => void Taro.navigateTo({ url: `/pkg-canteen/booking/index?bookingId=${encodeURIComponent(next.id)}` })}
    >
      <Text className="me__next-meal-label">我的下一顿爱心餐</Text>
      <View className="me__next-meal-row">
        <Text className="me__next-meal-when">
          {shortDay(next.date)} {next.start}
        </Text>
        <Text className="me__next-meal-code">
          {next.lockerNo !== null ? `${next.lockerNo} 号柜 · 保留到 ${clockOf(next.holdUntil)}` : `取餐码 ${next.code}`} ›
        </Text>
      </View>
    </Card>
  )
}
