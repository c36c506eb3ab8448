/**
 * 议事: consultation topics. The topics feature fills this page (raise a problem with photos,
 * support it once, comment, council sessions, outcome and follow-up timeline); until it lands the
 * page explains how a problem becomes a topic today — through the group's liaison — and promises
 * nothing the app cannot do yet.
 * Docs: https://docs.taro.zone/docs/apis/route/switchTab  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseMedia.html
 */

import { Text, View } from '@tarojs/components'
import Card from '@/components/card'
import InfoList, { type InfoItem } from '@/components/info-list'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import './index.scss'

const STEPS: InfoItem[] = [
  { badge: '提', title: '提出问题', description: '写清楚遇到了什么难处，可以配上照片和地点。' },
  { badge: '顶', title: '大家支持', description: '遇到同样问题的小哥点一下支持，也可以留言补充。' },
  { badge: '议', title: '议事会商量', description: '联络员把议题排进议事会，和相关部门一起商量办法。' },
  { badge: '结', title: '公布结果', description: '商量的结果和后续进展会通知提出人和支持者。' },
]

export default function TopicsPage() {
  return (
    <View className="page">
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">有事大家商量</Text>
          <Text className="page-lead__text">停车难、进小区难、充电不方便……说出来，一起想办法。</Text>
        </View>
        <Card>
          <StateView
            compact
            kind="empty"
            glyph="议"
            title="遇到难处，先告诉联络员"
            description="在小哥群里@联络员，把问题、地点和照片发给他。联络员会把大家反映多的事排进议事会。"
          />
        </Card>
        <SectionHeader title="一件事怎么办成" />
        <Card>
          <InfoList items={STEPS} />
        </Card>
      </View>
    </View>
  )
}
