/**
 * Not in this group (or in no group yet): say how to get in, in words a rider understands — open the
 * mini-program from the group's card, or scan the liaison's invite code.
 */
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ScanInviteButton from '@/components/scan-invite-button'
import StateView from '@/components/state-view'

export default function NoGroup({ code }: { code: string }) {
  const inNone = code === 'FAILED_PRECONDITION'
  return (
    <View className="page">
      <StateView
        kind="empty"
        glyph="群"
        title={inNone ? '你还没有加入小哥群' : '你不在这个群里'}
        description={
          inNone
            ? '在小哥微信群里点小程序卡片打开，就会自动加入那个群的微阵地；也可以扫联络员给的邀请码。'
            : '这是别的群的微阵地。从你所在的小哥群里点卡片打开，就能看到你们群的公告和联络员。'
        }
        actionText="回首页"
        onAction={() => void Taro.switchTab({ url: '/pages/index/index' })}
      />
      <View className="page__body">
        <ScanInviteButton className="fr-front__scan" />
      </View>
    </View>
  )
}
