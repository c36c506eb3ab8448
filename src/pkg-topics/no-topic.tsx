/** A topics page opened without a topic (an old or broken link): say so and lead to the list. */
import Taro from '@tarojs/taro'
import StateView from '@/components/state-view'

export default function NoTopic() {
  return (
    <StateView
      kind="empty"
      glyph="议"
      title="没有指定议题"
      description="这个链接不完整。可以在“议事”里找到所有议题。"
      actionText="去看所有议题"
      onAction={() => void Taro.switchTab({ url: '/pages/topics/index' })}
    />
  )
}
