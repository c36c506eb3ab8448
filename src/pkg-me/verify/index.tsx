/**
 * 小哥认证: work type, platform and a photo of a work badge or the app's order screen, sent to the
 * liaison of my current group (users.requestVerification). The photo goes through WeChat's photo
 * check before the liaison sees it; only the liaison sees it, and it is deleted after the decision.
 * The result arrives as a subscribe message (asked for on the submit tap) and in 我的.
 * People appointed by the town, and riders in no group yet, are told what applies to them instead.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseMedia.html
 */
import { View } from '@tarojs/components'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { useShareCard } from '@/hooks/use-share-card'
import { fetchMe } from '@/services/users'
import VerifyForm from './verify-form'
import { JoinFirst, Official, VerifyStatus } from './verify-states'
import './index.scss'

export default function VerifyPage() {
  const { state, reload } = useCloudQuery(fetchMe)
  useShareCard('小哥之家：认证成为小哥', '/pkg-me/verify/index')
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const me = state.data
  const current = me.groups.find((g) => g.current)
  if (me.verification.state === 'approved' || me.verification.state === 'pending') return <VerifyStatus me={me} />
  if (me.official) return <Official />
  if (!current) return <JoinFirst />
  return (
    <View className="page">
      <VerifyForm me={me} group={current} onSent={() => void reload()} />
    </View>
  )
}
