/**
 * 全镇议事汇总 (public): per month and category, how many topics riders raised and how many were
 * accepted, answered and done; answers on time, overdue now, the median days to an answer. Share it
 * into the group (WeChat card; in the browser, a copied link).
 */
import { Text, View } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import ChipPicker from '@/components/chip-picker'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { type TownSummary, townSummary } from '@/services/topics'
import ShareButton from '../share-button'
import { useQueryOf } from '../use-query-of'
import MonthTable from './month-table'
import './index.scss'

const PATH = '/pkg-topics/summary/index'
const SPANS = [
  { key: 3, label: '近 3 个月' },
  { key: 6, label: '近半年' },
  { key: 12, label: '近一年' },
]

export default function SummaryPage() {
  const [months, setMonths] = useState(6)
  const { state, reload } = useQueryOf(() => townSummary({ months }), months)
  const s = state.status === 'ready' ? state.data : null
  useShareAppMessage(() => ({ title: s?.shareTitle ?? '周浦镇小哥议事汇总', path: PATH }))
  return (
    <View className="page summary">
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">全镇议事汇总</Text>
          <Text className="page-lead__text">小哥提的每件事，受理、答复、办结了多少，按时答复了多少，都公开。</Text>
        </View>
        <ChipPicker
          options={SPANS.map((x) => ({ key: String(x.key), label: x.label }))}
          selected={[String(months)]}
          onPick={(k) => setMonths(Number(k))}
        />
        {state.status === 'loading' ? <StateView compact kind="loading" /> : null}
        {state.status === 'error' ? (
          <StateView compact kind="error" description={state.error.message} onAction={() => void reload()} />
        ) : null}
        {s ? <Body s={s} /> : null}
      </View>
    </View>
  )
}

function Body({ s }: { s: TownSummary }) {
  const t = s.totals
  const onTime = t.answered ? Math.round((t.answeredOnTime / t.answered) * 100) : null
  const funnel = [
    ['提出', t.raised],
    ['受理', t.accepted],
    ['答复', t.answered],
    ['办结', t.done],
  ] as const
  return (
    <>
      <Card>
        <View className="summary__funnel">
          {funnel.map(([label, n]) => (
            <View key={label} className="summary__step">
              <Text className="summary__number">{n}</Text>
              <Text className="summary__label">{label}</Text>
            </View>
          ))}
        </View>
        <Text className="summary__fact">
          按期答复 {onTime === null ? '—' : `${onTime}%`}（{t.answeredOnTime}/{t.answered}）
        </Text>
        <Text className={`summary__fact${t.overdueNow ? ' summary__fact--bad' : ''}`}>现在逾期未答复 {t.overdueNow} 件</Text>
        <Text className="summary__fact">从受理到答复，一般 {t.medianDaysToAnswer === null ? '—' : `${t.medianDaysToAnswer} 天`}</Text>
        <Text className="summary__fact">撤回 {t.withdrawn} 件（重复合并、暂不具备条件或已解决，理由都公开）</Text>
      </Card>
      <View className="button-row">
        <ShareButton path={PATH} title={s.shareTitle} label="分享到群里" />
      </View>
      <SectionHeader title="每月分类" />
      <MonthTable s={s} />
    </>
  )
}
