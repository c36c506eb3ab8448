/** The list's filters: whose (全部 / 我提的 / 我关注的), words, order, status and category — big chips a gloved thumb can hit. */
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ChipPicker from '@/components/chip-picker'
import type { CategoryView } from '@/services/topics'
import type { Filters, Scope, Sort, StatusFilter } from './use-topic-list'

const SCOPES: { key: Scope; label: string }[] = [
  { key: 'all', label: '全部议题' },
  { key: 'mine', label: '我提的' },
  { key: 'followed', label: '我关注的' },
]

const SORTS: { key: Sort; label: string }[] = [
  { key: 'newest', label: '最新' },
  { key: 'supported', label: '遇到的人最多' },
  { key: 'due', label: '快到答复期限' },
  { key: 'near', label: '离我近' },
]

const STATUSES: { key: StatusFilter | 'any'; label: string }[] = [
  { key: 'any', label: '全部状态' },
  { key: 'live', label: '办理中' },
  { key: 'overdue', label: '已逾期' },
  { key: 'submitted', label: '待受理' },
  { key: 'accepted', label: '已受理' },
  { key: 'deliberating', label: '议事中' },
  { key: 'answered', label: '已答复' },
  { key: 'implementing', label: '落实中' },
  { key: 'done', label: '已完成' },
  { key: 'withdrawn', label: '已撤回' },
]

export interface FiltersProps {
  filters: Filters
  categories: CategoryView[]
  change: (patch: Partial<Filters>) => void
}

export default function TopicFilters({ filters: f, categories, change }: FiltersProps) {
  const [words, setWords] = useState(f.q)
  const [open, setOpen] = useState(false)
  const cats = [{ key: 'any', label: '全部分类' }, ...categories.map((c) => ({ key: c.key, label: c.label }))]
  const chosen = [STATUSES.find((x) => x.key === (f.status ?? 'any'))?.label, cats.find((c) => c.key === (f.category ?? 'any'))?.label]
  return (
    <View className="topics__filters">
      <ChipPicker options={SCOPES} selected={[f.scope]} onPick={(scope) => change({ scope })} className="topics__chips" />
      <Input
        className="form-input topics__search"
        type="text"
        confirmType="search"
        value={words}
        maxlength={30}
        placeholder="搜索议题，如：电动车 小区"
        onInput={(e) => setWords(e.detail.value)}
        onConfirm={() => change({ q: words })}
        onBlur={() => words !== f.q && change({ q: words })}
      />
      <ChipPicker
        scroll
        options={SORTS}
        selected={[f.sort]}
        onPick={(sort) => change({ sort, ...(sort === 'due' ? { status: undefined } : {}) })}
      />
      <View className="topics__more" hoverClass="topics__more--pressed" onClick={() => setOpen(!open)}>
        <Text>筛选：{chosen.join(' · ')}</Text>
        <Text className="topics__more-arrow">{open ? '收起 ▴' : '展开 ▾'}</Text>
      </View>
      {open ? (
        <>
          <ChipPicker
            options={STATUSES}
            selected={[f.status ?? 'any']}
            onPick={(key) => change({ status: key === 'any' ? undefined : key, ...(f.sort === 'due' ? { sort: 'newest' } : {}) })}
          />
          <ChipPicker
            options={cats}
            selected={[f.category ?? 'any']}
            onPick={(key) => change({ category: key === 'any' ? undefined : key })}
          />
        </>
      ) : null}
    </View>
  )
}
