/**
 * Weekly hours + dated exceptions editor (station console, station edit). The server validates
 * again and answers a clear Chinese message (overlap, ends before it starts, bad date, a note that
 * fails the content check), shown as is by the caller.
 * Docs: https://docs.taro.zone/docs/components/forms/picker
 */
import type { HoursException, WeeklyHours } from '@cloud/stations/contract'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ExceptionRow from './exception-row'
import WeeklyRule from './weekly-rule'
import './index.scss'

export interface HoursEditorProps {
  hours: WeeklyHours[]
  exceptions: HoursException[]
  onSave: (hours: WeeklyHours[], exceptions: HoursException[]) => Promise<void>
  /** Text of the save button (default 保存开放时间). */
  saveText?: string
}

const cleanRule = (r: WeeklyHours): WeeklyHours => ({
  days: r.days,
  open: r.open,
  close: r.close,
  ...(r.overnight ? { overnight: true } : {}),
})
const cleanException = (e: HoursException): HoursException => ({ ...e, note: e.note || undefined })
const replaceAt = <T,>(list: T[], i: number, patch: Partial<T>) => list.map((x, k) => (k === i ? { ...x, ...patch } : x))

export default function HoursEditor(props: HoursEditorProps) {
  const [rules, setRules] = useState<WeeklyHours[]>(props.hours.map((r) => ({ ...r, days: [...r.days] })))
  const [exceptions, setExceptions] = useState<HoursException[]>(props.exceptions.map((e) => ({ ...e })))
  const [saving, setSaving] = useState(false)
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  const save = () => {
    setSaving(true)
    void props.onSave(rules.map(cleanRule), exceptions.map(cleanException)).finally(() => setSaving(false))
  }
  const addRule = () => setRules((rs) => [...rs, { days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '21:00' }])
  const addException = () => setExceptions((es) => [...es, { date: today, closed: true }])
  return (
    <View className="hours-editor">
      {rules.map((r, i) => (
        <WeeklyRule
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity of their own
          key={i}
          rule={r}
          onChange={(p) => setRules((rs) => replaceAt(rs, i, p))}
          onRemove={() => setRules((rs) => rs.filter((_, k) => k !== i))}
        />
      ))}
      <Button className="button-secondary hours-editor__add" hoverClass="button-secondary--hover" onClick={addRule}>
        添加一段开放时间
      </Button>
      <Text className="hours-editor__heading">节假日 / 临时调整</Text>
      {exceptions.map((e, i) => (
        <ExceptionRow
          // biome-ignore lint/suspicious/noArrayIndexKey: two rows may share a date while it is being edited
          key={i}
          exception={e}
          today={today}
          onChange={(p) => setExceptions((es) => replaceAt(es, i, p))}
          onRemove={() => setExceptions((es) => es.filter((_, k) => k !== i))}
        />
      ))}
      <Button className="button-secondary hours-editor__add" hoverClass="button-secondary--hover" onClick={addException}>
        添加例外日期
      </Button>
      <Button className="button-primary hours-editor__add" hoverClass="button-primary--hover" disabled={saving || undefined} onClick={save}>
        {saving ? '正在保存…' : (props.saveText ?? '保存开放时间')}
      </Button>
    </View>
  )
}
