/**
 * Weekly hours + dated exceptions editor for station staff. The server validates again and
 * answers a clear Chinese message (overlap, ends before it starts, bad date), shown as is.
 * Docs: https://docs.taro.zone/docs/components/forms/picker
 */
import type { HoursException, WeeklyHours } from '@cloud/stations/contract'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'

const DAYS = ['一', '二', '三', '四', '五', '六', '日']

export interface HoursEditorProps {
  hours: WeeklyHours[]
  exceptions: HoursException[]
  onSave: (hours: WeeklyHours[], exceptions: HoursException[]) => Promise<void>
  /** Text of the save button (default 保存开放时间). */
  saveText?: string
}

export default function HoursEditor(props: HoursEditorProps) {
  const [rules, setRules] = useState<WeeklyHours[]>(props.hours.map((r) => ({ ...r, days: [...r.days] })))
  const [exceptions, setExceptions] = useState<HoursException[]>(props.exceptions.map((e) => ({ ...e })))
  const [saving, setSaving] = useState(false)

  const patch = (i: number, p: Partial<WeeklyHours>) => setRules((rs) => rs.map((r, k) => (k === i ? { ...r, ...p } : r)))
  const patchEx = (i: number, p: Partial<HoursException>) => setExceptions((es) => es.map((e, k) => (k === i ? { ...e, ...p } : e)))
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

  return (
    <View className="hours-editor">
      {rules.map((r, i) => {
        const allDay = r.open === '00:00' && r.close === '24:00'
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity of their own
          <View key={i} className="hours-editor__rule">
            <View className="hours-editor__days">
              {DAYS.map((d, k) => {
                const on = r.days.includes(k + 1)
                return (
                  <View
                    key={d}
                    className={`hours-editor__day${on ? ' hours-editor__day--on' : ''}`}
                    onClick={() => patch(i, { days: on ? r.days.filter((x) => x !== k + 1) : [...r.days, k + 1].sort() })}
                  >
                    <Text>{d}</Text>
                  </View>
                )
              })}
            </View>
            <View className="hours-editor__times">
              {allDay ? (
                <Text className="hours-editor__time">全天 24 小时</Text>
              ) : (
                <>
                  <Picker mode="time" value={r.open} onChange={(e) => patch(i, { open: e.detail.value })}>
                    <Text className="hours-editor__time">{r.open}</Text>
                  </Picker>
                  <Text className="hours-editor__to">至</Text>
                  <Picker mode="time" value={r.close === '24:00' ? '23:59' : r.close} onChange={(e) => patch(i, { close: e.detail.value })}>
                    <Text className="hours-editor__time">
                      {r.overnight ? '次日 ' : ''}
                      {r.close}
                    </Text>
                  </Picker>
                </>
              )}
            </View>
            <View className="hours-editor__toggles">
              <View
                className={`hours-editor__toggle${allDay ? ' hours-editor__toggle--on' : ''}`}
                onClick={() =>
                  patch(
                    i,
                    allDay ? { open: '08:00', close: '21:00', overnight: false } : { open: '00:00', close: '24:00', overnight: false },
                  )
                }
              >
                <Text>24 小时</Text>
              </View>
              {allDay ? null : (
                <View
                  className={`hours-editor__toggle${r.overnight ? ' hours-editor__toggle--on' : ''}`}
                  onClick={() => patch(i, { overnight: !r.overnight })}
                >
                  <Text>跨夜到次日</Text>
                </View>
              )}
              <View className="hours-editor__toggle" onClick={() => setRules((rs) => rs.filter((_, k) => k !== i))}>
                <Text>删除</Text>
              </View>
            </View>
          </View>
        )
      })}
      <Button
        className="button-secondary hours-editor__add"
        hoverClass="button-secondary--hover"
        onClick={() => setRules((rs) => [...rs, { days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '21:00' }])}
      >
        添加一段开放时间
      </Button>

      <Text className="hours-editor__heading">节假日 / 临时调整</Text>
      {exceptions.map((e, i) => (
        <View key={e.date} className="hours-editor__rule">
          <View className="hours-editor__times">
            <Picker mode="date" value={e.date} start={today} onChange={(ev) => patchEx(i, { date: ev.detail.value })}>
              <Text className="hours-editor__time">{e.date}</Text>
            </Picker>
            {e.closed ? null : (
              <>
                <Picker mode="time" value={e.open ?? '08:00'} onChange={(ev) => patchEx(i, { open: ev.detail.value })}>
                  <Text className="hours-editor__time">{e.open ?? '08:00'}</Text>
                </Picker>
                <Text className="hours-editor__to">至</Text>
                <Picker mode="time" value={e.close ?? '21:00'} onChange={(ev) => patchEx(i, { close: ev.detail.value })}>
                  <Text className="hours-editor__time">{e.close ?? '21:00'}</Text>
                </Picker>
              </>
            )}
          </View>
          <Input
            className="hours-editor__input"
            value={e.note ?? ''}
            maxlength={30}
            placeholder="说明，如：春节休息"
            onInput={(ev) => patchEx(i, { note: ev.detail.value })}
          />
          <View className="hours-editor__toggles">
            <View
              className={`hours-editor__toggle${e.closed ? ' hours-editor__toggle--on' : ''}`}
              onClick={() =>
                patchEx(
                  i,
                  e.closed ? { closed: false, open: '08:00', close: '21:00' } : { closed: true, open: undefined, close: undefined },
                )
              }
            >
              <Text>全天休息</Text>
            </View>
            <View className="hours-editor__toggle" onClick={() => setExceptions((es) => es.filter((_, k) => k !== i))}>
              <Text>删除</Text>
            </View>
          </View>
        </View>
      ))}
      <Button
        className="button-secondary hours-editor__add"
        hoverClass="button-secondary--hover"
        onClick={() => setExceptions((es) => [...es, { date: today, closed: true }])}
      >
        添加例外日期
      </Button>
      <Button
        className="button-primary hours-editor__add"
        hoverClass="button-primary--hover"
        disabled={saving || undefined}
        onClick={() => {
          setSaving(true)
          void props
            .onSave(
              rules.map((r) => ({ days: r.days, open: r.open, close: r.close, ...(r.overnight ? { overnight: true } : {}) })),
              exceptions.map((e) => ({ ...e, note: e.note || undefined })),
            )
            .finally(() => setSaving(false))
        }}
      >
        {saving ? '正在保存…' : (props.saveText ?? '保存开放时间')}
      </Button>
    </View>
  )
}
