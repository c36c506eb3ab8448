/** 待处理的问题: each with how many riders reported it, the note and the photo (once it passed its check). */
import type { ProblemView } from '@cloud/stations/contract'
import { Button, Image, Text, View } from '@tarojs/components'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { confirmProblem, resolveProblem } from '@/services/stations/stations'
import { shortDate } from '../format'
import type { Run } from './use-run'

function ProblemCard({ problem: p, run }: { problem: ProblemView; run: Run }) {
  return (
    <Card className="console__problem">
      <View className="console__problem-head">
        <Text className="console__problem-label">{p.label}</Text>
        <Text className={`tag ${p.state === 'open' ? 'tag--warning' : 'tag--primary'}`}>{p.stateText}</Text>
      </View>
      <Text className="meta-text">
        {p.count} 位小哥反映 · 首次 {shortDate(p.createdAt)}
      </Text>
      {p.note ? <Text className="console__note">“{p.note}”</Text> : null}
      {p.photoUrl ? <Image className="console__photo" src={p.photoUrl} mode="aspectFill" /> : null}
      <View className="button-row">
        {p.state === 'open' ? (
          <Button
            className="button-secondary button-row__item"
            hoverClass="button-secondary--hover"
            onClick={() => void run(() => confirmProblem(p.id), '已确认')}
          >
            确认属实
          </Button>
        ) : null}
        <Button
          className="button-primary button-row__item"
          hoverClass="button-primary--hover"
          onClick={() => void run(() => resolveProblem(p.id, 'fixed'), '已处理')}
        >
          已修好
        </Button>
        <Button
          className="button-secondary button-row__item"
          hoverClass="button-secondary--hover"
          onClick={() => void run(() => resolveProblem(p.id, 'dismissed'), '已处理')}
        >
          无此问题
        </Button>
      </View>
    </Card>
  )
}

export default function ProblemsSection({ problems, run }: { problems: ProblemView[]; run: Run }) {
  return (
    <>
      <SectionHeader title={`待处理的问题（${problems.length}）`} />
      {problems.length === 0 ? (
        <Card>
          <StateView compact kind="empty" glyph="✓" title="没有待处理的问题" />
        </Card>
      ) : (
        problems.map((p) => <ProblemCard key={p.id} problem={p} run={run} />)
      )}
    </>
  )
}
