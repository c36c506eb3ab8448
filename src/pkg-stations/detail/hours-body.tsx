/** 开放时间: the weekly hours and the exception dates from today on (a closure is told with the services). */
import type { StationDetail } from '@cloud/stations/contract'
import { Text } from '@tarojs/components'
import { exceptionText } from '../format'

export default function HoursBody({ station: s }: { station: StationDetail }) {
  return (
    <>
      <Text className="detail__hours">{s.hoursText}</Text>
      {s.exceptions.map((e) => (
        <Text key={e.date} className="detail__exception">
          {exceptionText(e)}
        </Text>
      ))}
    </>
  )
}
