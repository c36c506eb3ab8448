/** 导航过去 (platform files: navigate.tsx / navigate.weapp.tsx), 打电话 when there is a phone, 分享 on WeChat. */
import type { StationDetail } from '@cloud/stations/contract'
import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Navigate from './navigate'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

export default function DetailActions({ station: s }: { station: StationDetail }) {
  const phone = s.phone
  return (
    <View className="button-row detail__actions">
      <Navigate station={s} />
      {phone ? (
        <Button
          className="button-secondary button-row__item"
          hoverClass="button-secondary--hover"
          onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}
        >
          打电话
        </Button>
      ) : null}
      {IS_WEAPP ? (
        <Button className="button-secondary button-row__item" hoverClass="button-secondary--hover" openType="share">
          分享
        </Button>
      ) : null}
    </View>
  )
}
