/** Per month (newest first), each category's raised → accepted → answered → done, overdue now. */
import { Text, View } from '@tarojs/components'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import type { TownSummary } from '@/services/topics'

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`

export default function MonthTable({ s }: { s: TownSummary }) {
  const months = [...s.months].reverse().filter((m) => s.rows.some((r) => r.month === m))
  if (!months.length)
    return (
      <Card>
        <StateView compact kind="empty" glyph="议" title="这段时间还没有议题" />
      </Card>
    )
  return (
    <>
      {months.map((m) => (
        <Card key={m}>
          <Text className="summary__month">{monthLabel(m)}</Text>
          <View className="summary__row summary__row--head">
            <Text className="summary__cell summary__cell--name">分类</Text>
            <Text className="summary__cell">提出</Text>
            <Text className="summary__cell">受理</Text>
            <Text className="summary__cell">答复</Text>
            <Text className="summary__cell">办结</Text>
          </View>
          {s.rows
            .filter((r) => r.month === m)
            .map((r) => (
              <View key={r.category} className="summary__row">
                <Text className="summary__cell summary__cell--name">
                  {r.categoryLabel}
                  {r.overdueNow ? <Text className="summary__overdue"> 逾期{r.overdueNow}</Text> : null}
                </Text>
                <Text className="summary__cell">{r.raised}</Text>
                <Text className="summary__cell">{r.accepted}</Text>
                <Text className="summary__cell">{r.answered}</Text>
                <Text className="summary__cell">{r.done}</Text>
              </View>
            ))}
        </Card>
      ))}
    </>
  )
}
