/** 隐私与帮助: what is collected and how to delete it, my number (for the town), and what the app is. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'

/** My number (openid): the town finds me by it when appointing a role; tap to copy. */
function MyNumber({ openid }: { openid: string }) {
  const copy = () =>
    void Taro.setClipboardData({ data: openid })
      .then(() => Taro.showToast({ title: '编号已复制', icon: 'none' }))
      .catch(() => undefined)
  return (
    <View className="me__entry me__number" hoverClass="me__entry--pressed" onClick={copy}>
      <Text className="me__entry-title">我的编号</Text>
      <Text className="me__number-value">{openid}</Text>
    </View>
  )
}

export default function PrivacyHelp({ openid }: { openid: string }) {
  return (
    <>
      <SectionHeader title="隐私与帮助" />
      <Card className="me__entries me__entries--plain">
        <View className="me__entry" hoverClass="me__entry--pressed" onClick={() => void Taro.navigateTo({ url: '/pkg-me/privacy/index' })}>
          <Text className="me__entry-title">隐私与个人信息</Text>
          <View className="me__entry-right">
            <Text className="me__entry-hint">收集了什么、怎么删除</Text>
            <Text className="me__entry-chevron">›</Text>
          </View>
        </View>
        <MyNumber openid={openid} />
        <Text className="me__about">
          小哥之家是镇里为外卖、快递、网约车司机等新就业群体办的服务小程序：找驿站、订爱心餐、有事一起商量。
        </Text>
      </Card>
    </>
  )
}
