/**
 * 驿站: the 红色加油站 list. The stations feature fills this page (list, open-now, directions via
 * `Taro.openLocation`, reporting a broken service); until then it says what a station offers and
 * points to the nearest open ones on 首页.
 * Docs: https://docs.taro.zone/docs/apis/route/switchTab  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.openLocation.html
 */

import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import InfoList, { type InfoItem } from '@/components/info-list'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import './index.scss'

const SERVICES: InfoItem[] = [
  { badge: '热', title: '热饭', description: '带来的饭菜可以用微波炉加热。' },
  { badge: '水', title: '喝水', description: '免费热水、凉白开，水壶可以灌满再走。' },
  { badge: '电', title: '充电', description: '手机、充电宝随到随充。' },
  { badge: '歇', title: '歇脚', description: '有座位、有空调，跑累了进来坐坐。' },
  { badge: '药', title: '应急药箱', description: '创可贴、藿香正气水等常用药品。' },
  { badge: '厕', title: '卫生间', description: '干净的卫生间，随时可用。' },
]

export default function StationsPage() {
  return (
    <View className="page">
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">红色加油站</Text>
          <Text className="page-lead__text">给小哥免费歇脚、热饭、喝水、充电的地方，不用登记，进门就能用。</Text>
        </View>
        <Card>
          <StateView
            compact
            kind="empty"
            glyph="站"
            title="驿站列表马上上线"
            description="到时可以查看每个驿站是否开放、怎么走。现在可以先在首页看离你最近的开放驿站。"
            actionText="看附近的驿站"
            onAction={() => void Taro.switchTab({ url: '/pages/index/index' })}
          />
        </Card>
        <SectionHeader title="驿站能帮你做什么" />
        <Card>
          <InfoList items={SERVICES} />
        </Card>
      </View>
    </View>
  )
}
