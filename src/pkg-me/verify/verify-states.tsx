/** What the verification page says instead of the form: the state of my request, or what to do first. */
import type { MeData } from '@cloud/users/contract'
import { Text, View } from '@tarojs/components'
import Card from '@/components/card'
import ScanInviteButton from '@/components/scan-invite-button'
import StateView from '@/components/state-view'

export function VerifyStatus({ me }: { me: MeData }) {
  const approved = me.verification.state === 'approved'
  const group = me.verification.groupName ?? me.groups.find((g) => g.current)?.name ?? '你的小哥群'
  return (
    <View className="page">
      <View className="page__body">
        <Card>
          <Text className="verify__state-title">{approved ? '你已通过认证' : '申请已提交，等待联络员审核'}</Text>
          <Text className="verify__state-text">
            {approved ? '可以使用小哥专属的服务了。' : `审核群：${group}。结果会通过微信通知和“我的”页面告诉你。`}
          </Text>
        </Card>
      </View>
    </View>
  )
}

export function Official() {
  return (
    <View className="page">
      <StateView
        kind="empty"
        glyph="✓"
        title="你不需要认证"
        description="你是镇里指派的工作人员（联络员、站点人员或镇里），不用认证成为小哥。"
      />
    </View>
  )
}

/** In no group yet: the two ways in, in a rider's words — and a scan button where the phone can scan. */
export function JoinFirst() {
  return (
    <View className="page">
      <StateView
        kind="empty"
        glyph="群"
        title="请先加入小哥群"
        description="认证由你所在小哥群的联络员审核。从小哥微信群里点小程序卡片打开，就会自动加入；或者扫联络员给的邀请码。"
      />
      <View className="page__body">
        <ScanInviteButton />
      </View>
    </View>
  )
}
