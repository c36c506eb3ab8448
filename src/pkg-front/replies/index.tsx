/**
 * 常用回复 — the liaison's own short answers, most used first: add, change, delete. A tap on one in
 * the answer box fills it in. Each is content-checked when saved.
 */
import type { SavedReply } from '@cloud/fronts/contract'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { deleteReply, listSavedReplies, saveReply } from '@/services/fronts'
import { useFrontQuery } from '../utils/use-front-query'
import './index.scss'

function Editor({ reply, onDone }: { reply: SavedReply | null; onDone: () => void }) {
  const [title, setTitle] = useState(reply?.title ?? '')
  const [text, setText] = useState(reply?.text ?? '')
  const [error, setError] = useState<string | null>(null)
  async function save() {
    const r = await saveReply({ ...(reply ? { id: reply.id } : {}), title: title.trim(), text: text.trim() })
    if (!r.ok) return setError(r.error.message)
    onDone()
  }
  return (
    <Card className="fr-replies__editor">
      <Text className="form-label">短名字（点选时看到的）</Text>
      <Input
        className="form-input fr-replies__title"
        value={title}
        maxlength={20}
        placeholder="比如：查职业伤害保障"
        onInput={(e) => setTitle(e.detail.value)}
      />
      <Text className="form-label">回复内容</Text>
      <Textarea
        className="form-textarea fr-textarea fr-replies__text"
        value={text}
        maxlength={800}
        onInput={(e) => setText(e.detail.value)}
      />
      {error ? <Text className="form-error">{error}</Text> : null}
      <View className="button-row">
        <Button className="button-secondary button-row__item" onClick={onDone}>
          取消
        </Button>
        <Button
          className="button-primary button-row__item fr-replies__save"
          disabled={!title.trim() || text.trim().length < 2 || undefined}
          onClick={() => void save()}
        >
          保存
        </Button>
      </View>
    </Card>
  )
}

export default function RepliesPage() {
  const { state, reload } = useFrontQuery(listSavedReplies)
  const [editing, setEditing] = useState<SavedReply | 'new' | null>(null)
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const done = () => {
    setEditing(null)
    void reload({ quiet: true })
  }
  async function remove(r: SavedReply) {
    const ok = await Taro.showModal({ title: '删掉这条常用回复？', content: r.title })
    if (!ok.confirm) return
    const res = await deleteReply(r.id)
    if (!res.ok) void Taro.showToast({ title: res.error.message, icon: 'none' })
    void reload({ quiet: true })
  }
  return (
    <View className="page">
      <View className="page__body">
        {editing ? (
          <Editor reply={editing === 'new' ? null : editing} onDone={done} />
        ) : (
          <Button className="button-primary fr-replies__add" onClick={() => setEditing('new')}>
            新建常用回复
          </Button>
        )}
        {state.data.items.length === 0 && !editing ? (
          <StateView compact kind="empty" glyph="答" title="还没有常用回复" description="常被问到的问题，存一条回复，下次点一下就填好。" />
        ) : (
          state.data.items.map((r) => (
            <Card key={r.id}>
              <View className="fr-replies__head">
                <Text className="fr-row__title">{r.title}</Text>
                <Text className="fr-note">用过 {r.uses} 次</Text>
              </View>
              <Text className="fr-replies__body">{r.text}</Text>
              <View className="button-row">
                <Button className="button-secondary button-row__item" onClick={() => setEditing(r)}>
                  修改
                </Button>
                <Button className="button-secondary button-row__item" onClick={() => void remove(r)}>
                  删除
                </Button>
              </View>
            </Card>
          ))
        )}
      </View>
    </View>
  )
}
