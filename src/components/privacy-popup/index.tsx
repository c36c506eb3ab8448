/**
 * The privacy popup of the weapp privacy guide flow (hooks/use-privacy.ts): shown when WeChat
 * asks for agreement before a privacy-relevant API; 同意 is the `agreePrivacyAuthorization` button.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html
 */
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { usePrivacyPrompt } from '@/hooks/use-privacy'
import './index.scss'

const AGREE_ID = 'xg-privacy-agree'

export default function PrivacyPopup() {
  const { visible, agreed, declined } = usePrivacyPrompt()
  if (!visible) return null
  return (
    <View className="privacy-popup">
      <View className="privacy-popup__sheet">
        <Text className="privacy-popup__title">隐私保护提示</Text>
        <Text className="privacy-popup__text">
          为了完成你正在做的事（设置头像、上传工牌照片等），小哥之家需要使用相关信息。请阅读并同意《小哥之家隐私保护指引》。
        </Text>
        <View className="privacy-popup__link" onClick={() => void Taro.openPrivacyContract({})}>
          <Text>查看《小哥之家隐私保护指引》</Text>
        </View>
        <View className="privacy-popup__actions">
          <Button className="button-secondary privacy-popup__button" onClick={declined}>
            不同意
          </Button>
          <Button
            id={AGREE_ID}
            className="button-primary privacy-popup__button"
            openType={'agreePrivacyAuthorization' as never}
            onClick={() => agreed(AGREE_ID)}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}
