/**
 * 加入小哥群 by invite link (`pkg-me/join/index?t=<token>`, or `?q=<url>` when WeChat opens it from
 * the scanned invite QR): for riders who cannot open the app from the group. The token is checked
 * by users.joinByInvite (unknown, expired, used up, or its liaison no longer keeps the group → a
 * clear message saying to ask for a new one).
 */
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { joinByInvite } from '@/services/users'
import { inviteTokenFrom } from '@/services/users/invite-link'
import './index.scss'

export default function JoinPage() {
  const token = inviteTokenFrom(useRouter().params)
  const join = useCallback(() => joinByInvite(token), [token])
  const { state, reload } = useCloudQuery(join)
  const toMe = () => void Taro.switchTab({ url: '/pages/me/index' })
  return (
    <View className="page">
      {state.status === 'loading' ? <StateView kind="loading" title="正在加入…" /> : null}
      {state.status === 'error' ? (
        <StateView
          kind="error"
          title="没能加入"
          description={state.error.message}
          actionText={state.error.code === 'NETWORK' || state.error.code === 'INTERNAL' ? '重试' : '去我的'}
          onAction={state.error.code === 'NETWORK' || state.error.code === 'INTERNAL' ? () => void reload() : toMe}
        />
      ) : null}
      {state.status === 'ready' ? (
        <StateView
          kind="empty"
          glyph="✓"
          title={
            state.data.status === 'joined' ? `已加入“${state.data.group?.name ?? ''}”` : `你已经在“${state.data.group?.name ?? ''}”里了`
          }
          description="下一步：在“我的”里认证成为小哥，由这个群的联络员审核。"
          actionText="去我的"
          onAction={toMe}
        />
      ) : null}
    </View>
  )
}
