/** 我反映的问题 at this station, with the staff's outcome. */
import type { ProblemView } from '@cloud/stations/contract'
import { Text, View } from '@tarojs/components'

const tagClass = (p: ProblemView) => (p.state === 'fixed' ? 'tag--success' : p.state === 'dismissed' ? '' : 'tag--warning')

export default function MyReports({ reports }: { reports: ProblemView[] }) {
  return (
    <>
      {reports.map((p) => (
        <View key={p.id} className="detail__mine divided-row">
          <Text className="detail__mine-label">{p.label}</Text>
          <Text className={`tag ${tagClass(p)}`}>{p.stateText}</Text>
          {p.outcomeNote ? <Text className="meta-text">处理说明：{p.outcomeNote}</Text> : null}
        </View>
      ))}
    </>
  )
}
