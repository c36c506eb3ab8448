/**
 * 我的: who I am (nickname, verified, roles) and the entry points my roles open.
 * The profile comes from `home.getHome`'s `me` until a users function exists; entries whose
 * feature has not shipped yet say so instead of leading nowhere.
 * Docs: https://docs.taro.zone/docs/hooks#usepulldownrefresh  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showToast.html
 */

import type { Role } from '@cloud/_lib/roles'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { fetchHome } from '@/services/home/fetch-home'
import { roleLabel, roleTags } from '@/utils/labels'
import './index.scss'

interface Entry {
  title: string
  hint: string
}

/** What each role can do from here; shown in this order, each entry once. */
const ENTRIES: { role: Role; entries: Entry[] }[] = [
  {
    role: 'rider',
    entries: [
      { title: '我的爱心餐预约', hint: '取餐码、保温柜号' },
      { title: '我提的议题', hint: '看进展和结果' },
      { title: '问联络员', hint: '有问题在线问' },
      { title: '公益积分', hint: '查积分、换服务' },
    ],
  },
  {
    role: 'admin',
    entries: [
      { title: '发布群公告', hint: '轮值期间可发' },
      { title: '值班表', hint: '轮值和交接' },
    ],
  },
  {
    role: 'liaison',
    entries: [
      { title: '待回答的问题', hint: '按等待时间排序' },
      { title: '认证小哥', hint: '审核认证申请' },
      { title: '议题排期', hint: '安排议事会' },
    ],
  },
  {
    role: 'staff',
    entries: [
      { title: '驿站状态', hint: '更新开放和服务' },
      { title: '核销取餐', hint: '输入取餐码' },
    ],
  },
  {
    role: 'town',
    entries: [
      { title: '数据统计', hint: '驿站、食堂、议题' },
      { title: '设置', hint: '驿站、食堂、群' },
    ],
  },
]

function comingSoon() {
  void Taro.showToast({ title: '这个功能马上上线', icon: 'none', duration: 2000 })
}

export default function MePage() {
  const { state, reload } = useCloudQuery(fetchHome)

  usePullDownRefresh(() => {
    void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh())
  })

  if (state.status === 'loading') {
    return (
      <View className="page">
        <StateView kind="loading" />
      </View>
    )
  }
  if (state.status === 'error') {
    return (
      <View className="page">
        <StateView kind="error" title="没有加载出你的信息" description={state.error.message} onAction={() => void reload()} />
      </View>
    )
  }

  const { me } = state.data
  const labels = roleTags(me.roles)
  const groups = ENTRIES.filter((group) => me.roles.includes(group.role))
  const initial = me.nickname.trim().slice(0, 1) || '我'

  return (
    <View className="page">
      <View className="me__profile">
        <View className="me__avatar">
          <Text>{initial}</Text>
        </View>
        <View className="me__who">
          <Text className="me__name">{me.nickname}</Text>
          <View className="me__tags">
            {me.verified ? <Text className="tag tag--success">已认证</Text> : <Text className="tag tag--warning">未认证</Text>}
            {labels.map((label) => (
              <Text key={label} className="tag">
                {label}
              </Text>
            ))}
          </View>
        </View>
      </View>

      <View className="page__body">
        {me.verified ? null : (
          <Card>
            <Text className="me__verify-title">认证成为小哥</Text>
            <Text className="me__verify-text">
              认证后可以预约15元爱心餐、发起和支持议题。从你所在的小哥群打开小程序，联络员审核通过即可。
            </Text>
          </Card>
        )}

        {groups.length === 0 ? null : (
          <>
            <SectionHeader title="我的服务" />
            {groups.map((group) => (
              <Card key={group.role} className="me__entries">
                <Text className="me__entries-role">{roleLabel(group.role)}</Text>
                {group.entries.map((entry) => (
                  <View key={entry.title} className="me__entry" hoverClass="me__entry--pressed" onClick={comingSoon}>
                    <Text className="me__entry-title">{entry.title}</Text>
                    <View className="me__entry-right">
                      <Text className="me__entry-hint">{entry.hint}</Text>
                      <Text className="me__entry-chevron">›</Text>
                    </View>
                  </View>
                ))}
              </Card>
            ))}
          </>
        )}

        <SectionHeader title="关于" />
        <Card>
          <Text className="me__about">
            小哥之家是镇里为外卖、快递、网约车司机等新就业群体办的服务小程序：找驿站、订爱心餐、有事一起商量。
          </Text>
        </Card>
      </View>
    </View>
  )
}
