/** 我的 header: avatar, name, verification and role tags, work, and 编辑资料. */
import type { MeData } from '@cloud/users/contract'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { roleTags, verificationTag } from '@/utils/labels'

export default function ProfileHeader({ me }: { me: MeData }) {
  const initial = me.nickname.trim().slice(0, 1) || '我'
  const verified = verificationTag({ verified: me.verified, official: me.official, verification: me.verification.state })
  return (
    <View className="me__profile">
      <View className="me__avatar">
        {me.avatarUrl ? <Image className="me__avatar-image" src={me.avatarUrl} mode="aspectFill" /> : <Text>{initial}</Text>}
      </View>
      <View className="me__who">
        <Text className="me__name">{me.nickname}</Text>
        <View className="me__tags">
          {verified ? <Text className={`tag tag--${verified.tone}`}>{verified.label}</Text> : null}
          {roleTags(me.roles)
            .filter((label) => !(me.verified && label === '小哥'))
            .map((label) => (
              <Text key={label} className="tag">
                {label}
              </Text>
            ))}
        </View>
        {me.workType ? <Text className="me__work">{[me.workType, me.platform].filter(Boolean).join(' · ')}</Text> : null}
      </View>
      <Button className="me__edit" hoverClass="me__edit--pressed" onClick={() => void Taro.navigateTo({ url: '/pkg-me/profile/index' })}>
        编辑资料
      </Button>
    </View>
  )
}
