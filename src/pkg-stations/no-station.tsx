/** A station page opened without a station (an old link, a bad share): say so and lead to the list. */
import Taro from '@tarojs/taro'
import StateView from '@/components/state-view'

export default function NoStation() {
  return (
    <StateView
      kind="empty"
      glyph="站"
      title="没有找到这个驿站"
      description="链接里没有驿站，去驿站列表找一找吧。"
      actionText="去驿站列表"
      onAction={() => void Taro.switchTab({ url: '/pages/stations/index' })}
    />
  )
}
