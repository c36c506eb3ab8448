/** 最近 7 天: check-ins and riders per day, problems and the median time to confirm / resolve. */
import type { StationStats } from '@cloud/stations/contract'
import { Text, View } from '@tarojs/components'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'

function summary({ problems: p }: StationStats): string {
  const confirm = p.medianConfirmMinutes !== null ? `；确认用时中位数 ${p.medianConfirmMinutes} 分钟` : ''
  const resolve = p.medianResolveMinutes !== null ? `；处理用时中位数 ${p.medianResolveMinutes} 分钟` : ''
  return `近 30 天问题 ${p.total} 个，待处理 ${p.active} 个${confirm}${resolve}`
}

export default function StatsSection({ stats }: { stats: StationStats }) {
  return (
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
        <Text className="meta-text">{summary(stats)}</Text>
      </Card>
    </>
  )
}
