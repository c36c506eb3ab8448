/** 认领这个群: a liaison without a group claims the group the app was opened from (its name is checked). */
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { claimGroup } from '@/services/users'
import { groupEnterInfo } from '@/services/users/group-enter-info'

function ClaimForm({ onClaimed }: { onClaimed: () => void }) {
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  async function claim() {
    setError(null)
    if (name.trim().length < 2) return setError('请填写群名称')
    setBusy(true)
    const ref = await groupEnterInfo()
    if (!ref) {
      setBusy(false)
      return setError('请从要认领的微信群里点开小程序卡片，再来认领')
    }
    const r = await claimGroup(ref, name.trim())
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    await Taro.showToast({ title: '认领成功', icon: 'success' })
    void Taro.redirectTo({ url: '/pkg-me/liaison/index' }).catch(onClaimed)
  }
  return (
    <Card>
      <View className="form-field">
        <Text className="form-label">群名称</Text>
        <Input
          className="form-input claim__name"
          value={name}
          maxlength={30}
          placeholder="例如 周浦万达骑手之家群"
          onInput={(e) => setName(e.detail.value)}
        />
      </View>
      {error ? <Text className="form-error">{error}</Text> : null}
      <Button className="button-primary form-submit claim__submit" disabled={busy ? true : undefined} onClick={() => void claim()}>
        认领
      </Button>
    </Card>
  )
}

export default function ClaimGroup({ canClaim, onClaimed }: { canClaim: boolean; onClaimed: () => void }) {
  if (!canClaim) {
    return (
      <View className="page">
        <StateView
          kind="empty"
          glyph="群"
          title="你还没有负责的群"
          description="请联系镇里为你指派联络员身份，然后从你负责的微信群里打开小程序认领。"
        />
      </View>
    )
  }
  return (
    <View className="page">
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">认领这个群</Text>
          <Text className="page-lead__text">认领后你就是这个群的联络员；群里的小哥从群里打开小程序就会自动加入。</Text>
        </View>
        <ClaimForm onClaimed={onClaimed} />
      </View>
    </View>
  )
}
