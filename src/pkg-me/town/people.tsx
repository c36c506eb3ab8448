/** 找人指派: search by nickname or the number on the person's 我的 page; each result can be appointed. */
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { type FoundUser, searchUsers, type TownOverview } from '@/services/users'
import type { PlaceNames } from '../utils/audit-text'
import PersonCard from './person-card'

export default function People({ overview, names, onChanged }: { overview: TownOverview; names: PlaceNames; onChanged: () => void }) {
  const [q, setQ] = useState('')
  const [result, setResult] = useState<FoundUser[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function search() {
    setError(null)
    if (!q.trim()) return setError('请输入昵称或编号')
    setBusy(true)
    const r = await searchUsers(q.trim())
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    setResult(r.data.users)
  }
  return (
    <>
      <Card>
        <Text className="form-label">找人</Text>
        <View className="town__search">
          <Input
            className="form-input town__q"
            value={q}
            maxlength={64}
            placeholder="昵称，或“我的”里的编号"
            confirmType="search"
            onInput={(e) => setQ(e.detail.value)}
            onConfirm={() => void search()}
          />
          <Button className="button-primary town__search-button" disabled={busy ? true : undefined} onClick={() => void search()}>
            搜索
          </Button>
        </View>
        {error ? <Text className="form-error town__error">{error}</Text> : null}
      </Card>
      {result && result.length === 0 ? (
        <Card>
          <StateView compact kind="empty" glyph="人" title="没有找到" description="换个字试试；对方需要先打开过小程序。" />
        </Card>
      ) : null}
      {result?.map((u) => (
        <PersonCard
          key={u.openid}
          user={u}
          overview={overview}
          names={names}
          onChanged={() => {
            onChanged()
            void search()
          }}
        />
      ))}
    </>
  )
}
