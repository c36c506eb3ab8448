/** 开放时间: the weekly hours and the exception dates from today on (a closure is told in the services card). */
import type { StationDetail } from '@cloud/stations/contract'
import { Text } from '@tarojs/components'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import { exceptionText } from '../format'

export default function HoursCard({ station: s }: { station: StationDetail }) {
  return (
    <>
      <SectionHeader title="开放时间" />
      <Card>
        <Text className="detail__hours">{s.hoursText}</Text>
        {s.exceptions.map((e) => (
          <Text key={e.date} className="detail__exception">
            {exceptionText(e)}
          </Text>
        ))}
      </Card>
    </>
  )
}
