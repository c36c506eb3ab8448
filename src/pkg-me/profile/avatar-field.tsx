/** The avatar: WeChat's own chooser on weapp (the WeChat avatar or a photo), an image picker elsewhere. */
import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { requirePrivacy } from '@/hooks/use-privacy'

const isWeapp = process.env.TARO_ENV === 'weapp'

export default function AvatarField({ url, onPicked }: { url: string | null; onPicked: (tempPath: string) => void }) {
  async function pickImage() {
    if (!(await requirePrivacy())) return
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).catch(() => null)
    const path = res?.tempFilePaths?.[0]
    if (path) onPicked(path)
  }
  const face = url ? <Image className="profile__avatar-image" src={url} mode="aspectFill" /> : <Text>换</Text>
  return (
    <View className="form-field">
      <Text className="form-label">头像</Text>
      <View className="profile__avatar-row">
        {isWeapp ? (
          <Button
            className="profile__avatar"
            openType="chooseAvatar"
            onChooseAvatar={(e) => onPicked((e.detail as { avatarUrl: string }).avatarUrl)}
          >
            {face}
          </Button>
        ) : (
          <Button className="profile__avatar" onClick={() => void pickImage()}>
            {face}
          </Button>
        )}
        <Text className="form-hint">点头像更换，可以用微信头像</Text>
      </View>
    </View>
  )
}
