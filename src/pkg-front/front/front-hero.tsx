/** The band at the top: the group, its liaison and who is on duty, and the group's public figures. */
import type { FrontView } from '@cloud/fronts/contract'
import { Text, View } from '@tarojs/components'
import { minutesText, timeText } from '@/services/fronts/labels'

function dutyLine(f: FrontView): string {
  if (f.onDuty.length) return `值班：${f.onDuty.map((a) => a.name).join('、')}`
  if (f.nextDuty) return `下一班：${f.nextDuty.names.join('、')}（${timeText(f.nextDuty.start)} 起）`
  return '还没有安排值班'
}

export default function FrontHero({ front: f }: { front: FrontView }) {
  const median = f.stats.weekMedianReplyMinutes
  return (
    <View className="fr-band fr-front__band">
      <Text className="fr-band__title">{f.group.name}</Text>
      <Text className="fr-band__line">
        {f.liaison ? `联络员 ${f.liaison.name}` : '还没有联络员'} · {dutyLine(f)}
      </Text>
      <View className="fr-front__figures">
        <View className="fr-front__figure">
          <Text className="fr-front__figure-value">{median === null ? '—' : minutesText(median)}</Text>
          <Text className="fr-front__figure-label">本周回复用时</Text>
        </View>
        <View className="fr-front__figure">
          <Text className="fr-front__figure-value">{f.stats.weekAnswered}</Text>
          <Text className="fr-front__figure-label">本周回答</Text>
        </View>
        <View className="fr-front__figure">
          <Text className="fr-front__figure-value">{f.group.memberCount}</Text>
          <Text className="fr-front__figure-label">群成员</Text>
        </View>
      </View>
    </View>
  )
}
