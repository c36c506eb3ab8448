/** The station's state as one tag: 开放中 / 未开放 / 暂停开放 (list cards, the station page). */
import type { StationRow } from '@cloud/stations/contract'
import { Text } from '@tarojs/components'

export default function StationTag({
  station: s,
  className,
}: {
  station: Pick<StationRow, 'openNow' | 'temporarilyClosed'>
  className?: string
}) {
  const [text, tone] = s.temporarilyClosed ? ['暂停开放', ' tag--warning'] : s.openNow ? ['开放中', ' tag--success'] : ['未开放', '']
  return <Text className={`tag${tone}${className ? ` ${className}` : ''}`}>{text}</Text>
}
