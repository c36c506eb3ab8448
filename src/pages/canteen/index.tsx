/**
 * 食堂: the 15-yuan 爱心餐. The meals feature fills this page (today's menu, slots, booking,
 * pickup code, locker number, cancel before the cut-off); until then it explains how booking
 * will work and points to today's slots on 首页.
 * Docs: https://docs.taro.zone/docs/apis/route/switchTab  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/subscribe-message.html
 */

import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import InfoList, { type InfoItem } from '@/components/info-list'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import './index.scss'

const STEPS: InfoItem[] = [
  { badge: '1', title: '选一个时段', description: '标着“错峰”的时段避开送餐高峰，人少、出餐快。' },
  { badge: '2', title: '预约一份爱心餐', description: '每人每餐一份，预约成功会拿到取餐码。' },
  { badge: '3', title: '到保温柜取餐', description: '饭做好后放进恒温保温柜，柜号会通知你。' },
  { badge: '4', title: '来不了就取消', description: '截止时间前可以取消，把名额让给别人。' },
]

export default function CanteenPage() {
  return (
    <View className="page">
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">15元小哥爱心餐</Text>
          <Text className="page-lead__text">荤素搭配、热乎管饱，认证小哥凭预约取餐。</Text>
        </View>
        <Card>
          <StateView
            compact
            kind="empty"
            glyph="饭"
            title="在线预约马上开放"
            description="今天还有哪些时段、剩多少份，可以先在首页查看。"
            actionText="看今天的时段"
            onAction={() => void Taro.switchTab({ url: '/pages/index/index' })}
          />
        </Card>
        <SectionHeader title="怎么预约" />
        <Card>
          <InfoList items={STEPS} />
        </Card>
      </View>
    </View>
  )
}
