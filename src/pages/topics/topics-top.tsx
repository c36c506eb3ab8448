/**
 * The top of 议事: what it is for, 提一个议题 for verified riders (others are told how to get there),
 * the liaison's and town's work list, and the town's public summary.
 */
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MyTopicRole } from '@/services/topics'

const go = (url: string) => void Taro.navigateTo({ url })

export default function TopicsTop({ role }: { role: MyTopicRole | null }) {
  return (
    <View className="topics__top">
      <Text className="page-lead__title">有事大家商量</Text>
      <Text className="page-lead__text">进小区难、停车难、没地方充电……提出来，大家支持，联络员排进议事会，按期给答复。</Text>
      {role?.canRaise ? (
        <Button className="button-primary topics__raise" hoverClass="button-primary--hover" onClick={() => go('/pkg-topics/raise/index')}>
          提一个议题
        </Button>
      ) : null}
      {role?.hint && !role.canManage ? <Text className="topics__hint">{role.hint}</Text> : null}
      <View className="button-row topics__links">
        {role?.canManage ? (
          <Button
            className="button-secondary button-row__item"
            hoverClass="button-secondary--hover"
            onClick={() => go('/pkg-topics/console/index')}
          >
            议事工作台
          </Button>
        ) : null}
        <Button
          className="button-secondary button-row__item"
          hoverClass="button-secondary--hover"
          onClick={() => go('/pkg-topics/summary/index')}
        >
          全镇议事汇总
        </Button>
      </View>
    </View>
  )
}
