/**
 * 议事设置 (town): the categories riders choose from (rename, add, stop using — never delete, topics
 * keep theirs) and how many riders meeting the same problem make a written answer mandatory (for
 * topics raised from now on). Saved together; audited.
 */
import { Button, Input, Switch, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { getTopicConfig, myTopicRole, updateTopicConfig } from '@/services/topics'
import { useRun } from '../use-run'
import './index.scss'

interface Row {
  key?: string
  label: string
  active: boolean
}

export default function SettingsPage() {
  const { state, reload } = useCloudQuery(getTopicConfig)
  const role = useCloudQuery(myTopicRole)
  const { busy, run } = useRun(() => reload({ quiet: true }))
  const [rows, setRows] = useState<Row[]>([])
  const [threshold, setThreshold] = useState('')
  useEffect(() => {
    if (state.status !== 'ready') return
    setRows(state.data.categories)
    setThreshold(String(state.data.supportThreshold))
  }, [state])
  if (state.status === 'loading' || role.state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  if (role.state.status === 'ready' && !role.state.data.isTown) return <StateView kind="empty" glyph="!" title="只有镇里可以修改议事设置" />
  const n = Number(threshold)
  const problem = rows.some((r) => r.label.trim().length < 2)
    ? '分类名 2–8 个字'
    : !Number.isInteger(n) || n < 2
      ? '门槛至少 2 人'
      : !rows.some((r) => r.active)
        ? '至少留一个在用的分类'
        : null
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)))
  const save = () =>
    void run(
      'save',
      () => updateTopicConfig({ categories: rows.map((r) => ({ ...r, label: r.label.trim() })), supportThreshold: n }),
      '已保存',
    )
  return (
    <View className="page settings">
      <View className="page__body">
        <Text className="page-lead__title">议事设置</Text>
        <Categories rows={rows} set={set} add={() => setRows([...rows, { label: '', active: true }])} />
        <SectionHeader title="须书面答复的门槛" />
        <Card>
          <View className="settings__row">
            <Input
              className="form-input settings__label"
              type="number"
              maxlength={4}
              value={threshold}
              onInput={(e) => setThreshold(e.detail.value)}
            />
            <Text className="settings__state">人也遇到</Text>
          </View>
          <Text className="form-hint">支持人数达到这个数，联络员必须经议事给出书面答复，不能直接撤回。只对之后提出的议题生效。</Text>
        </Card>
        <Button
          className="button-primary button-wide settings__save"
          hoverClass="button-primary--hover"
          disabled={Boolean(problem) || Boolean(busy) || undefined}
          onClick={save}
        >
          {busy ? '正在保存…' : '保存设置'}
        </Button>
        {problem ? <Text className="form-hint">{problem}</Text> : null}
      </View>
    </View>
  )
}

function Categories({ rows, set, add }: { rows: Row[]; set: (i: number, patch: Partial<Row>) => void; add: () => void }) {
  return (
    <>
      <SectionHeader title="分类" />
      <Card>
        {rows.map((r, i) => (
          <View key={r.key ?? `new-${i}`} className="settings__row">
            <Input
              className="form-input settings__label"
              type="text"
              maxlength={8}
              value={r.label}
              onInput={(e) => set(i, { label: e.detail.value })}
            />
            <Text className="settings__state">{r.active ? '在用' : '停用'}</Text>
            <Switch checked={r.active} color="#C4361C" onChange={(e) => set(i, { active: e.detail.value })} />
          </View>
        ))}
        <Button
          className="button-secondary button-wide"
          hoverClass="button-secondary--hover"
          disabled={rows.length >= 20 || undefined}
          onClick={add}
        >
          加一个分类
        </Button>
        <Text className="form-hint">分类不能删除（已有议题在用），不再用的可以停用。改名后，已有议题的分类名一起改。</Text>
      </Card>
    </>
  )
}
