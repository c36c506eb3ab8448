/**
 * 写交接 (while on duty): a note for the next term and the liaison's checklist to tick; 存草稿 or
 * 交班 (the next admins are told). Locked once they confirm.
 */
import type { MyTermView } from '@cloud/fronts/contract'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import { writeHandover } from '@/services/fronts'

export default function HandoverOut({ term, onChanged }: { term: MyTermView; onChanged: () => void }) {
  const out = term.handoverOut
  const [note, setNote] = useState(out?.note ?? '')
  const [items, setItems] = useState(
    term.handoverChecklist.map((text) => ({ text, done: Boolean(out?.items.find((i) => i.text === text)?.done) })),
  )
  const [error, setError] = useState<string | null>(null)
  if (!term.onDuty) return null
  const locked = out?.state === 'confirmed'
  async function save(submit: boolean) {
    setError(null)
    const r = await writeHandover({ groupId: term.groupId, note: note.trim(), items, submit })
    if (!r.ok) return setError(r.error.message)
    void Taro.showToast({ title: submit ? '已交班，已通知下一班' : '草稿已保存', icon: 'none' })
    onChanged()
  }
  const next = term.after ? term.after.admins.map((a) => a.name).join('、') : null
  return (
    <>
      <SectionHeader title="写给下一班" />
      <Card>
        <Text className="fr-note">{next ? `下一班：${next}` : '下一班还没排，交班后联络员能看到。'}</Text>
        {out ? (
          <Text className="fr-note">
            现在：{out.state === 'draft' ? '草稿' : out.state === 'handed' ? '已交班，等对方确认' : `${out.confirmedBy} 已确认接班`}
          </Text>
        ) : null}
        <Textarea
          className="form-textarea fr-textarea fr-term__handover"
          value={note}
          maxlength={500}
          disabled={locked}
          placeholder="这一班发生了什么、还有什么没办完、要留意谁"
          onInput={(e) => setNote(e.detail.value)}
        />
        {items.map((i, n) => (
          <View
            key={i.text}
            className="fr-check fr-check--tap"
            onClick={() => !locked && setItems(items.map((x, k) => (k === n ? { ...x, done: !x.done } : x)))}
          >
            <Text className={`fr-check__box${i.done ? ' fr-check__box--done' : ''}`}>{i.done ? '✓' : ''}</Text>
            <Text className="fr-check__text">{i.text}</Text>
          </View>
        ))}
        {error ? <Text className="form-error">{error}</Text> : null}
        {locked ? null : (
          <View className="button-row">
            <Button className="button-secondary button-row__item fr-term__draft" onClick={() => void save(false)}>
              存草稿
            </Button>
            <Button className="button-primary button-row__item fr-term__hand" onClick={() => void save(true)}>
              交班
            </Button>
          </View>
        )}
      </Card>
    </>
  )
}
